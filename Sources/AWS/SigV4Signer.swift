import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4 in the `Authorization` header, as AWS
/// specifies it ("Create a signed AWS API request") and as botocore does it: every header the
/// request carries is signed but those a proxy may change (`user-agent`, `expect`, …); S3 paths
/// are encoded once, other services' paths are normalized and encoded twice.
public struct SigV4Signer: Sendable {
    /// What the request body is signed as.
    public enum Payload: Sendable, Equatable {
        /// The lower-case hex SHA-256 of the body.
        case sha256(String)
        /// `UNSIGNED-PAYLOAD`: the body is not part of the signature (S3 bodies streamed
        /// over TLS).
        case unsigned

        /// The payload of an empty body.
        public static let empty = Payload.sha256(SHA256.hexDigest(of: []))

        /// The payload of `body`.
        public static func bytes(_ body: some DataProtocol) -> Payload {
            .sha256(SHA256.hexDigest(of: body))
        }

        /// The value of `x-amz-content-sha256` for this payload.
        public var headerValue: String {
            switch self {
            case .sha256(let hash): hash
            case .unsigned: "UNSIGNED-PAYLOAD"
            }
        }
    }

    /// The keys that sign.
    public let credentials: AWSCredentials
    /// The region of the credential scope, such as `us-west-2`.
    public let region: String
    /// The signing name of the service, such as `s3` or `iam`.
    public let service: String

    /// Headers never signed: hop-by-hop headers and those a client or proxy rewrites.
    static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate",
        "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "user-agent",
        "x-amzn-trace-id",
    ]

    /// A signer for `service` in `region`.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs `request` at `date`: sets `Host` when it is missing, `X-Amz-Date`,
    /// `X-Amz-Security-Token` for temporary credentials, `X-Amz-Content-SHA256` (always for S3;
    /// elsewhere for an unsigned payload), and `Authorization`. A `Date` header the request
    /// carries is signed as it is, as in AWS's own examples.
    public func sign(_ request: inout AWSRequest, payload: Payload, date: Date) {
        let timestamp = Self.timestamp(date)
        request.headers.removeAll { $0.name.lowercased() == "authorization" }
        if request.header("host") == nil { request.headers.append(("Host", request.host)) }
        request.setHeader("X-Amz-Date", timestamp)
        if let token = credentials.sessionToken { request.setHeader("X-Amz-Security-Token", token) }
        if service == "s3" || payload == .unsigned { request.setHeader("X-Amz-Content-SHA256", payload.headerValue) }
        let (canonical, signedHeaders) = canonicalRequest(request, payloadHash: payload.headerValue)
        let scope = "\(timestamp.prefix(8))/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(timestamp)\n\(scope)\n" + SHA256.hexDigest(of: Array(canonical.utf8))
        let signature = HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(day: String(timestamp.prefix(8))))
        request.headers.append(("Authorization", "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(Data(signature).hexString)"))
    }

    /// The canonical request of `request` and its signed-header list.
    func canonicalRequest(_ request: AWSRequest, payloadHash: String) -> (String, signedHeaders: String) {
        var values = [String: [String]]()
        for (name, value) in request.headers where !Self.unsignedHeaders.contains(name.lowercased()) {
            values[name.lowercased(), default: []].append(value.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        let names = values.keys.sorted()
        let headers = names.map { "\($0):\(values[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let canonical = [request.method.uppercased(), canonicalURI(request), request.canonicalQuery, headers, signedHeaders, payloadHash]
            .joined(separator: "\n")
        return (canonical, signedHeaders)
    }

    /// The path as signed: S3 signs the encoded path as it is sent; other services sign it
    /// with dot segments and empty segments removed, encoded a second time.
    func canonicalURI(_ request: AWSRequest) -> String {
        let encoded = request.encodedPath
        guard service != "s3" else { return encoded }
        var segments = [Substring]()
        for segment in encoded.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." { _ = segments.popLast() } else { segments.append(segment) }
        }
        let trailing = encoded.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return AWSRequest.uriEncode("/" + segments.joined(separator: "/") + trailing, keepingSlash: true)
    }

    /// The signing key of `day` (`YYYYMMDD`): HMAC of the scope's parts, keyed by `AWS4` + secret.
    private func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", fields.tm_year + 1900, fields.tm_mon + 1, fields.tm_mday,
                      fields.tm_hour, fields.tm_min, fields.tm_sec)
    }
}
