import Foundation

/// What Voronka remembers of one record taken from another system: its id there, the record it became, a
/// fingerprint of what was imported (equal fingerprints: nothing to change) and, for deals, the time of the last
/// stage-history event taken (later events of a newer export are appended to the journal).
public struct ImportKey: Sendable, Hashable {
    /// "deal", "lead", "company", "contact", "user", "product".
    public var kind: String
    public var sourceID: String
    public var entityID: Int64
    public var fingerprint: String
    public var historyAt: Date?

    public init(kind: String, sourceID: String, entityID: Int64, fingerprint: String, historyAt: Date? = nil) {
        self.kind = kind; self.sourceID = sourceID; self.entityID = entityID; self.fingerprint = fingerprint; self.historyAt = historyAt
    }
}

/// A 64-bit FNV-1a hash as 16 hex digits: stable across processes and versions (Swift's `Hasher` is seeded per
/// process), which is what an import's fingerprint needs; it detects change, it guards nothing.
public struct Fingerprint: Sendable {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    /// Adds UTF-8 text already written out (as `JSONWriter` does): the same as adding it as a string.
    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { add(bytes: $0) }
    }

    private mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        var hash = self.hash
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3  // a separator, so "ab"+"c" differs from "a"+"bc"
    }

    public var value: String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
