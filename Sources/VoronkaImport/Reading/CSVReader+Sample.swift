extension CSVReader {
    /// The header and the first `rows` records of a file, read from its first 256 KiB (a preview of a file of any size).
    public func sample(of bytes: [UInt8], rows: Int) -> (header: [String], rows: [[String]]) {
        var end = min(bytes.count, 262_144)
        if end < bytes.count, let newline = bytes[..<end].lastIndex(of: 0x0A) { end = newline + 1 }
        var reader = self
        reader.encoding = encoding ?? detectedEncoding(of: bytes)
        var out: [[String]] = []
        let info = reader.forEachRecord(in: Array(bytes[..<end])) { record in
            if out.count < rows { out.append(record.fields) }
        }
        return (info.header, out)
    }
}
