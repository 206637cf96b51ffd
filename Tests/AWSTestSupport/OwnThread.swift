import Foundation

/// Blocking work, such as the staging reader's, run from async tests on a thread of its own:
/// the downloads it waits for then have the concurrency pool's few threads to run on (on a
/// two-core machine, two blocked tests would otherwise hold them all).
public enum OwnThread {
    /// Runs `body` on a new thread and waits for it without holding one of the pool's.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
