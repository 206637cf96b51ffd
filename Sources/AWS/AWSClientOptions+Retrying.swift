extension AWSClientOptions {
    /// Runs `attempt` until it succeeds, fails with an error that is not retryable, or has
    /// been tried `maxAttempts` times, pausing with backoff between tries. The last error says
    /// how many tries were made.
    func retrying<Result>(_ attempt: () async throws -> Result) async throws -> Result {
        var failures = 0
        while true {
            do {
                return try await attempt()
            } catch let error as AWSError where error.isRetryable {
                failures += 1
                guard failures < maxAttempts else { throw error.afterTries(failures) }
                try await Task.sleep(for: delay(afterFailures: failures))
            }
        }
    }
}
