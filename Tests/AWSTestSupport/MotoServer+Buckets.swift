import AWS
import Foundation
import NIOCore

extension MotoServer {
    /// A client of this server signed with `credentials` (the admin's when nil), with the
    /// tests' short retries.
    public func client(_ credentials: AWSCredentials? = nil, endpoint: String? = nil) -> S3Client {
        S3Client(configuration: configuration(credentials ?? admin, endpoint: endpoint), options: Self.options)
    }

    /// A new, empty bucket of its own for a test, in `region` (us-east-1 when nil).
    public func makeBucket(region: String? = nil) async throws -> String {
        let name = "sparkify-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try await client().createBucket(name, region: region)
        return name
    }

    /// Puts every file below the local `folder` into `bucket`, each under `prefix` followed by
    /// its path relative to the folder, 16 at a time; returns the keys.
    @discardableResult
    public func put(folder: String, into bucket: String, prefix: String = "") async throws -> [String] {
        let client = client()
        var keys: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                keys.append(relative)
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, relative) in keys.enumerated() {
                if index >= 16 { try await group.next() }
                let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
                group.addTask {
                    try await client.putObject(S3Location(bucket: bucket, key: prefix + relative), body: ByteBuffer(bytes: bytes))
                }
            }
            try await group.waitForAll()
        }
        return keys.map { prefix + $0 }
    }

    /// Lets anyone read and list `bucket`, as a public data set's bucket does, with a bucket
    /// policy set by boto3 (the AWS module has no call for it, as the loader needs none).
    public func allowAnonymousReads(of bucket: String) throws {
        guard let python = Botocore.python else { throw ChildProcessError(Botocore.skipReason.rawValue) }
        let script = """
            import boto3, json, sys
            endpoint, key, secret, bucket = sys.argv[1:]
            policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:ListBucket"],
                      "Resource": ["arn:aws:s3:::" + bucket, "arn:aws:s3:::" + bucket + "/*"]}]}
            boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key=secret,
                         region_name="us-east-1").put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
            """
        let (status, _, errors) = try ChildProcess.run([python, "-c", script, endpoint, admin.accessKeyID, admin.secretAccessKey, bucket])
        guard status == 0 else { throw ChildProcessError("put_bucket_policy failed (\(status)): \(errors)") }
    }

    /// The environment a child process (the built command) reaches this server with, signing
    /// with `credentials` (none at all when nil): the endpoint, the keys, a region, and no
    /// profile or shared file of the user's.
    public func environment(_ credentials: AWSCredentials?, endpoint: String? = nil) -> [String: String] {
        var environment = [
            "AWS_ENDPOINT_URL": endpoint ?? self.endpoint, "AWS_REGION": "us-east-1", "AWS_PROFILE": "", "AWS_DEFAULT_PROFILE": "",
            "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials", "AWS_CONFIG_FILE": "/nonexistent/config",
            "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "", "AWS_ENDPOINT_URL_S3": "",
        ]
        if let credentials {
            environment["AWS_ACCESS_KEY_ID"] = credentials.accessKeyID
            environment["AWS_SECRET_ACCESS_KEY"] = credentials.secretAccessKey
        }
        return environment
    }
}
