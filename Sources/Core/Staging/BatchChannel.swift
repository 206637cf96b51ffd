import Foundation

/// Hands staged batches from the thread that reads JSON to the thread that writes them into the
/// warehouse, at most `capacity` at a time, and returns emptied batches for reuse so that
/// memory stays flat however large the input.
final class BatchChannel: @unchecked Sendable {
    private let queue: BoundedQueue<StagedBatch>
    private let lock = NSLock()
    private var empty: [StagedBatch] = []

    init(capacity: Int) {
        queue = BoundedQueue(capacity: capacity)
    }

    /// Sends `batch`, waiting while the channel is full; `false` once the reader should stop.
    func send(_ batch: StagedBatch) -> Bool { queue.send(batch) }

    /// The next batch, waiting for one; `nil` when the reader has finished and all are taken.
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

    /// The reader has sent everything.
    func finish() { queue.finish() }

    /// The writer failed: the reader stops at its next send.
    func cancel() { queue.cancel() }
}
