import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy on 127.0.0.1 in front of a local server that cuts connections: once `cutAfter`
/// bytes of responses have gone back on a connection, it closes both sides, for the first
/// `times` connections that get that far. That is a real dropped connection, as a flaky
/// network gives, between the client and a real server.
public final class InterruptingProxy: @unchecked Sendable {
    /// The port clients connect to.
    public let port: Int
    private let upstreamPort: Int
    private let listener: Int32
    private let lock = NSLock()
    private let cutAfter: Int
    private var cutsLeft: Int
    private var cutCount = 0
    private var connectionCount = 0

    /// Listens on a free port, forwarding to 127.0.0.1:`upstreamPort`; the first `times`
    /// connections whose responses pass `cutAfter` bytes are cut there.
    public init(upstreamPort: Int, cutAfter: Int, times: Int = 1) throws {
        self.upstreamPort = upstreamPort
        self.cutAfter = cutAfter
        cutsLeft = times
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = TCPPort.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 && listen(listener, 64) == 0
            }
        }
        guard listening else {
            close(listener)
            throw ChildProcessError("the proxy cannot listen on 127.0.0.1")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// How many connections it has cut.
    public var cuts: Int { lock.withLock { cutCount } }

    /// How many connections it has accepted.
    public var connections: Int { lock.withLock { connectionCount } }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            lock.withLock { connectionCount += 1 }
            Thread.detachNewThread { [self] in relay(client) }
        }
    }

    /// Pumps one connection both ways until either side ends, or until it is cut.
    private func relay(_ client: Int32) {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = TCPPort.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(upstream)
            close(client)
            return
        }
        let requestsDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            Self.pump(from: client, to: upstream) { _ in true }
            shutdown(upstream, Int32(SHUT_WR))
            requestsDone.signal()
        }
        var sent = 0
        Self.pump(from: upstream, to: client) { count in
            self.lock.withLock {
                guard self.cutsLeft > 0, sent + count > self.cutAfter else {
                    sent += count
                    return true
                }
                self.cutsLeft -= 1
                self.cutCount += 1
                return false
            }
        }
        shutdown(client, Int32(SHUT_RDWR))
        shutdown(upstream, Int32(SHUT_RDWR))
        requestsDone.wait()
        close(client)
        close(upstream)
    }

    /// Copies bytes from `source` to `destination` while `allow(count)` says so.
    private static func pump(from source: Int32, to destination: Int32, allow: (Int) -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0, allow(count) else { return }
            var written = 0
            while written < count {
                let result = buffer.withUnsafeBytes { send(destination, $0.baseAddress! + written, count - written, Int32(MSG_NOSIGNAL)) }
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { return }
                written += result
            }
        }
    }
}
