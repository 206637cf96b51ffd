import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension AWSError {
    /// The error an AWS response describes: the `<Error>` element of its XML body (S3's
    /// `<Error>`, the Query protocol's `<ErrorResponse><Error>`, EC2's
    /// `<Response><Errors><Error>`), with its `Code` and `Message`; or, for a body without one
    /// (a HEAD response), a code that the status implies. S3's `x-amz-bucket-region` header
    /// or `<Region>` element is kept for the region correction.
    static func from(status: Int, headers: HTTPHeaders, body: ByteBuffer, resource: String) -> AWSError {
        var code: String?
        var message = ""
        var region = headers.first(name: "x-amz-bucket-region")
        if body.readableBytes > 0, let tree = try? XMLTree.parse(Data(body.readableBytesView), resource: resource),
           let error = tree.first("Error") {
            code = error["Code"].flatMap { $0.isEmpty ? nil : $0 }
            message = error["Message"] ?? ""
            region = region ?? error["Region"]
        }
        return AWSError(resource: resource, code: code ?? statusCode(status), message: message, statusCode: status, bucketRegion: region)
    }

    /// The error of a response whose body is not yet read: reads at most 1 MiB of it.
    static func from(response: HTTPClientResponse, resource: String) async -> AWSError {
        let body = (try? await response.body.collect(upTo: 1 << 20)) ?? ByteBuffer()
        return from(status: Int(response.status.code), headers: response.headers, body: body, resource: resource)
    }

    /// A code for a status that came without an error document.
    static func statusCode(_ status: Int) -> String {
        switch status {
        case 301: "PermanentRedirect"
        case 307: "TemporaryRedirect"
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 412: "PreconditionFailed"
        case 416: "InvalidRange"
        case 429: "Throttling"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        default: "HTTP\(status)"
        }
    }

    /// The same error, its message saying how many tries it took.
    func afterTries(_ count: Int) -> AWSError {
        guard count > 1 else { return self }
        let note = "gave up after \(count) tries"
        return AWSError(resource: resource, code: code, message: message.isEmpty ? note : "\(message) (\(note))",
                        statusCode: statusCode, bucketRegion: bucketRegion)
    }
}
