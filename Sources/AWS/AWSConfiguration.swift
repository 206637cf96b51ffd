/// The AWS settings calls are made with: credentials (or none, for unsigned requests), the
/// region and any endpoint overrides. `resolve` finds them as the AWS tools do; `init` takes
/// them as they are.
public struct AWSConfiguration: Sendable, CustomStringConvertible {
    /// The keys requests are signed with; nil sends them unsigned (`--no-sign-request`).
    public var credentials: AWSCredentials?
    /// Where `credentials` were found.
    public var credentialSource: AWSCredentialSource
    /// The region, or nil when none is configured (S3 then starts in us-east-1 and follows
    /// the bucket's region).
    public var region: String?
    /// The endpoint for every service (`AWS_ENDPOINT_URL`), or nil.
    public var endpointOverride: AWSEndpoint?
    /// Endpoints for single services, by `AWSService.endpointVariableID`
    /// (`AWS_ENDPOINT_URL_S3`, …); they win over `endpointOverride`.
    public var serviceEndpointOverrides: [String: AWSEndpoint]

    /// Settings as given.
    public init(credentials: AWSCredentials?, credentialSource: AWSCredentialSource? = nil, region: String?,
                endpointOverride: AWSEndpoint? = nil, serviceEndpointOverrides: [String: AWSEndpoint] = [:]) {
        self.credentials = credentials
        self.credentialSource = credentialSource ?? (credentials == nil ? .anonymous : .seed("the caller"))
        self.region = region
        self.endpointOverride = endpointOverride
        self.serviceEndpointOverrides = serviceEndpointOverrides
    }

    /// The endpoint requests to `service` go to in `region`.
    public func endpoint(for service: AWSService, region: String) -> AWSEndpoint {
        serviceEndpointOverrides[service.endpointVariableID] ?? endpointOverride
            ?? AWSEndpoint(scheme: "https", host: service.publicHost(region: region), isOverride: false)
    }

    /// The region `service` signs for: a global service's own, else the configured one.
    func signingRegion(for service: AWSService) -> String? {
        service.globalRegion ?? region
    }

    /// The settings without the secret: where the keys come from, the key id, the region and
    /// the endpoints.
    public var description: String {
        var parts = ["credentials: \(credentialSource)"]
        if let credentials { parts.append("access key id \(credentials.accessKeyID)") }
        parts.append("region: \(region ?? "none")")
        if let endpointOverride { parts.append("endpoint: \(endpointOverride)") }
        for (id, endpoint) in serviceEndpointOverrides.sorted(by: { $0.key < $1.key }) { parts.append("\(id) endpoint: \(endpoint)") }
        return parts.joined(separator: ", ")
    }
}
