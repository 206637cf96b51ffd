import AWS

/// One local file to upload, and where it goes.
public struct S3UploadItem: Sendable, Hashable {
    /// The file, as a path the system opens.
    public let path: String
    /// The file as messages show it: the path as the user named it.
    public let name: String
    /// Where it goes.
    public let location: S3Location
    /// Its size in bytes.
    public let size: Int64

    /// An item from its parts.
    public init(path: String, name: String, location: S3Location, size: Int64) {
        self.path = path
        self.name = name
        self.location = location
        self.size = size
    }
}
