import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 that takes connections and never answers, as a hung server or a
/// proxy in front of a dead one looks to a client: the socket listens, so the kernel completes
/// each connection, and nothing is ever read or written. It stops listening when released.
public final class SilentServer: Sendable {
    /// The port it listens on.
    public let port: Int
    private let socket: Int32

    /// Listens on a free port of 127.0.0.1.
    public init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0 && listen(socket, 16) == 0
            }
        }
        guard socket >= 0, listening else {
            close(socket)
            throw PostgresServerError("cannot listen on 127.0.0.1")
        }
        self.socket = socket
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(socket)
    }
}
