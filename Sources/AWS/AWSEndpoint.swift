/// Where requests to a service go: a scheme, a host (with any port) and a path prefix. An
/// endpoint from `AWS_ENDPOINT_URL…` is an override: S3 is then addressed path-style
/// (`http://host/bucket/key`), as local S3-compatible servers expect.
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// `https` or `http`.
    public let scheme: String
    /// The host, with `:port` when the URL names one.
    public let host: String
    /// A path the service's paths are appended to; `""` for none.
    public let basePath: String
    /// Whether it came from an endpoint variable rather than AWS's public endpoints.
    public let isOverride: Bool

    /// Parses an endpoint URL such as `http://127.0.0.1:5000`; nil when it is not an http(s)
    /// URL with a host, or carries a query, a fragment or user information.
    public init?(url: String, isOverride: Bool = true) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard !authority.isEmpty, !rest.contains("?"), !rest.contains("#"), !authority.contains("@") else { return nil }
        var path = String(rest.dropFirst(authority.count))
        while path.hasSuffix("/") { path.removeLast() }
        var host = String(authority).lowercased()
        if scheme == "http", host.hasSuffix(":80") { host.removeLast(3) }
        if scheme == "https", host.hasSuffix(":443") { host.removeLast(4) }
        self.init(scheme: scheme, host: host, basePath: path, isOverride: isOverride)
    }

    init(scheme: String, host: String, basePath: String = "", isOverride: Bool) {
        self.scheme = scheme
        self.host = host
        self.basePath = basePath
        self.isOverride = isOverride
    }

    /// The endpoint as a URL.
    public var description: String { "\(scheme)://\(host)\(basePath)" }
}
