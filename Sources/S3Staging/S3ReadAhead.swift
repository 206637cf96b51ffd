import AWS
import Foundation

/// The downloads of one listing of a dataset, run ahead of the reader: the lister hands over
/// the objects it finds, and the reader asks for their streams, one by one in the same order,
/// while up to `requestsInFlight` of the following objects download already.
///
/// Nothing downloads until the reader asks for the first stream, so a listing that only counts
/// objects (a dry run) fetches none. A reader that asks out of order gets its objects opened
/// one by one instead.
final class S3ReadAhead: @unchecked Sendable {
    private let client: S3Client
    private let requestsInFlight: Int
    private let lock = NSLock()
    /// Objects listed before the first stream was asked for.
    private var pending: [S3Location] = []
    private var prefetcher: S3Prefetcher?
    private var isListed = false
    private var isCancelled = false
    /// Whether the reader has asked for the streams in listing order so far.
    private var isInOrder = true

    /// Downloads with `client`, `requestsInFlight` at a time.
    init(client: S3Client, requestsInFlight: Int) {
        self.client = client
        self.requestsInFlight = requestsInFlight
    }

    /// Objects the listing found, to be read after those listed before.
    func listed(_ objects: [S3Location]) {
        lock.withLock {
            guard !isCancelled, !objects.isEmpty else { return }
            if let prefetcher { prefetcher.add(objects) } else { pending += objects }
        }
    }

    /// The listing has ended: no more objects will come.
    func finishListing() {
        lock.withLock {
            isListed = true
            prefetcher?.finish()
        }
    }

    /// The reader stopped: downloads not yet handed out stop too.
    func cancel() {
        lock.withLock {
            isCancelled = true
            pending = []
            prefetcher?.cancel()
        }
    }

    /// The stream of `location`, the next object in listing order: from the downloads run
    /// ahead, which start with the first call.
    func stream(of location: S3Location) throws -> S3ObjectStream {
        let prefetcher: S3Prefetcher? = lock.withLock {
            guard isInOrder else { return nil }
            if let running = self.prefetcher { return running }
            let started = client.prefetch(pending, isComplete: isListed, requestsInFlight: requestsInFlight)
            if isCancelled { started.cancel() }
            pending = []
            self.prefetcher = started
            return started
        }
        if let prefetcher {
            let stream = try prefetcher.next()
            if let stream, stream.location == location { return stream }
            stream?.close()
            lock.withLock {
                isInOrder = false
                prefetcher.cancel()
            }
        }
        return client.openObject(location)
    }
}
