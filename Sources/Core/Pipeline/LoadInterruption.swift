import Foundation

/// A request that the work in progress stop, as when the user presses Ctrl-C: staging and the
/// pipeline look at it between batches and steps (the warehouse is asked separately to stop a
/// statement it is running), and the job then fails with ``LoadInterrupted``, so that its
/// transaction leaves the warehouse as it was. Signals are the process's, so there is one.
public final class LoadInterruption: @unchecked Sendable {
    /// The process's interruption.
    public static let shared = LoadInterruption()

    private let lock = NSLock()
    private var reason: String?

    private init() {}

    /// Asks the work in progress to stop; `reason` says why, such as `SIGINT`.
    public func request(reason: String) {
        lock.withLock { self.reason = self.reason ?? reason }
    }

    /// Why a stop was asked for; `nil` when none was.
    public var requestedReason: String? {
        lock.withLock { reason }
    }

    /// Throws ``LoadInterrupted`` once a stop was asked for.
    public func check() throws(LoadInterrupted) {
        if let reason = requestedReason { throw LoadInterrupted(reason: reason) }
    }
}

/// The work stopped because it was asked to (see ``LoadInterruption``).
public struct LoadInterrupted: Error, Sendable, CustomStringConvertible {
    /// Why, such as `SIGINT`.
    public let reason: String

    /// `interrupted by SIGINT`.
    public var description: String { "interrupted by \(reason)" }
}
