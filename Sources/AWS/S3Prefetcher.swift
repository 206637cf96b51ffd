import Foundation

/// Many S3 objects read in order, fetched ahead: given the objects in the order they are to
/// be read, `next()` hands out one `S3ObjectStream` per object in that order while up to
/// `requestsInFlight` of the following ones download already, so 50,000 small objects do not
/// cost 50,000 round trips one after another. Each stream buffers at most `bufferPerObject`
/// bytes (a small object whole, a large one streamed with backpressure), so memory stays
/// below about `requestsInFlight × bufferPerObject` plus the stream being read.
///
/// `next()` blocks like `S3ObjectStream.read`: use it from a thread of your own.
public final class S3Prefetcher: @unchecked Sendable {
    private let client: S3Client
    private let objects: [S3Location]
    private let requestsInFlight: Int
    private let bufferPerObject: Int
    private let lock = NSLock()
    private var nextToStart = 0
    private var started: [S3ObjectStream] = []
    private var isCancelled = false

    /// Starts fetching the first `requestsInFlight` of `objects`.
    public init(client: S3Client, objects: [S3Location], requestsInFlight: Int = 32, bufferPerObject: Int = 1 << 20) {
        self.client = client
        self.objects = objects
        self.requestsInFlight = max(1, requestsInFlight)
        self.bufferPerObject = max(1, bufferPerObject)
        lock.withLock { startMore() }
    }

    deinit {
        cancel()
    }

    /// The stream of the next object, in the order given; nil after the last. Starting it
    /// started the download of one more. Throws `CancellationError` after `cancel()`.
    public func next() throws -> S3ObjectStream? {
        try lock.withLock {
            guard !isCancelled else { throw CancellationError() }
            guard !started.isEmpty else { return nil }
            let stream = started.removeFirst()
            startMore()
            return stream
        }
    }

    /// Stops every download not yet handed out; streams already handed out are the caller's
    /// to close.
    public func cancel() {
        let pending = lock.withLock {
            isCancelled = true
            defer { started = [] }
            return started
        }
        pending.forEach { $0.close() }
    }

    /// Fills the window of downloads in flight. Called with the lock held.
    private func startMore() {
        while started.count < requestsInFlight && nextToStart < objects.count {
            started.append(S3ObjectStream(client: client, location: objects[nextToStart], bufferCapacity: bufferPerObject))
            nextToStart += 1
        }
    }
}
