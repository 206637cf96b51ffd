/// A failed AWS call, or AWS settings that cannot be used: always one line naming what was
/// being done (`s3://bucket/key`, `iam CreateAccessKey`, a setting's name), AWS's error code
/// and its message. It never holds a secret: messages come from AWS's `<Code>` and
/// `<Message>`, which hold none, and control characters are escaped.
public struct AWSError: Error, Sendable, CustomStringConvertible {
    /// What the call was about: `s3://bucket/key`, `iam CreateAccessKey`, `AWS_PROFILE`.
    public let resource: String
    /// AWS's error code (`NoSuchKey`, `AccessDenied`, `SignatureDoesNotMatch`, …) or one of
    /// this module's: `InvalidConfiguration`, `NetworkError`, `ConnectionRefused`, `Timeout`,
    /// `InvalidResponse`, `InvalidS3URL`, `FileError`, `FileChanged`.
    public let code: String
    /// AWS's message, or this module's explanation.
    public let message: String
    /// The HTTP status of the response, when there was one.
    public let statusCode: Int?
    /// The region S3 says the bucket is in, when it answered a request sent to another.
    let bucketRegion: String?

    /// An error about `resource`.
    public init(resource: String, code: String, message: String, statusCode: Int? = nil) {
        self.init(resource: resource, code: code, message: message, statusCode: statusCode, bucketRegion: nil)
    }

    init(resource: String, code: String, message: String, statusCode: Int?, bucketRegion: String?) {
        self.resource = resource
        self.code = code
        self.message = message
        self.statusCode = statusCode
        self.bucketRegion = bucketRegion
    }

    /// `RESOURCE: CODE: MESSAGE (HTTP STATUS)` on one line.
    public var description: String {
        let status = statusCode.map { " (HTTP \($0))" } ?? ""
        let text = message.isEmpty ? code : "\(code): \(message)"
        return "\(resource): \(text)\(status)".escapingControlCharacters
    }

    /// Whether trying the same request again may succeed: server errors, throttling, time-outs
    /// and dropped connections.
    public var isRetryable: Bool {
        if Self.retryableCodes.contains(code) { return true }
        guard let statusCode else { return false }
        return statusCode == 429 || (500...599).contains(statusCode) && statusCode != 501
    }

    static let retryableCodes: Set<String> = [
        "NetworkError", "Timeout", "SlowDown", "Throttling", "ThrottlingException", "ThrottledException",
        "RequestThrottled", "RequestThrottledException", "TooManyRequestsException", "RequestLimitExceeded",
        "ProvisionedThroughputExceededException", "BandwidthLimitExceeded", "RequestTimeout",
        "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable", "PriorRequestNotComplete",
        "EC2ThrottledException", "IDPCommunicationError",
    ]
}
