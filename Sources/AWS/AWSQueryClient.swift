import Foundation
import NIOCore

/// Calls of the AWS Query protocol, which IAM, Redshift, EC2 and STS speak: a form-encoded
/// POST of `Action`, `Version` and the parameters, signed with SigV4, answered in XML. Calls
/// are timed out and retried as S3's are; an error response (`<ErrorResponse><Error>`, or
/// EC2's `<Response><Errors><Error>`) becomes one line naming the service, the action, the
/// code and the message.
public struct AWSQueryClient: Sendable {
    /// The service called.
    public let service: AWSService
    /// The credentials, region and endpoints in use.
    public let configuration: AWSConfiguration
    /// The time limits and retries.
    public let options: AWSClientOptions

    /// A client of `service`, which must have a `queryAPIVersion`.
    public init(service: AWSService, configuration: AWSConfiguration, options: AWSClientOptions = AWSClientOptions()) {
        precondition(service.queryAPIVersion != nil, "\(service.signingName) has no Query API version")
        self.service = service
        self.configuration = configuration
        self.options = options
    }

    /// Calls `action` with `parameters` (names as the API spells them, such as
    /// `UserName` or `Tags.member.1.Key`) and returns the response's root element, such as
    /// `<CreateAccessKeyResponse>`.
    public func call(_ action: String, _ parameters: [(name: String, value: String)] = []) async throws -> XMLTree {
        let resource = "\(service.signingName) \(action)"
        guard let region = configuration.signingRegion(for: service) else {
            throw AWSError(resource: resource, code: "InvalidConfiguration",
                           message: "no AWS region: set AWS_REGION, or region in the AWS profile")
        }
        let fields = [("Action", action), ("Version", service.queryAPIVersion!)] + parameters
        // Form encoding, as botocore sends it: a space is `+` (a rule description has spaces).
        let encode = { (text: String) in AWSRequest.uriEncode(text, keepingSlash: false).replacingOccurrences(of: "%20", with: "+") }
        let form = fields.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
        let endpoint = configuration.endpoint(for: service, region: region)
        let request = AWSRequest(method: "POST", scheme: endpoint.scheme, host: endpoint.host, path: endpoint.basePath + "/",
                                 headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")])
        let signer = configuration.credentials.map { SigV4Signer(credentials: $0, region: region, service: service.signingName) }
        let body = ByteBuffer(string: form)
        return try await options.retrying {
            let response = try await AWSTransport.send(request, body: .bytes(body), payload: .bytes(Array(form.utf8)), signer: signer,
                                                       timeout: options.requestTimeout, resource: resource)
            guard (200..<300).contains(Int(response.status.code)) else {
                throw await AWSError.from(response: response, resource: resource)
            }
            let bytes: ByteBuffer
            do {
                bytes = try await response.body.collect(upTo: 16 << 20)
            } catch {
                throw AWSTransport.transportError(error, resource: resource, endpoint: endpoint.description)
            }
            return try XMLTree.parse(Data(bytes.readableBytesView), resource: resource)
        }
    }
}
