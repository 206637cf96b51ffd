import Foundation

extension S3Client {
    /// Every object whose key starts with `location.key`, in key order, page by page
    /// (ListObjectsV2, `pageSize` keys a page, at most 1,000, S3's default). `onPage` gets each
    /// page as it arrives, so a long listing can be worked on before it ends.
    public func listObjects(in location: S3Location, pageSize: Int? = nil,
                            onPage: ([S3ObjectSummary]) async throws -> Void) async throws {
        var token: String?
        repeat {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("encoding-type", "url")]
            if !location.key.isEmpty { query.append(("prefix", location.key)) }
            if let pageSize { query.append(("max-keys", String(pageSize))) }
            if let token { query.append(("continuation-token", token)) }
            let operation = Operation(method: "GET", location: location, isObject: false, query: query)
            let (_, body) = try await perform(operation)
            let page = try XMLTree.parse(Data(body.readableBytesView), resource: operation.resource)
            guard page.name == "ListBucketResult" else {
                throw AWSError(resource: operation.resource, code: "InvalidResponse", message: "expected ListBucketResult, got \(page.name)")
            }
            let isURLEncoded = page["EncodingType"] == "url"
            let objects = try page.children("Contents").map { contents in
                guard let rawKey = contents["Key"], let size = Int64(contents["Size"] ?? "") else {
                    throw AWSError(resource: operation.resource, code: "InvalidResponse", message: "a listed object has no Key or Size")
                }
                let key = isURLEncoded ? try Self.urlDecoded(rawKey, resource: operation.resource) : rawKey
                return S3ObjectSummary(key: key, size: size, eTag: Self.unquoted(contents["ETag"] ?? ""),
                                       lastModified: contents["LastModified"] ?? "")
            }
            try await onPage(objects)
            token = page["IsTruncated"] == "true" ? page["NextContinuationToken"] : nil
            if page["IsTruncated"] == "true" && (token ?? "").isEmpty {
                throw AWSError(resource: operation.resource, code: "InvalidResponse", message: "a truncated listing without NextContinuationToken")
            }
        } while token != nil
    }

    /// Every object whose key starts with `location.key`, in key order.
    public func listObjects(in location: S3Location, pageSize: Int? = nil) async throws -> [S3ObjectSummary] {
        var objects = [S3ObjectSummary]()
        try await listObjects(in: location, pageSize: pageSize) { objects += $0 }
        return objects
    }

    /// A key of a listing asked for with `encoding-type=url`: `+` is a space, `%XX` a byte.
    static func urlDecoded(_ text: String, resource: String) throws -> String {
        guard let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            throw AWSError(resource: resource, code: "InvalidResponse", message: "a listed key is not URL-encoded: \(text)")
        }
        return decoded
    }
}
