/// A set of AWS access keys: an access key id, its secret, and, for temporary credentials, a
/// session token. Its `description` shows the access key id only; the secret and the token are
/// never printed.
public struct AWSCredentials: Sendable, Equatable {
    /// The access key id (`AKIA…` or `ASIA…`); not a secret.
    public let accessKeyID: String
    /// The secret access key.
    public let secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    public let sessionToken: String?

    /// Credentials from their parts; an empty session token counts as none.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken.flatMap { $0.isEmpty ? nil : $0 }
    }
}
