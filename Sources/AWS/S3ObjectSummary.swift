/// One object of a listing.
public struct S3ObjectSummary: Sendable, Equatable {
    /// The object's key.
    public let key: String
    /// Its size in bytes.
    public let size: Int64
    /// Its ETag, without quotes: the MD5 of a single-part upload, `HASH-PARTS` of a multipart one.
    public let eTag: String
    /// When it was last written, as S3 writes it (ISO 8601).
    public let lastModified: String
}
