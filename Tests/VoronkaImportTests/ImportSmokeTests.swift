import Testing
@testable import VoronkaImport
