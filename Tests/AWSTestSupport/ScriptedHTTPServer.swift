import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP server on 127.0.0.1 that answers requests as a test scripts it: each request gets
/// the next of its answers (the last one again once they run out), on a connection that it
/// then closes. It keeps every request it got, so a test can check what was asked. It stands
/// in for AWS where a test needs answers moto does not give (a cluster that is `creating` for
/// a while), and for the service that echoes the caller's address.
public final class ScriptedHTTPServer: @unchecked Sendable {
    /// A scripted answer.
    public struct Answer: Sendable {
        /// The HTTP status.
        public let status: Int
        /// The body, sent as text/xml.
        public let body: String

        /// An answer of `status` with `body`.
        public init(status: Int, body: String) {
            self.status = status
            self.body = body
        }
    }

    /// A request as it came.
    public struct Request: Sendable {
        /// `GET`, `POST`, …
        public let method: String
        /// The path and query.
        public let path: String
        /// The body, as text.
        public let body: String

        /// The form fields of a Query-protocol request's body, decoded (`+` is a space).
        public var form: [String: String] {
            var fields: [String: String] = [:]
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { part in
                    let spaced = part.replacingOccurrences(of: "+", with: " ")
                    return spaced.removingPercentEncoding ?? spaced
                }
                fields[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            return fields
        }
    }

    /// The port it listens on.
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var answers: [Answer]
    private var received: [Request] = []

    /// Listens on a free port and answers with `answers`, in order.
    public init(answers: [Answer]) throws {
        precondition(!answers.isEmpty)
        self.answers = answers
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 && listen(listener, 16) == 0
            }
        }
        guard listening else {
            close(listener)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// The requests so far, in order.
    public var requests: [Request] { lock.withLock { received } }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            // A thread per connection: a client may open one it sends nothing on (a pool
            // warming up), which must not hold up the next.
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    /// Reads one request (head, then a body of its Content-Length) and sends the next answer.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        func readMore() -> Bool {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            bytes += buffer[..<count]
            return true
        }
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            guard readMore() else { return }
            headEnd = bytes.indices.dropLast(3).first { Array(bytes[$0..<$0 + 4]) == separator }
        }
        let head = String(decoding: bytes[..<headEnd!], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ").map(String.init)
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        while bytes.count < headEnd! + 4 + length {
            guard readMore() else { return }
        }
        let body = String(decoding: bytes[(headEnd! + 4)..<(headEnd! + 4 + length)], as: UTF8.self)
        let answer = lock.withLock {
            received.append(Request(method: requestLine.first ?? "", path: requestLine.count > 1 ? requestLine[1] : "", body: body))
            return answers.count > 1 ? answers.removeFirst() : answers[0]
        }
        let payload = Array(answer.body.utf8)
        let response = "HTTP/1.1 \(answer.status) Scripted\r\nContent-Type: text/xml\r\nContent-Length: \(payload.count)\r\nConnection: close\r\n\r\n"
        let all = Array(response.utf8) + payload
        var sent = 0
        while sent < all.count {
            let count = all[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }
}
