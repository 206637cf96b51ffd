import Core
import Foundation

/// Async work waited for on a thread of the caller's own: the staging reader, the lister and
/// the command line are plain threads that call S3, which is async.
package enum Blocking {
    /// How often a wait looks whether the user asked the load to stop.
    static let interruptionPoll = 0.1

    /// Runs `operation` on the concurrency pool and blocks this thread until it ends; returns
    /// its result or throws its error. When the load is asked to stop meanwhile
    /// (``LoadInterruption``), the operation is cancelled, and ``LoadInterrupted`` is thrown
    /// once it has wound down. Never call it from async code: it would hold one of the few
    /// threads async code runs on.
    package static func run<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Outcome<Value>()
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            do {
                outcome.set(.success(try await operation()))
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        while done.wait(timeout: .now() + interruptionPoll) == .timedOut {
            if LoadInterruption.shared.requestedReason != nil { task.cancel() }
        }
        if case .failure = outcome.value { try LoadInterruption.shared.check() }
        return try outcome.value!.get()
    }

    /// The result of an operation, set on the pool and read by the waiting thread.
    private final class Outcome<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Result<Value, any Error>?

        /// Keeps the operation's result.
        func set(_ result: Result<Value, any Error>) {
            lock.withLock { stored = result }
        }

        /// The result, once the operation has ended.
        var value: Result<Value, any Error>? {
            lock.withLock { stored }
        }
    }
}
