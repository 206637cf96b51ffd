/// What the caller knows of AWS settings from its own configuration (dwh.cfg's `[AWS] KEY`
/// and `SECRET`, `[S3] REGION`): used after the environment and the shared files, as the
/// last resort before failing.
public struct AWSSeed: Sendable {
    /// Keys from the caller's configuration, or nil.
    public var credentials: AWSCredentials?
    /// A region from the caller's configuration, or nil.
    public var region: String?
    /// Where they come from, for messages (`dwh.cfg [AWS]`).
    public var label: String

    /// A seed; by default it holds nothing.
    public init(credentials: AWSCredentials? = nil, region: String? = nil, label: String = "the configuration") {
        self.credentials = credentials
        self.region = region
        self.label = label
    }
}
