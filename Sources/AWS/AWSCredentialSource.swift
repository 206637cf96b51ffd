/// Where the credentials in use were found, for messages such as "using AWS credentials
/// from profile default".
public enum AWSCredentialSource: Sendable, Equatable, CustomStringConvertible {
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
    case environment
    /// A profile of the shared files; `file` is the one that held the keys.
    case profile(name: String, file: String)
    /// The caller's seed, such as dwh.cfg's `[AWS]` section, by its label.
    case seed(String)
    /// No credentials: requests are sent unsigned.
    case anonymous

    /// Where, in words.
    public var description: String {
        switch self {
        case .environment: "the environment (AWS_ACCESS_KEY_ID)"
        case .profile(let name, let file): "profile \(name) in \(file)"
        case .seed(let label): label
        case .anonymous: "none (unsigned requests)"
        }
    }
}
