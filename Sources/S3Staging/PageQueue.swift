import Foundation

/// Pages of a listing handed from the async task that lists to the thread that visits the
/// objects, with backpressure: the lister waits, without holding a thread, while `capacity`
/// pages wait to be visited, so a listing of millions of keys never runs far ahead.
final class PageQueue<Page: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var pages: [Page] = []
    private var isFinished = false
    private var failure: (any Error)?
    private var isCancelled = false
    private var spaceWaiter: CheckedContinuation<Void, Never>?

    /// A queue holding at most `capacity` pages.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Hands `page` to the visitor, waiting while the queue is full; `false` once the visitor
    /// has stopped (the listing should stop too).
    func send(_ page: Page) async -> Bool {
        let isFull = condition.withLock {
            guard !isCancelled else { return false }
            pages.append(page)
            condition.broadcast()
            return pages.count >= capacity
        }
        if isFull {
            await withCheckedContinuation { continuation in
                condition.lock()
                if pages.count < capacity || isCancelled {
                    condition.unlock()
                    continuation.resume()
                } else {
                    spaceWaiter = continuation
                    condition.unlock()
                }
            }
        }
        return condition.withLock { !isCancelled }
    }

    /// Ends the listing: the visitor gets nil after the last page, or `error` when it failed.
    func finish(throwing error: (any Error)? = nil) {
        condition.withLock {
            isFinished = true
            failure = error
            condition.broadcast()
        }
    }

    /// The next page, blocking until one arrives; nil after the last. Throws the listing's
    /// error once the pages before it are taken.
    func receive() throws -> Page? {
        condition.lock()
        while pages.isEmpty && !isFinished && !isCancelled { condition.wait() }
        guard !pages.isEmpty else {
            defer { condition.unlock() }
            if let failure { throw failure }
            return nil
        }
        let page = pages.removeFirst()
        var waiter: CheckedContinuation<Void, Never>?
        if pages.count < capacity { swap(&waiter, &spaceWaiter) }
        condition.unlock()
        waiter?.resume()
        return page
    }

    /// The visitor is done: the lister's next send returns false.
    func cancel() {
        condition.lock()
        isCancelled = true
        pages.removeAll()
        let waiter = spaceWaiter
        spaceWaiter = nil
        condition.broadcast()
        condition.unlock()
        waiter?.resume()
    }
}
