import Foundation

/// Hands staged batches from the thread that reads JSON to the thread that writes them into the
/// warehouse, at most `capacity` at a time, and returns emptied batches for reuse so that
/// memory stays flat however large the input.
final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var full: [StagedBatch] = []
    private var empty: [StagedBatch] = []
    private var finished = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Sends `batch`, waiting while the channel is full; `false` once the reader should stop.
    func send(_ batch: StagedBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while full.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        full.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, waiting for one; `nil` when the reader has finished and all are taken.
    func receive() -> StagedBatch? {
        condition.lock()
        defer { condition.unlock() }
        while full.isEmpty && !finished { condition.wait() }
        guard !full.isEmpty else { return nil }
        let batch = full.removeFirst()
        condition.broadcast()
        return batch
    }

    /// An emptied batch to fill again, or a new one.
    func reusableBatch(columnCount: Int) -> StagedBatch {
        condition.lock()
        defer { condition.unlock() }
        return empty.popLast() ?? StagedBatch(columnCount: columnCount)
    }

    /// Gives back a batch the writer has written.
    func recycle(_ batch: StagedBatch) {
        var batch = batch
        batch.removeAll()
        condition.lock()
        empty.append(batch)
        condition.unlock()
    }

    /// The reader has sent everything.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The writer failed: the reader stops at its next send.
    func cancel() {
        condition.lock()
        cancelled = true
        full.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
