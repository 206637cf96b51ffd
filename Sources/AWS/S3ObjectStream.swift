/// One S3 object as a blocking byte stream, for code that reads on a thread of its own (as a
/// POSIX `read` loop does). The object downloads in the background as it is read, streamed
/// with backpressure: at most about `bufferCapacity` bytes wait in memory, however large the
/// object. A dropped connection resumes with a `Range` request from where it was.
///
/// `read` blocks: call it from a thread of your own, never from async code (it would hold
/// one of the few threads async code runs on).
public final class S3ObjectStream: @unchecked Sendable {
    /// The object.
    public let location: S3Location
    /// Its size, when it is known from a listing.
    public let size: Int64?
    private let channel: ByteChannel
    private let download: Task<Void, Never>

    /// Starts downloading `location` with `client`.
    init(client: S3Client, location: S3Location, size: Int64?, bufferCapacity: Int) {
        self.location = location
        self.size = size
        let channel = ByteChannel(capacity: bufferCapacity)
        self.channel = channel
        download = Task {
            do {
                try await client.getObject(location) { try await channel.send($0) }
                channel.finish(throwing: nil)
            } catch {
                channel.finish(throwing: error)
            }
        }
    }

    deinit {
        close()
    }

    /// Reads the next bytes into `buffer`, blocking until some arrive; returns how many, 0 at
    /// the end of the object. Throws the download's `AWSError` (one line naming
    /// `s3://bucket/key`), or `CancellationError` after `close()`.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try channel.read(into: buffer)
    }

    /// Stops the download and lets go of its buffer; reading afterwards throws.
    public func close() {
        channel.close()
        download.cancel()
    }
}
