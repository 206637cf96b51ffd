import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An S3 client on AsyncHTTPClient: listings, heads, streamed downloads that resume where a
/// dropped connection left them, uploads (multipart for large files), each request signed
/// with SigV4 (or unsigned for anonymous access), timed out, and retried with backoff on
/// server errors, throttling and dropped connections. A request sent to the wrong region is
/// sent again to the bucket's own, which is remembered. Errors are one line naming the
/// `s3://bucket/key` and S3's code.
///
/// Buckets are addressed virtual-host style (`bucket.s3.REGION.amazonaws.com`) on AWS when
/// their name allows it, path style (`HOST/bucket/key`) otherwise and always at an endpoint
/// override such as a local S3.
public final class S3Client: Sendable {
    /// The credentials, region and endpoints in use.
    public let configuration: AWSConfiguration
    /// The time limits and retries.
    public let options: AWSClientOptions
    /// Regions learnt from S3 for buckets outside the configured region.
    private let bucketRegions = Locked<[String: String]>([:])

    /// A client with `configuration` and `options`.
    public init(configuration: AWSConfiguration, options: AWSClientOptions = AWSClientOptions()) {
        self.configuration = configuration
        self.options = options
    }

    /// One S3 request before addressing and signing.
    struct Operation: Sendable {
        var method: String
        var location: S3Location
        /// Whether it addresses the object `location.key` rather than the bucket.
        var isObject: Bool
        var query: [(name: String, value: String)] = []
        var headers: [(name: String, value: String)] = []
        var body: AWSRequestBody = .empty
        var payload: SigV4Signer.Payload = .empty

        var resource: String { isObject ? location.description : "s3://\(location.bucket)" + (location.key.isEmpty ? "" : "/\(location.key)") }
    }

    /// The region requests for `bucket` are signed for and sent to.
    func region(for bucket: String) -> String {
        bucketRegions.withLock { $0[bucket] } ?? configuration.region ?? "us-east-1"
    }

    /// Remembers that `bucket` is in `region`.
    func remember(region: String, for bucket: String) {
        bucketRegions.withLock { $0[bucket] = region }
    }

    /// `operation` as an HTTP request to `region`'s endpoint.
    func request(for operation: Operation, region: String) -> AWSRequest {
        let endpoint = configuration.endpoint(for: .s3, region: region)
        let location = operation.location
        let pathStyle = endpoint.isOverride || !location.isVirtualHostable
        let host = pathStyle ? endpoint.host : "\(location.bucket).\(endpoint.host)"
        var path = endpoint.basePath + (pathStyle ? "/\(location.bucket)" : "")
        if operation.isObject { path += "/" + location.key } else if !pathStyle { path += "/" }
        return AWSRequest(method: operation.method, scheme: endpoint.scheme, host: host, path: path,
                          query: operation.query, headers: operation.headers)
    }

    /// Sends `operation` once (twice when S3 names another region for the bucket) and returns
    /// a successful response with its body unread; an error response becomes its `AWSError`.
    func send(_ operation: Operation) async throws -> HTTPClientResponse {
        var region = region(for: operation.location.bucket)
        var corrected = false
        while true {
            let signer = configuration.credentials.map { SigV4Signer(credentials: $0, region: region, service: "s3") }
            let response = try await AWSTransport.send(request(for: operation, region: region), body: operation.body,
                                                       payload: operation.payload, signer: signer,
                                                       timeout: options.timeout(bodyLength: operation.body.length),
                                                       resource: operation.resource)
            if (200..<300).contains(Int(response.status.code)) { return response }
            let error = await AWSError.from(response: response, resource: operation.resource)
            if !corrected, let actual = try await regionHint(error, bucket: operation.location.bucket), actual != region {
                remember(region: actual, for: operation.location.bucket)
                region = actual
                corrected = true
                continue
            }
            throw error
        }
    }

    /// Sends `operation` with retries and reads the whole response body (at most `limit`
    /// bytes). A 200 response whose body is an `<Error>` (as CompleteMultipartUpload may
    /// give) is that error.
    func perform(_ operation: Operation, limit: Int = 64 << 20) async throws -> (headers: HTTPHeaders, body: ByteBuffer) {
        try await options.retrying {
            let response = try await send(operation)
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: limit)
            } catch {
                throw AWSTransport.transportError(error, resource: operation.resource, endpoint: "S3")
            }
            if Self.isErrorDocument(body) {
                throw AWSError.from(status: Int(response.status.code), headers: response.headers, body: body, resource: operation.resource)
            }
            return (response.headers, body)
        }
    }

    /// The region S3 says `bucket` is in, when `error` is S3 saying the request went to the
    /// wrong one (asking HeadBucket when the error does not say); nil for any other error.
    private func regionHint(_ error: AWSError, bucket: String) async throws -> String? {
        let redirects: Set<String> = ["PermanentRedirect", "TemporaryRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException"]
        guard redirects.contains(error.code) || error.statusCode == 301 || error.statusCode == 307 else { return nil }
        if let region = error.bucketRegion { return region }
        return try await headBucket(bucket).region
    }

    /// Whether a 200 response's body is an `<Error>` document rather than the result.
    static func isErrorDocument(_ body: ByteBuffer) -> Bool {
        var start = String(decoding: body.readableBytesView.prefix(512), as: UTF8.self)[...]
        start = start.drop { $0.isWhitespace }
        if start.hasPrefix("<?xml"), let end = start.range(of: "?>") { start = start[end.upperBound...].drop { $0.isWhitespace } }
        return start.hasPrefix("<Error>") || start.hasPrefix("<Error ")
    }

    /// An ETag without its quotes.
    static func unquoted(_ eTag: String) -> String {
        eTag.count >= 2 && eTag.hasPrefix("\"") && eTag.hasSuffix("\"") ? String(eTag.dropFirst().dropLast()) : eTag
    }
}
