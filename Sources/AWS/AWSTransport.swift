import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP client every AWS call goes through: one per process, HTTP/1.1 (S3 speaks no
/// other), no redirects followed (S3's redirects name another region and need a new
/// signature), enough connections per host for the prefetcher, a connect and an idle-read
/// timeout. It lives as long as the process, as AsyncHTTPClient's own shared client does.
enum AWSTransport {
    /// The shared client.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: connectTimeout, read: idleReadTimeout),
            connectionPool: .init(idleTimeout: .seconds(20), concurrentHTTP1ConnectionsPerHostSoftLimit: 128),
            decompression: .disabled)
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// How long connecting may take, including the HTTP client's own tries again.
    static let connectTimeout = TimeAmount.seconds(10)

    /// How long a response may go without a byte arriving while its body is read.
    static let idleReadTimeout = TimeAmount.seconds(60)

    /// Sends `request` once, signed with `signer` (unsigned when nil), and returns the
    /// response with its body not yet read. A transport failure becomes an `AWSError`
    /// (`Timeout` or `NetworkError`, both retryable) naming `resource`.
    static func send(_ request: AWSRequest, body: AWSRequestBody, payload: SigV4Signer.Payload, signer: SigV4Signer?,
                     timeout: Duration, resource: String) async throws -> HTTPClientResponse {
        var signed = request
        signer?.sign(&signed, payload: payload, date: .now)
        var http = HTTPClientRequest(url: signed.url)
        http.method = HTTPMethod(rawValue: signed.method)
        // The client sets Host from the URL, to the same host and port as was signed.
        for (name, value) in signed.headers where name.lowercased() != "host" {
            http.headers.add(name: name, value: value)
        }
        switch body {
        case .empty:
            if ["PUT", "POST"].contains(signed.method) { http.body = .bytes(ByteBuffer()) }
        case .bytes(let buffer):
            http.body = .bytes(buffer)
        case .file(let path, let offset, let length):
            http.body = .stream(FileChunks(path: path, offset: offset, length: length), length: .known(length))
        }
        let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        do {
            return try await client.execute(http, timeout: .nanoseconds(nanoseconds))
        } catch {
            throw transportError(error, resource: resource, endpoint: "\(signed.scheme)://\(signed.host)")
        }
    }

    /// A failure below HTTP as a one-line `AWSError`, retryable but for a refused
    /// connection (the HTTP client has already tried to connect again for its whole connect
    /// timeout); cancellation stays itself.
    static func transportError(_ error: any Error, resource: String, endpoint: String) -> any Error {
        if error is CancellationError || error is AWSError { return error }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED {
            return AWSError(resource: resource, code: "ConnectionRefused", message: "\(endpoint) refused the connection (for \(connectTimeout.nanoseconds / 1_000_000_000) s)")
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return CancellationError()
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return AWSError(resource: resource, code: "Timeout", message: "\(endpoint) did not answer in time (\(error))")
            default: break
            }
        }
        return AWSError(resource: resource, code: "NetworkError", message: "\(endpoint): \(error)")
    }
}
