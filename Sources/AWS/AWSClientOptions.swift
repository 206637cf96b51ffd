/// How calls are made: time limits and retries. The defaults suit AWS over the internet.
public struct AWSClientOptions: Sendable {
    /// How long a request may take until the response's head arrives (a body being sent
    /// extends it by `minimumTransferRate`); a streamed response body is then bounded by
    /// the HTTP client's idle-read timeout instead.
    public var requestTimeout: Duration
    /// How many times a request is tried in all when it fails with a server error, throttling,
    /// a time-out or a dropped connection.
    public var maxAttempts: Int
    /// The delay before the first retry; each further retry doubles it, with jitter.
    public var retryBaseDelay: Duration
    /// The longest delay between two tries.
    public var retryMaxDelay: Duration
    /// The slowest upload rate, in bytes per second, that a request body's deadline allows for.
    public var minimumTransferRate: Int

    /// Options; the defaults are a 30 s timeout, 5 tries, 200 ms doubling to at most 5 s, and
    /// bodies of at least 256 KiB/s.
    public init(requestTimeout: Duration = .seconds(30), maxAttempts: Int = 5, retryBaseDelay: Duration = .milliseconds(200),
                retryMaxDelay: Duration = .seconds(5), minimumTransferRate: Int = 256 * 1024) {
        self.requestTimeout = requestTimeout
        self.maxAttempts = max(1, maxAttempts)
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.minimumTransferRate = max(1, minimumTransferRate)
    }

    /// The pause before try number `attempt + 1` (after `attempt` failures): exponential
    /// with full jitter between half and all of it.
    func delay(afterFailures attempt: Int) -> Duration {
        let exponential = retryBaseDelay * (1 << min(attempt - 1, 20))
        let capped = min(exponential, retryMaxDelay)
        return capped * Double.random(in: 0.5...1.0)
    }

    /// The time allowed for a request whose body has `bodyLength` bytes.
    func timeout(bodyLength: Int64) -> Duration {
        requestTimeout + .seconds(Double(bodyLength) / Double(minimumTransferRate))
    }
}
