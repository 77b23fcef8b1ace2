import Vapor

extension Request {
    /// The address of the peer that sent this request (a proxy's, when behind one); the sign-in throttle counts per it.
    var clientAddress: String? { remoteAddress?.ipAddress }
}
