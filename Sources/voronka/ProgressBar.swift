import Foundation

/// A one-line progress bar on standard error.
enum ProgressBar {
    @Sendable static func draw(_ done: Int, _ total: Int) {
        let width = 40
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(bar) \(String(format: "%5.1f", fraction * 100)) %  \(done)/\(total)" + (done >= total ? "\n" : "")
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// Writes a line to standard output at once (unbuffered), so printed credentials reach a log or pipe immediately.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
