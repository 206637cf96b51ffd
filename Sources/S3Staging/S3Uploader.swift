import AWS
import Core

/// Uploads local files to S3 a few at a time, each skipped when an object with the same
/// content is already there (see `S3Client.upload(file:to:)`).
public enum S3Uploader {
    /// Uploads `items`, `inFlight` at a time, and returns what happened to each, in their
    /// order, telling `progress` of each file done (as `destination`'s upload). The first
    /// failure stops the others and is thrown: one line naming the file or the
    /// `s3://bucket/key`.
    public static func upload(_ items: [S3UploadItem], with client: S3Client, inFlight: Int = 32,
                              progress: (any ProgressObserver)? = nil, destination: String = "S3") throws -> [S3UploadOutcome] {
        progress?.uploadBegan(destination, files: items.count, bytes: items.map(\.size).reduce(0, +))
        return try Blocking.run {
            try await withThrowingTaskGroup(of: (Int, S3UploadOutcome).self) { group in
                var outcomes = [S3UploadOutcome?](repeating: nil, count: items.count)
                var next = 0
                func startNext() {
                    let index = next
                    next += 1
                    group.addTask {
                        (index, try await client.upload(file: items[index].path, to: items[index].location, contentType: "application/json"))
                    }
                }
                while next < min(max(1, inFlight), items.count) { startNext() }
                while let (index, outcome) = try await group.next() {
                    outcomes[index] = outcome
                    progress?.uploaded(bytes: items[index].size, skipped: outcome == .skipped)
                    if next < items.count { startNext() }
                }
                return outcomes.map { $0! }
            }
        }
    }
}
