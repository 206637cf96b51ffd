import PostgresTestSupport
import WarehouseConformance

/// The tests' stand-in for a Redshift cluster: the throwaway PostgreSQL server, which takes
/// the connection and then refuses Redshift's `DISTSTYLE`, so that a load fails after what
/// comes before its transaction (uploads, questions to S3) has run.
enum ThrowawayCluster {
    /// No AWS credentials and an endpoint where nothing listens: whatever is sent to S3 fails.
    static let offline = ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_ENDPOINT_URL": "http://127.0.0.1:1",
                          "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent", "AWS_CONFIG_FILE": "/nonexistent", "AWS_PROFILE": ""]

    /// Writes `folder`'s dwh.cfg for the server on `port`, with `s3` as its `[S3]` section's lines.
    static func writeConfig(in folder: TemporaryFolder, port: Int, s3: [String]) {
        folder.write("dwh.cfg", """
            [CLUSTER]
            HOST=127.0.0.1
            DB_NAME=postgres
            DB_USER=postgres
            DB_PASSWORD=\(PostgresServer.password)
            DB_PORT=\(port)
            SSLMODE=disable
            [IAM_ROLE]
            ARN=arn:aws:iam::123456789012:role/dwhRole
            [S3]

            """ + s3.map { $0 + "\n" }.joined())
    }

    /// `sparkify-load --backend redshift --config dwh.cfg ARGUMENTS` in `folder`.
    static func run(_ arguments: [String], in folder: TemporaryFolder, environment: [String: String]) throws -> CommandResult {
        try SparkifyLoadCommand.run(["--backend", "redshift", "--config", "dwh.cfg"] + arguments, in: folder.path, environment: environment)
    }
}
