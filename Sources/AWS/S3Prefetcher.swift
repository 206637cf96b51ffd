import Foundation

/// Many S3 objects read in order, fetched ahead: given the objects in the order they are to
/// be read, `next()` hands out one `S3ObjectStream` per object in that order while up to
/// `requestsInFlight` of the following ones download already, so 50,000 small objects do not
/// cost 50,000 round trips one after another. Each stream buffers at most `bufferPerObject`
/// bytes (a small object whole, a large one streamed with backpressure), so memory stays
/// below about `requestsInFlight × bufferPerObject` plus the streams handed out.
///
/// The objects may be given all at once, or page by page as a listing finds them (`add`, then
/// `finish`), so that listing and reading overlap; `S3Client.prefetch(listing:)` does that
/// listing itself.
///
/// `next()` blocks like `S3ObjectStream.read`: use it from a thread of your own.
public final class S3Prefetcher: @unchecked Sendable {
    private let client: S3Client
    private let requestsInFlight: Int
    private let bufferPerObject: Int
    private let condition = NSCondition()
    private var waiting: [(location: S3Location, size: Int64?)] = []
    private var nextWaiting = 0
    private var started: [S3ObjectStream] = []
    private var isComplete: Bool
    private var failure: (any Error)?
    private var isCancelled = false

    /// Starts fetching the first `requestsInFlight` of `objects`. With `isComplete` false,
    /// more are to come through `add`, and `finish` says when there are no more.
    public init(client: S3Client, objects: [S3Location], isComplete: Bool = true, requestsInFlight: Int = 32,
                bufferPerObject: Int = 1 << 20) {
        self.client = client
        self.requestsInFlight = max(1, requestsInFlight)
        self.bufferPerObject = max(1, bufferPerObject)
        self.isComplete = isComplete
        waiting = objects.map { ($0, nil) }
        condition.withLock { startMore() }
    }

    deinit {
        cancel()
    }

    /// Appends `objects`, to be read after those given so far; only before `finish()` (or
    /// when the prefetcher was made with `isComplete` false).
    public func add(_ objects: [S3Location]) {
        add(objects.map { ($0, nil) })
    }

    /// Appends listed objects, whose streams then know their sizes.
    func add(_ objects: [(location: S3Location, size: Int64?)]) {
        condition.withLock {
            precondition(!isComplete, "S3Prefetcher.add after its objects were complete")
            guard !isCancelled else { return }
            waiting += objects
            startMore()
            condition.broadcast()
        }
    }

    /// Says that no more objects will be added: `next()` returns nil after the last, or, with
    /// `error` (the listing failed), throws it there.
    public func finish(throwing error: (any Error)? = nil) {
        condition.withLock {
            isComplete = true
            failure = error
            condition.broadcast()
        }
    }

    /// The stream of the next object, in the order given; nil after the last (once `finish`
    /// was called, or at once when the objects were complete). Waits while the next object is
    /// still to be added. Handing it out starts the download of one more. Throws the error
    /// `finish` was given in place of nil, and `CancellationError` after `cancel()`.
    public func next() throws -> S3ObjectStream? {
        try condition.withLock {
            while started.isEmpty && !isComplete && !isCancelled { condition.wait() }
            guard !isCancelled else { throw CancellationError() }
            guard !started.isEmpty else {
                if let failure { throw failure }
                return nil
            }
            let stream = started.removeFirst()
            startMore()
            return stream
        }
    }

    /// Stops every download not yet handed out, and wakes a waiting `next()`; streams already
    /// handed out are the caller's to close.
    public func cancel() {
        let pending = condition.withLock {
            isCancelled = true
            condition.broadcast()
            defer { started = [] }
            return started
        }
        pending.forEach { $0.close() }
    }

    /// Whether `cancel()` was called (a listing feeding it then stops).
    var wasCancelled: Bool {
        condition.withLock { isCancelled }
    }

    /// Fills the window of downloads in flight. Called with the lock held.
    private func startMore() {
        while !isCancelled && started.count < requestsInFlight && nextWaiting < waiting.count {
            let (location, size) = waiting[nextWaiting]
            started.append(S3ObjectStream(client: client, location: location, size: size, bufferCapacity: bufferPerObject))
            nextWaiting += 1
        }
        if nextWaiting > 4096 && nextWaiting * 2 > waiting.count {
            waiting.removeFirst(nextWaiting)
            nextWaiting = 0
        }
    }
}
