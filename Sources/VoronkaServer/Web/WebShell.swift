import VoronkaWeb

/// The page shell of `VoronkaWeb` (Vapor's console also has a `Shell`).
typealias WebShell = Shell
