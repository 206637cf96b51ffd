import Foundation

extension Thread {
    /// Runs `body` on a new thread of its own, as the staging reader runs, and waits for it
    /// without holding one of the threads async code runs on.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
