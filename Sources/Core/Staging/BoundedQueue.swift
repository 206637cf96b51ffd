import Foundation

/// Hands values between threads in the order they were sent, holding at most `capacity` at a
/// time so that memory stays flat however much is produced. Any number of threads may send
/// and receive.
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

    /// Sends `value`, waiting while the queue is full; `false` once the queue is cancelled.
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

    /// The next value, waiting for one; `nil` when the producers have finished and all are
    /// taken, or once the queue is cancelled.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !finished && !cancelled { condition.wait() }
        guard count > 0 else { return nil }
        let value = slots[head].take()
        head = (head + 1) % slots.count
        count -= 1
        condition.broadcast()
        return value
    }

    /// Everything has been sent: receivers get what is queued, then `nil`.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Work stops: what is queued is dropped, and every send and receive, waiting or to come,
    /// returns `false` or `nil`.
    func cancel() {
        condition.lock()
        cancelled = true
        slots = Array(repeating: nil, count: slots.count)
        count = 0
        condition.broadcast()
        condition.unlock()
    }
}
