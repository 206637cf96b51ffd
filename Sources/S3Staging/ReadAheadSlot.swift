import AWS
import Foundation

/// Where an ``S3Source`` keeps the downloads of the listing in progress, so that the reader
/// opening an object finds the stream the listing started for it. A new listing (the next
/// dataset) lets go of the previous one's downloads.
final class ReadAheadSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var readAhead: S3ReadAhead?

    /// The downloads of a new listing, replacing those of the last.
    func begin(client: S3Client, requestsInFlight: Int) -> S3ReadAhead {
        let next = S3ReadAhead(client: client, requestsInFlight: requestsInFlight)
        let previous = lock.withLock {
            defer { readAhead = next }
            return readAhead
        }
        previous?.cancel()
        return next
    }

    /// The downloads of the listing in progress or last made, if any.
    var current: S3ReadAhead? {
        lock.withLock { readAhead }
    }
}
