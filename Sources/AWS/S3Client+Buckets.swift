import AsyncHTTPClient
import Foundation
import NIOCore

extension S3Client {
    /// The region `bucket` is in: the `x-amz-bucket-region` header of HeadBucket (which S3
    /// sends even when it refuses the request or redirects it), else GetBucketLocation's
    /// answer (empty meaning us-east-1, `EU` meaning eu-west-1).
    public func bucketRegion(_ bucket: String) async throws -> String {
        let resource = "s3://\(bucket)"
        let (status, region) = try await headBucket(bucket)
        if let region { return region }
        if status == 404 {
            throw AWSError(resource: resource, code: "NoSuchBucket", message: "The specified bucket does not exist", statusCode: 404)
        }
        let location = Operation(method: "GET", location: S3Location(bucket: bucket), isObject: false, query: [("location", "")])
        let (_, body) = try await perform(location)
        let constraint = try XMLTree.parse(Data(body.readableBytesView), resource: resource).text
        return constraint.isEmpty ? "us-east-1" : constraint == "EU" ? "eu-west-1" : constraint
    }

    /// HeadBucket's status and `x-amz-bucket-region`, whatever the status.
    func headBucket(_ bucket: String) async throws -> (status: Int, region: String?) {
        let head = Operation(method: "HEAD", location: S3Location(bucket: bucket), isObject: false)
        let region = region(for: bucket)
        let signer = configuration.credentials.map { SigV4Signer(credentials: $0, region: region, service: "s3") }
        let response = try await options.retrying {
            try await AWSTransport.send(request(for: head, region: region), body: .empty, payload: .empty, signer: signer,
                                        timeout: options.requestTimeout, resource: head.resource)
        }
        _ = try? await response.body.collect(upTo: 1 << 20)
        let bucketRegion = response.headers.first(name: "x-amz-bucket-region").flatMap { $0.isEmpty ? nil : $0 }
        return (Int(response.status.code), bucketRegion)
    }

    /// Creates `bucket` in `region` (the configured region when nil).
    public func createBucket(_ bucket: String, region: String? = nil) async throws {
        let region = region ?? configuration.region ?? "us-east-1"
        remember(region: region, for: bucket)
        var operation = Operation(method: "PUT", location: S3Location(bucket: bucket), isObject: false)
        if region != "us-east-1" {
            let xml = "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
                + region.xmlEscaped + "</LocationConstraint></CreateBucketConfiguration>"
            operation.body = .bytes(ByteBuffer(string: xml))
            operation.payload = .bytes(Array(xml.utf8))
        }
        _ = try await perform(operation)
    }
}
