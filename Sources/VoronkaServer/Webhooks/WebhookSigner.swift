import Foundation
import Vapor

/// Standard Webhooks signatures: `v1,` and the base64 of HMAC-SHA256 over `id.timestamp.body`, keyed by the secret's
/// base64 after `whsec_`.
enum WebhookSigner {
    /// A new secret: `whsec_` and 32 random bytes in base64.
    static func newSecret() -> String {
        var rng = SystemRandomNumberGenerator()
        return "whsec_" + Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }).base64EncodedString()
    }

    /// The `webhook-signature` header's value; nil for a secret that is not `whsec_` and base64.
    static func signature(secret: String, id: String, timestamp: Int, body: String) -> String? {
        guard secret.hasPrefix("whsec_"), let key = Data(base64Encoded: String(secret.dropFirst(6))), !key.isEmpty else { return nil }
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).\(body)".utf8), using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }
}
