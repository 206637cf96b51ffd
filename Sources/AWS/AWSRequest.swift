/// An HTTP request to an AWS endpoint as SigV4 sees it: the path and the query parameters are
/// held unencoded, and encoded exactly one way (AWS's URI encoding: every byte but
/// `A–Z a–z 0–9 - . _ ~` as `%XX`), so the URL that is sent and the canonical request that is
/// signed never disagree.
public struct AWSRequest: Sendable {
    /// The method, such as `GET`.
    public var method: String
    /// `https` or `http`.
    public var scheme: String
    /// The host, with `:port` when the port is not the scheme's default.
    public var host: String
    /// The unencoded path, starting with `/` (an S3 key appears here as it is).
    public var path: String
    /// The unencoded query parameters, in any order; a parameter without a value has `""`.
    public var query: [(name: String, value: String)]
    /// The headers, names in any case; a name may repeat.
    public var headers: [(name: String, value: String)]

    /// A request; `host` may carry a port (`127.0.0.1:5000`).
    public init(method: String, scheme: String = "https", host: String, path: String = "/",
                query: [(name: String, value: String)] = [], headers: [(name: String, value: String)] = []) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
    }

    /// The path as sent: each segment URI-encoded, `/` kept.
    public var encodedPath: String { Self.uriEncode(path, keepingSlash: true) }

    /// The query string as sent and as signed: names and values URI-encoded, sorted by name
    /// and then by value.
    public var canonicalQuery: String {
        query.map { (Self.uriEncode($0.name, keepingSlash: false), Self.uriEncode($0.value, keepingSlash: false)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// The URL to send, built from the encoded path and the canonical query.
    public var url: String {
        let query = canonicalQuery
        return "\(scheme)://\(host)\(encodedPath)" + (query.isEmpty ? "" : "?" + query)
    }

    /// The value of the first header named `name` (in any case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Sets the header `name` to `value`, replacing any of that name.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    /// AWS's URI encoding of the UTF-8 bytes of `text`: unreserved characters as they are,
    /// every other byte as `%XX` with upper-case hex digits; `/` kept when `keepingSlash`.
    static func uriEncode(_ text: String, keepingSlash: Bool) -> String {
        var encoded = [UInt8]()
        encoded.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.append(byte)
            case UInt8(ascii: "/") where keepingSlash:
                encoded.append(byte)
            default:
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
