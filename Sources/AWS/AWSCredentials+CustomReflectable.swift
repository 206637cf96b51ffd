extension AWSCredentials: CustomReflectable {
    /// A mirror without the secret or the session token, so `dump` and debuggers show neither.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "secretAccessKey": "<redacted>"], displayStyle: .struct)
    }
}
