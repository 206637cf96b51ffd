@testable import AWS
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// AWS's error documents, as S3 and the Query services send them, become one line each.
@Suite("AWS error responses become one line")
struct AWSErrorTests {
    static func error(_ status: Int, _ xml: String, headers: HTTPHeaders = [:], resource: String = "s3://sparkify/log_data/a.json") -> AWSError {
        AWSError.from(status: status, headers: headers, body: ByteBuffer(string: xml), resource: resource)
    }

    @Test("ExpiredToken from S3")
    func expiredToken() {
        let error = Self.error(400, """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message><Token-0>FQoG…</Token-0><RequestId>4442587FB7D0A2F9</RequestId></Error>
            """)
        #expect(error.description == "s3://sparkify/log_data/a.json: ExpiredToken: The provided token has expired. (HTTP 400)")
        #expect(!error.isRetryable)
    }

    @Test("A wrong region: S3's PermanentRedirect and AuthorizationHeaderMalformed name the bucket's region")
    func wrongRegion() {
        let error = Self.error(301, """
            <Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message>\
            <Endpoint>sparkify.s3.eu-west-1.amazonaws.com</Endpoint><Bucket>sparkify</Bucket></Error>
            """, headers: ["x-amz-bucket-region": "eu-west-1"])
        #expect(error.code == "PermanentRedirect")
        #expect(error.bucketRegion == "eu-west-1")
        let malformed = Self.error(400, """
            <Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'us-west-2'</Message><Region>us-west-2</Region></Error>
            """)
        #expect(malformed.bucketRegion == "us-west-2")
        #expect(malformed.description.hasPrefix("s3://sparkify/log_data/a.json: AuthorizationHeaderMalformed: The authorization header is malformed"))
    }

    @Test("The Query protocol's ErrorResponse and EC2's Response/Errors")
    func queryErrors() {
        let iam = Self.error(409, """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>EntityAlreadyExists</Code>\
            <Message>Role with name dwhRole already exists.</Message></Error><RequestId>x</RequestId></ErrorResponse>
            """, resource: "iam CreateRole")
        #expect(iam.description == "iam CreateRole: EntityAlreadyExists: Role with name dwhRole already exists. (HTTP 409)")
        let ec2 = Self.error(400, "<Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>The security group 'x' does not exist</Message></Error></Errors><RequestID>y</RequestID></Response>",
                             resource: "ec2 AuthorizeSecurityGroupIngress")
        #expect(ec2.description == "ec2 AuthorizeSecurityGroupIngress: InvalidGroup.NotFound: The security group 'x' does not exist (HTTP 400)")
    }

    @Test("Throttling and server errors are retried; client errors are not")
    func retryable() {
        #expect(Self.error(503, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>").isRetryable)
        #expect(Self.error(400, "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>").isRetryable)
        #expect(Self.error(500, "").isRetryable)
        #expect(Self.error(500, "").code == "InternalError")
        #expect(!Self.error(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>").isRetryable)
        #expect(!Self.error(404, "").isRetryable)
    }

    @Test("Control characters in a message stay on one line; a body that is not XML still gives the status")
    func oneLine() {
        let error = Self.error(400, "<Error><Code>InvalidArgument</Code><Message>bad\nvalue\tthere</Message></Error>")
        #expect(error.description == "s3://sparkify/log_data/a.json: InvalidArgument: bad\\nvalue\\tthere (HTTP 400)")
        let key = AWSError(resource: "s3://sparkify/a\nkey\u{1B}[31m", code: "NoSuchKey", message: "The specified key does not exist.", statusCode: 404)
        #expect(key.description == "s3://sparkify/a\\nkey\\u{1B}[31m: NoSuchKey: The specified key does not exist. (HTTP 404)")
        let html = Self.error(502, "<html><body>Bad Gateway</body>")
        #expect(html.description == "s3://sparkify/log_data/a.json: HTTP502 (HTTP 502)")
    }

    @Test("A 200 answer whose body is an Error document is an error, as CompleteMultipartUpload may send")
    func errorIn200() {
        #expect(S3Client.isErrorDocument(ByteBuffer(string: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<Error><Code>InternalError</Code></Error>")))
        #expect(S3Client.isErrorDocument(ByteBuffer(string: "  <Error><Code>SlowDown</Code></Error>")))
        #expect(!S3Client.isErrorDocument(ByteBuffer(string: "<?xml version=\"1.0\"?><CompleteMultipartUploadResult><Location>x</Location></CompleteMultipartUploadResult>")))
        #expect(!S3Client.isErrorDocument(ByteBuffer(string: "<ErrorDocument>not an error</ErrorDocument>")))
        #expect(!S3Client.isErrorDocument(ByteBuffer()))
    }
}
