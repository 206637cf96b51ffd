import Foundation

/// A clock for tests whose sleeps take no time: sleeping until a moment moves the clock there
/// at once. A wait of twenty minutes runs in as long as its HTTP calls take.
final class SteppingClock: Clock, @unchecked Sendable {
    /// A moment: the time since the clock was made.
    struct Instant: InstantProtocol {
        let offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (left: Instant, right: Instant) -> Bool { left.offset < right.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        lock.withLock { current = max(current, deadline) }
    }
}
