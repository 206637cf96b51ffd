import Foundation

/// Hands values from one producing thread to one consuming thread, in order, holding at most
/// `capacity` at a time so that memory stays flat however much is produced.
final class BoundedQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var queued: [Element] = []
    private var head = 0
    private var finished = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Sends `value`, waiting while the queue is full; `false` once the consumer has cancelled.
    func send(_ value: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queued.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queued.append(value)
        condition.broadcast()
        return true
    }

    /// The next value, waiting for one; `nil` when the producer has finished and all are taken.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while queued.count == head && !finished { condition.wait() }
        guard queued.count > head else { return nil }
        let value = queued[head]
        head += 1
        if head == queued.count {
            queued.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return value
    }

    /// The producer has sent everything.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer stops: the producer's next send returns `false`, and what is queued is dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        queued.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }
}
