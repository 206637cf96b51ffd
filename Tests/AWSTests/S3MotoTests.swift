import AWS
import AWSTestSupport
import Crypto
import Foundation
import NIOCore
import Testing

/// S3 against moto's server, with signatures checked: every request here is signed with keys
/// moto issued through its IAM API, and would fail with SignatureDoesNotMatch if the signing
/// were wrong.
@Suite("S3 against a real local S3 (moto), signatures checked", .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct S3MotoTests {
    static let counter = Locked(0)

    /// A new bucket of its own for a test.
    static func bucket(_ s3: S3Client, region: String? = nil) async throws -> String {
        let name = "sparkify-\(ProcessInfo.processInfo.processIdentifier)-\(counter.next())"
        try await s3.createBucket(name, region: region)
        return name
    }

    static func client(_ credentials: AWSCredentials? = nil, verifyingSignatures: Bool = true) async throws -> (MotoServer, S3Client) {
        let moto = try await MotoServer.require(verifyingSignatures: verifyingSignatures)
        return (moto, S3Client(configuration: moto.configuration(credentials ?? moto.admin), options: MotoServer.options))
    }

    /// The error `body` throws, which must be an `AWSError`.
    static func awsError(_ body: () async throws -> Void) async -> AWSError? {
        do {
            try await body()
            Issue.record("no error")
        } catch let error as AWSError {
            return error
        } catch {
            Issue.record("not an AWSError: \(error)")
        }
        return nil
    }

    @Test("Keys created through IAM put, list, head and get; metadata comes back")
    func putListGet() async throws {
        let (_, s3) = try await Self.client()
        let bucket = try await Self.bucket(s3)
        let location = S3Location(bucket: bucket, key: "log_data/2018/11/2018-11-01-events.json")
        let body = #"{"artist":"Des'ree","ts":1541105830796}"# + "\n"
        let eTag = try await s3.putObject(location, body: ByteBuffer(string: body), contentType: "application/json", metadata: ["Origin": "test"])
        #expect(eTag == Data(Insecure.MD5.hash(data: Array(body.utf8))).map { String(format: "%02x", $0) }.joined())
        // moto cannot check the signature of a query holding "/" (see MotoServer), so no "log_data/".
        let listed = try await s3.listObjects(in: S3Location(bucket: bucket, key: "log_data"))
        #expect(listed.map(\.key) == ["log_data/2018/11/2018-11-01-events.json"])
        #expect(listed.first?.size == Int64(body.utf8.count))
        let head = try await s3.headObject(location)
        #expect(head.size == Int64(body.utf8.count))
        #expect(head.metadata["origin"] == "test")
        #expect(head.contentType == "application/json")
        let bytes = try await s3.getObjectBytes(location)
        #expect(String(buffer: bytes) == body)
        #expect(try await s3.listObjects(in: S3Location(bucket: bucket, key: "song_data")).isEmpty)
    }

    @Test("A wrong secret is one line naming s3://bucket/key and SignatureDoesNotMatch")
    func wrongSecret() async throws {
        let (moto, s3) = try await Self.client()
        let bucket = try await Self.bucket(s3)
        let wrong = S3Client(configuration: moto.configuration(AWSCredentials(accessKeyID: moto.admin.accessKeyID, secretAccessKey: "not-the-secret-1234")),
                             options: MotoServer.options)
        let error = await Self.awsError { _ = try await wrong.getObjectBytes(S3Location(bucket: bucket, key: "a key")) }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(error?.description.hasPrefix("s3://\(bucket)/a key: SignatureDoesNotMatch: ") == true)
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.contains("not-the-secret-1234") == false)
        #expect(error?.description.contains(moto.admin.secretAccessKey) == false)
        let headError = await Self.awsError { _ = try await wrong.headObject(S3Location(bucket: bucket, key: "k")) }
        #expect(headError?.code == "SignatureDoesNotMatch")
    }

    @Test("An unknown access key is InvalidAccessKeyId; a user without a policy is AccessDenied")
    func unknownKeyAndDeniedUser() async throws {
        let (moto, s3) = try await Self.client()
        let bucket = try await Self.bucket(s3)
        let location = S3Location(bucket: bucket, key: "k")
        try await s3.putObject(location, body: ByteBuffer(string: "x"))
        let unknown = S3Client(configuration: moto.configuration(AWSCredentials(accessKeyID: "AKIANOSUCHKEY0000000", secretAccessKey: "x")), options: MotoServer.options)
        let unknownError = await Self.awsError { _ = try await unknown.getObjectBytes(location) }
        #expect(unknownError?.code == "InvalidAccessKeyId")
        #expect(unknownError?.description.hasPrefix("s3://\(bucket)/k: InvalidAccessKeyId") == true)
        let denied = S3Client(configuration: moto.configuration(moto.restricted), options: MotoServer.options)
        let deniedError = await Self.awsError { _ = try await denied.getObjectBytes(location) }
        #expect(deniedError?.code == "AccessDenied")
        #expect(deniedError?.description.hasPrefix("s3://\(bucket)/k: AccessDenied") == true)
        let listError = await Self.awsError { _ = try await denied.listObjects(in: S3Location(bucket: bucket)) }
        #expect(listError?.code == "AccessDenied")
    }

    @Test("NoSuchBucket and NoSuchKey are one line each, for GET and for HEAD")
    func missing() async throws {
        let (_, s3) = try await Self.client()
        let bucket = try await Self.bucket(s3)
        let noKey = await Self.awsError { _ = try await s3.getObjectBytes(S3Location(bucket: bucket, key: "song_data/none.json")) }
        #expect(noKey?.code == "NoSuchKey")
        #expect(noKey?.statusCode == 404)
        #expect(noKey?.description.hasPrefix("s3://\(bucket)/song_data/none.json: NoSuchKey") == true)
        let noKeyHead = await Self.awsError { _ = try await s3.headObject(S3Location(bucket: bucket, key: "none")) }
        #expect(noKeyHead?.code == "NoSuchKey")
        let noBucket = await Self.awsError { _ = try await s3.listObjects(in: S3Location(bucket: "sparkify-no-such-bucket", key: "x")) }
        #expect(noBucket?.code == "NoSuchBucket")
        #expect(noBucket?.description.hasPrefix("s3://sparkify-no-such-bucket/x: NoSuchBucket") == true)
        let noBucketHead = await Self.awsError { _ = try await s3.headObject(S3Location(bucket: "sparkify-no-such-bucket", key: "k")) }
        #expect(noBucketHead?.code == "NoSuchBucket")
        for error in [noKey, noKeyHead, noBucket, noBucketHead] { #expect(error?.description.contains("\n") == false) }
    }

    @Test("More than 1,000 keys are listed across pages, in key order")
    func pagination() async throws {
        let (_, s3) = try await Self.client()
        let bucket = try await Self.bucket(s3)
        let keys = (0..<1_234).map { String(format: "song_data/A/%04d.json", $0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, key) in keys.enumerated() {
                if index >= 16 { try await group.next() }
                group.addTask { try await s3.putObject(S3Location(bucket: bucket, key: key), body: ByteBuffer(string: "{}")) }
            }
            try await group.waitForAll()
        }
        var pages = [Int]()
        try await s3.listObjects(in: S3Location(bucket: bucket, key: "song_data")) { pages.append($0.count) }
        #expect(pages == [1_000, 234])
        let all = try await s3.listObjects(in: S3Location(bucket: bucket))
        #expect(all.map(\.key) == keys)
        var smallPages = [Int]()
        var small = [String]()
        try await s3.listObjects(in: S3Location(bucket: bucket), pageSize: 100) { page in
            smallPages.append(page.count)
            small += page.map(\.key)
        }
        #expect(smallPages == Array(repeating: 100, count: 12) + [34])
        #expect(small == keys)
    }

    /// On the server that accepts any signature: moto cannot check these (see `MotoServer`);
    /// the differential test checks their signatures against botocore's.
    @Test("Keys with spaces, +, %, unicode and reserved characters round-trip; prefixes with /", arguments: [
        "song data/my song.json", "a+b+c.json", "100% sure.json", "ключ/データ/曲.json", "tilde~equals=amp&q?hash#.json",
        "dir//double/./dot/../x.json", "émoji 🎵.json", "semi;colon,comma:colon@at$dollar!'()*.json",
    ])
    func awkwardKeys(key: String) async throws {
        let (_, s3) = try await Self.client(verifyingSignatures: false)
        let bucket = try await Self.bucket(s3)
        let location = S3Location(bucket: bucket, key: key)
        try await s3.putObject(location, body: ByteBuffer(string: key))
        let listed = try await s3.listObjects(in: S3Location(bucket: bucket))
        #expect(listed.map(\.key) == [key])
        let prefix = key.contains("/") ? String(key[...key.firstIndex(of: "/")!]) : String(key.prefix(3))
        #expect(try await s3.listObjects(in: S3Location(bucket: bucket, key: prefix)).map(\.key) == [key])
        #expect(String(buffer: try await s3.getObjectBytes(location)) == key)
        #expect(try await s3.headObject(location).size == Int64(key.utf8.count))
        let parsed = try S3Location(url: "s3://\(bucket)/\(key)")
        #expect(parsed == location)
    }
}
