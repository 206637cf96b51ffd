/// Polls a cluster until it is available or gone, telling of its state and the time waited,
/// and gives up after a timeout. The clock is a parameter, so that the polling can be driven
/// by a test's clock as well as the real one.
package struct ClusterWaiter<WaitClock: Clock>: Sendable where WaitClock.Duration == Duration {
    /// What the wait is for.
    package enum Goal: Sendable {
        /// The cluster is `available`.
        case available
        /// DescribeClusters no longer finds it.
        case gone
    }

    /// The clock that measures the wait and sleeps between polls.
    package let clock: WaitClock
    /// The time between two polls.
    package let interval: Duration
    /// The longest wait.
    package let timeout: Duration

    /// A waiter polling every `interval` for at most `timeout`, by `clock`.
    package init(clock: WaitClock, interval: Duration, timeout: Duration) {
        self.clock = clock
        self.interval = interval
        self.timeout = timeout
    }

    /// States from which a cluster does not become available by waiting.
    static var hopeless: Set<String> {
        ["deleting", "final-snapshot", "hardware-failure", "incompatible-hsm", "incompatible-network", "incompatible-parameters",
         "incompatible-restore", "paused", "storage-full"]
    }

    /// Polls `describe` (nil: there is no such cluster) until `goal` holds, calling
    /// `progress` with each state seen and the time waited so far; returns the last
    /// description (nil once gone). Throws a ``ClusterWaitError`` on a timeout, or when the
    /// cluster can no longer become available.
    package func wait(for goal: Goal, cluster identifier: String, describe: () async throws -> ClusterDescription?,
                      progress: (String, Duration) -> Void) async throws -> ClusterDescription? {
        let start = clock.now
        while true {
            let cluster = try await describe()
            let waited = start.duration(to: clock.now)
            switch (goal, cluster) {
            case (.gone, nil):
                return nil
            case (.available, nil):
                throw ClusterWaitError(identifier: identifier, reason: "no longer exists (deleted meanwhile?)")
            case (.available, let cluster?) where cluster.isAvailable:
                return cluster
            case (.available, let cluster?) where Self.hopeless.contains(cluster.status):
                throw ClusterWaitError(identifier: identifier, reason: "is \(cluster.status), so it will not become available")
            default:
                break
            }
            let status = cluster?.status ?? "gone"
            progress(status, waited)
            guard waited < timeout else {
                let wanted = goal == .available ? "available" : "gone"
                throw ClusterWaitError(identifier: identifier,
                                       reason: "is still \(status) after \(DurationText.text(waited)), not yet \(wanted): run the command again to go on waiting, or look with `sparkify-load cluster status`")
            }
            try await clock.sleep(until: clock.now.advanced(by: min(interval, timeout - waited)), tolerance: nil)
        }
    }
}
