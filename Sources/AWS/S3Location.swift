/// A bucket and a key (or key prefix), written `s3://bucket/key`. The key is taken as it is
/// written, as the AWS CLI takes it: spaces, `+`, `%` and any Unicode are part of the key,
/// not escapes.
public struct S3Location: Sendable, Hashable, CustomStringConvertible {
    /// The bucket's name.
    public let bucket: String
    /// The key or prefix; `""` for the whole bucket.
    public let key: String

    /// A location from its parts.
    public init(bucket: String, key: String = "") {
        self.bucket = bucket
        self.key = key
    }

    /// Parses `s3://bucket/key`; throws one line naming the URL when it is not one: another
    /// scheme, no bucket, or a bucket name S3 would refuse (3 to 63 characters of letters,
    /// digits, `.`, `-` and `_`, starting and ending with a letter or digit).
    public init(url: String) throws {
        guard url.lowercased().hasPrefix("s3://") else {
            throw AWSError(resource: url, code: "InvalidS3URL", message: "an S3 location starts with s3://")
        }
        let rest = url.dropFirst(5)
        let bucket = String(rest.prefix { $0 != "/" })
        let key = String(rest.dropFirst(bucket.count + 1))
        guard Self.isValidBucketName(bucket) else {
            throw AWSError(resource: url, code: "InvalidS3URL",
                           message: bucket.isEmpty ? "no bucket name" : "\(bucket) is not a bucket name (3 to 63 letters, digits, '.', '-' or '_')")
        }
        self.init(bucket: bucket, key: key)
    }

    /// `s3://bucket/key`.
    public var description: String {
        key.isEmpty ? "s3://\(bucket)/" : "s3://\(bucket)/\(key)"
    }

    /// Whether S3 accepts `name` as a bucket's name (legacy names with capitals and `_`
    /// included, as us-east-1 still serves them).
    static func isValidBucketName(_ name: String) -> Bool {
        let isAlphanumeric = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber) }
        guard (3...63).contains(name.count), let first = name.first, let last = name.last,
              isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return name.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "-" || $0 == "_" }
    }

    /// Whether the bucket can be a host name label: lower case, no dots or underscores
    /// (a dot would break the TLS certificate's wildcard).
    var isVirtualHostable: Bool {
        bucket.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}
