import Foundation

/// Hands staged batches from the threads that parse JSON to the thread that writes them into
/// the warehouse, at most `capacity` at a time, and returns emptied batches for reuse so that
/// memory stays flat however large the input.
final class BatchChannel: @unchecked Sendable {
    private let queue: BoundedQueue<StagedBatch>
    private let lock = NSLock()
    private var empty: [StagedBatch] = []
    /// Producers that have not finished yet.
    private var producing: Int

    /// A channel holding up to `capacity` batches, fed by `producers` threads.
    init(capacity: Int, producers: Int) {
        queue = BoundedQueue(capacity: capacity)
        producing = producers
    }

    /// Sends `batch`, waiting while the channel is full; `false` once the channel is cancelled.
    func send(_ batch: StagedBatch) -> Bool { queue.send(batch) }

    /// The next batch, waiting for one; `nil` when every producer has finished and all are
    /// taken, or once the channel is cancelled.
    func receive() -> StagedBatch? { queue.receive() }

    /// An emptied batch to fill again, or a new one.
    func reusableBatch(columnCount: Int) -> StagedBatch {
        lock.withLock { empty.popLast() } ?? StagedBatch(columnCount: columnCount)
    }

    /// Gives back a batch the writer has written.
    func recycle(_ batch: StagedBatch) {
        var batch = batch
        batch.removeAll()
        lock.withLock { empty.append(batch) }
    }

    /// One producer has sent everything; once the last one has, the writer receives what is
    /// queued and then `nil`.
    func finish() {
        let isLast = lock.withLock {
            producing -= 1
            return producing == 0
        }
        if isLast { queue.finish() }
    }

    /// Staging stops: every send, and the writer's receive, fail from now on.
    func cancel() { queue.cancel() }
}
