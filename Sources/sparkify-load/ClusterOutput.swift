import Foundation
import Presentation

/// Prints the lifecycle's lines on standard output and its waits on the progress line.
final class ClusterOutput: @unchecked Sendable {
    private let progress: ProgressLine
    private let lock = NSLock()
    private var shownStatus: String?

    /// Output with `progress` for the waits.
    init(progress: ProgressLine) {
        self.progress = progress
    }

    /// Prints `line`, the progress line out of its way.
    func report(_ line: String) {
        progress.clear()
        lock.withLock { shownStatus = nil }
        SparkifyLoad.printOutput(line)
    }

    /// Shows that `cluster` is `status`: a new step each time the state changes.
    func waiting(for cluster: String, until goal: String) -> @Sendable (String, Duration) -> Void {
        { [self] status, _ in
            let changed = lock.withLock {
                defer { shownStatus = status }
                return shownStatus != status
            }
            if changed { progress.beginStep("cluster \(cluster): \(status), waiting until \(goal)") }
        }
    }
}
