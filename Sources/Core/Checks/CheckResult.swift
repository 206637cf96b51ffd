/// The outcome of one ``QualityCheck``.
public struct CheckResult: Sendable, Equatable {
    /// The check run.
    public let check: QualityCheck
    /// The integer its query yielded.
    public let count: Int64

    /// Whether the check passed.
    public var passed: Bool { check.expectation.isMet(by: count) }

    /// Creates a result.
    public init(check: QualityCheck, count: Int64) {
        self.check = check
        self.count = count
    }
}
