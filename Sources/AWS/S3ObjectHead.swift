import AsyncHTTPClient
import NIOHTTP1

/// What HeadObject (or the head of a GetObject) tells of an object.
public struct S3ObjectHead: Sendable, Equatable {
    /// Its size in bytes.
    public let size: Int64
    /// Its ETag, without quotes.
    public let eTag: String
    /// Its user metadata (`x-amz-meta-NAME`), by lower-case `NAME`.
    public let metadata: [String: String]
    /// Its content type, if it has one.
    public let contentType: String?

    /// A head from its parts.
    public init(size: Int64, eTag: String, metadata: [String: String] = [:], contentType: String? = nil) {
        self.size = size
        self.eTag = eTag
        self.metadata = metadata
        self.contentType = contentType
    }

    /// The head of a whole-object response's headers.
    init(headers: HTTPHeaders) {
        var metadata = [String: String]()
        for (name, value) in headers where name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(name.lowercased().dropFirst("x-amz-meta-".count))] = value
        }
        self.init(size: Int64(headers.first(name: "content-length") ?? "") ?? 0,
                  eTag: S3Client.unquoted(headers.first(name: "etag") ?? ""),
                  metadata: metadata, contentType: headers.first(name: "content-type"))
    }
}
