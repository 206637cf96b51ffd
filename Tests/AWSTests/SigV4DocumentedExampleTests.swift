import AWS
import Foundation
import Testing

/// The worked examples of AWS's documentation: S3's "Examples: Signature Calculations in AWS
/// Signature Version 4" (header-based auth) and the IAM `ListUsers` request of the SigV4
/// guide. The expected signatures are the published ones.
@Suite("SigV4 reproduces AWS's documented signatures")
struct SigV4DocumentedExampleTests {
    static let s3Keys = AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    /// 2013-05-24T00:00:00Z.
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func sign(_ request: AWSRequest, payload: SigV4Signer.Payload, keys: AWSCredentials = s3Keys,
                     service: String = "s3", date: Date = s3Date) -> AWSRequest {
        var signed = request
        SigV4Signer(credentials: keys, region: "us-east-1", service: service).sign(&signed, payload: payload, date: date)
        return signed
    }

    @Test("GET Object with a Range header")
    func getObject() {
        let request = AWSRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt",
                                 headers: [("Range", "bytes=0-9")])
        let signed = Self.sign(request, payload: .empty)
        #expect(signed.header("Authorization") == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(signed.header("x-amz-date") == "20130524T000000Z")
        #expect(signed.header("x-amz-content-sha256") == Self.emptyHash)
    }

    @Test("PUT Object: a key with $, a Date header, a storage class, a signed body")
    func putObject() {
        let request = AWSRequest(method: "PUT", host: "examplebucket.s3.amazonaws.com", path: "/test$file.text",
                                 headers: [("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")])
        let payload = SigV4Signer.Payload.bytes(Array("Welcome to Amazon S3.".utf8))
        #expect(payload == .sha256("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"))
        let signed = Self.sign(request, payload: payload)
        #expect(signed.url == "https://examplebucket.s3.amazonaws.com/test%24file.text")
        #expect(signed.header("Authorization") == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
            + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test("GET Bucket Lifecycle: a query parameter without a value")
    func getLifecycle() {
        let request = AWSRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/", query: [("lifecycle", "")])
        let signed = Self.sign(request, payload: .empty)
        #expect(signed.url == "https://examplebucket.s3.amazonaws.com/?lifecycle=")
        #expect(signed.header("Authorization")?.hasSuffix("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543") == true)
    }

    @Test("GET Bucket (List Objects): query parameters sorted by name")
    func listObjects() {
        let request = AWSRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/",
                                 query: [("prefix", "J"), ("max-keys", "2")])
        let signed = Self.sign(request, payload: .empty)
        #expect(signed.url == "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J")
        #expect(signed.header("Authorization")?.hasSuffix("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7") == true)
    }

    @Test("IAM ListUsers, the SigV4 guide's example")
    func iamListUsers() {
        let keys = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        let request = AWSRequest(method: "GET", host: "iam.amazonaws.com", path: "/",
                                 query: [("Action", "ListUsers"), ("Version", "2010-05-08")],
                                 headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")])
        // 2015-08-30T12:36:00Z
        let signed = Self.sign(request, payload: .empty, keys: keys, service: "iam", date: Date(timeIntervalSince1970: 1_440_938_160))
        #expect(signed.header("Authorization") == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
        #expect(signed.header("x-amz-content-sha256") == nil)
    }

    @Test("A session token is sent and signed; it changes the signature")
    func sessionToken() {
        let request = AWSRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt", headers: [("Range", "bytes=0-9")])
        let keys = AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sessionToken: "token+/=")
        let signed = Self.sign(request, payload: .empty, keys: keys)
        #expect(signed.header("X-Amz-Security-Token") == "token+/=")
        let authorization = signed.header("Authorization") ?? ""
        #expect(authorization.contains("SignedHeaders=host;range;x-amz-content-sha256;x-amz-date;x-amz-security-token,"))
        #expect(!authorization.hasSuffix("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"))
    }

    @Test("An unsigned payload is announced in x-amz-content-sha256")
    func unsignedPayload() {
        let request = AWSRequest(method: "PUT", host: "examplebucket.s3.amazonaws.com", path: "/big.bin")
        let signed = Self.sign(request, payload: .unsigned)
        #expect(signed.header("x-amz-content-sha256") == "UNSIGNED-PAYLOAD")
    }

    @Test("Secrets never show in the credentials' description")
    func redactedDescription() {
        let keys = AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sessionToken: "SESSIONTOKEN123")
        for text in [keys.description, keys.debugDescription, String(describing: keys), String(reflecting: keys), "\(keys)"] {
            #expect(text.contains("AKIAIOSFODNN7EXAMPLE"))
            #expect(!text.contains("wJalrXUtnFEMI"))
            #expect(!text.contains("SESSIONTOKEN123"))
        }
    }
}
