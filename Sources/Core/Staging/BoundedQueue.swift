import Foundation

/// Hands values from one producing thread to one consuming thread, in order, holding at most
/// `capacity` at a time so that memory stays flat however much is produced.
final class BoundedQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    /// A ring: `count` values from `head` on, the other slots empty so that nothing taken is
    /// kept alive.
    private var slots: [Element?]
    private var head = 0
    private var count = 0
    private var finished = false
    private var cancelled = false

    init(capacity: Int) {
        slots = Array(repeating: nil, count: capacity)
    }

    /// Sends `value`, waiting while the queue is full; `false` once the consumer has cancelled.
    func send(_ value: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == slots.count && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        slots[(head + count) % slots.count] = value
        count += 1
        condition.broadcast()
        return true
    }

    /// The next value, waiting for one; `nil` when the producer has finished and all are taken.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !finished { condition.wait() }
        guard count > 0 else { return nil }
        let value = slots[head].take()
        head = (head + 1) % slots.count
        count -= 1
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
        slots = Array(repeating: nil, count: slots.count)
        count = 0
        condition.broadcast()
        condition.unlock()
    }
}
