/// What `S3Client.upload(file:to:)` did.
public enum S3UploadOutcome: Sendable, Equatable {
    /// The file was sent (in `parts` parts; 1 for a single PutObject).
    case uploaded(parts: Int)
    /// An object with the same size and checksum was already there.
    case skipped
}
