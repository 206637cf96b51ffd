import Foundation
import PostgresTestSupport
import Testing
import WarehouseConformance

@Suite("sparkify-load with the postgres and redshift backends")
struct BackendCommandLineTests {
    let folder = TemporaryFolder()
    let samples = SparkifyLoadCommand.samples

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
        try SparkifyLoadCommand.run(arguments, in: folder.path, environment: environment)
    }

    func writeConfig(host: String = "127.0.0.1", port: Int, password: String, without key: String? = nil) {
        let lines = [
            "[CLUSTER]", "HOST=\(host)", "DB_NAME=postgres", "DB_USER=postgres", "DB_PASSWORD=\(password)", "DB_PORT=\(port)",
            "SSLMODE=disable", "[IAM_ROLE]", "ARN='arn:aws:iam::123456789012:role/dwhRole'", "[S3]",
            "LOG_DATA='s3://udacity-dend/log_data'", "LOG_JSONPATH='s3://udacity-dend/log_json_path.json'",
            "SONG_DATA='s3://udacity-dend/song_data'",
        ]
        folder.write("dwh.cfg", lines.filter { key == nil || !$0.hasPrefix(key! + "=") }.joined(separator: "\n"))
    }

    @Test("Options that do not fit the backend are usage errors", arguments: [
        (["--backend", "redshift", "--upload-to", "s3://bucket/p", "s3://udacity-dend"],
         "error: --upload-to needs a local <source-dir> to upload; an s3:// one is COPYed where it is (see `sparkify-load --help`)"),
        (["--backend", "postgres", "--database", "x.db", "SAMPLES"], "error: --database is for --backend sqlite, not postgres (see `sparkify-load --help`)"),
        (["--config", "dwh.cfg", "SAMPLES"],
         "error: --config is for --backend redshift, or for an s3:// source (its [AWS] keys), not sqlite with a local folder (see `sparkify-load --help`)"),
        (["check", "--config", "dwh.cfg"], "error: --config is for --backend redshift, or for an s3:// source (its [AWS] keys), not sqlite here (see `sparkify-load --help`)"),
        (["--no-sign-request", "SAMPLES"], "error: --no-sign-request is for an s3:// source (see `sparkify-load --help`)"),
        (["--upload-to", "s3://bucket/p", "SAMPLES"], "error: --upload-to is for --backend redshift with a local <source-dir> (see `sparkify-load --help`)"),
        (["--backend", "redshift", "--upload-to", "s3://bucket/p"], "error: --upload-to needs a local <source-dir> to upload (see `sparkify-load --help`)"),
        (["s3://x/song_data"], "error: s3://x/song_data: InvalidS3URL: x is not a bucket name (3 to 63 letters, digits, '.', '-' or '_') (see `sparkify-load --help`)"),
        (["--backend", "redshift", "--max-errors", "100001"], "error: --max-errors is at most 100000 on Redshift (see `sparkify-load --help`)"),
        (["--backend", "postgres"], "error: Missing expected argument '<source-dir>' (see `sparkify-load --help`)"),
    ])
    func misfits(arguments: [String], message: String) throws {
        let result = try SparkifyLoadCommand.run(arguments.map { $0 == "SAMPLES" ? samples : $0 }, in: folder.path)
        #expect(result.status == 64)
        #expect(result.errorLines == [message])
    }

    @Test("A missing dwh.cfg, or a key missing from it, is one line and exit 78")
    func configMistakes() throws {
        let missing = try run("--backend", "redshift")
        #expect(missing.status == 78)
        #expect(missing.errorLines == ["error: dwh.cfg: no such file; copy dwh.cfg.example to dwh.cfg and fill it in, or name another with --config"])
        writeConfig(port: 5439, password: "p", without: "ARN")
        let noARN = try run("--backend", "redshift", "--dry-run")
        #expect(noARN.status == 78)
        #expect(noARN.errorLines == ["error: dwh.cfg: [IAM_ROLE] ARN is missing (or set SPARKIFY_IAM_ROLE_ARN)"])
        let overridden = try run("--backend", "redshift", "--dry-run", environment: ["SPARKIFY_IAM_ROLE_ARN": "arn:aws:iam::1:role/x"])
        #expect(overridden.status == 0 && overridden.output.contains("IAM_ROLE 'arn:aws:iam::1:role/x'"))
    }

    @Test("A dry run prints every Redshift statement without connecting, and never the password")
    func redshiftDryRun() throws {
        writeConfig(host: "nowhere.invalid", port: 5439, password: "top-secret")
        let result = try run("--backend", "redshift", "--dry-run", "--max-errors", "5")
        #expect(result.status == 0 && result.errors.isEmpty)
        #expect(result.output.contains("DISTSTYLE KEY\nDISTKEY (\"start_time\")\nSORTKEY (\"start_time\")"))
        #expect(result.output.contains("COPY \"staging_events\""))
        #expect(result.output.contains("MAXERROR 5"))
        #expect(!result.output.contains("top-secret"))
    }

    @Test("A wrong host and a wrong password are each one line, without the password", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
    func connectionMistakes() throws {
        let server = try PostgresServer.require()
        writeConfig(port: 1, password: "p")
        let refused = try run("--backend", "redshift")
        #expect(refused.status == 1)
        #expect(refused.errorLines.count == 1)
        #expect(refused.errorLines.first?.hasPrefix(
            "error: cannot connect to postgres on 127.0.0.1:1 (redshift): connection to server at \"127.0.0.1\", port 1 failed: Connection refused") == true)
        writeConfig(port: server.port, password: "not-the-password")
        let denied = try run("--backend", "redshift")
        #expect(denied.status == 1)
        #expect(denied.errorLines == [
            "error: cannot connect to postgres on 127.0.0.1:\(server.port) (redshift): connection to server at \"127.0.0.1\", port \(server.port) failed: FATAL:  password authentication failed for user \"postgres\"",
        ])
        #expect(!(denied.output + denied.errors).contains("not-the-password"))
    }

    @Test("The postgres backend loads samples/ from a URL, and again without change", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
    func postgresLoad() throws {
        let url = try PostgresServer.require().makeDatabase()
        let loaded = try run("--backend", "postgres", "--dsn", url, samples)
        #expect(loaded.status == 0 && loaded.errors.isEmpty)
        #expect(loaded.output.contains("(postgres)") && loaded.output.contains("checks: 6 of 6 passed"))
        #expect(!loaded.output.contains(PostgresServer.password))
        let again = try run("--backend", "postgres", "--dsn", url, samples)
        #expect(again.output.split(separator: "\n").contains { $0.hasPrefix("songplays ") && $0.split(separator: " ")[1] == "0" })
        let checked = try run("check", "--backend", "postgres", "--dsn", url)
        #expect(checked.status == 0 && checked.output.contains("ok    songplays: has rows (15 rows)"))
    }
}
