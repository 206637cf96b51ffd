extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible {
    /// The access key id with the secret (and any session token) redacted.
    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>"
            + (sessionToken == nil ? ")" : ", sessionToken: <redacted>)")
    }

    /// The same as `description`: debugging output redacts the secret too.
    public var debugDescription: String { description }
}
