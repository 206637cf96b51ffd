import AWS
@testable import BackendRedshift
import BackendPostgres
import Core
import Foundation
import Testing
import WarehouseConformance

/// Every statement the Redshift backend emits passes a Redshift grammar: sqlfluff's, which
/// `.ci/run` installs into a virtual env. PostgreSQL is no such check: it accepts what
/// Redshift rejects (`ON CONFLICT`, `SERIAL`, arrays).
@Suite("Redshift statements pass sqlfluff's Redshift grammar", .enabled(if: SQLFluff.isEnabled, SQLFluff.skipReason))
struct RedshiftGrammarTests {
    @Test("Every statement of every job, from a dwh.cfg whose values hold quotes and backslashes")
    func dryRunParses() throws {
        let folder = TemporaryFolder()
        folder.write("dwh.cfg", """
            [CLUSTER]
            HOST=example.com
            DB_NAME=dwh
            DB_USER=dwhuser
            DB_PASSWORD=secret
            [IAM_ROLE]
            ARN='arn:aws:iam::123456789012:role/it's\\role'
            [S3]
            LOG_DATA='s3://bucket/o'neil\\logs'
            LOG_JSONPATH='s3://bucket/paths '' here.json'
            SONG_DATA=s3://bucket/song_data/
            REGION=us-west-2
            """)
        let settings = try RedshiftSettings(configPath: folder.path + "/dwh.cfg", environment: [:])
        var statements: [String] = []
        for job in Job.allCases {
            let warehouse = RedshiftWarehouse(settings: settings)
            let pipeline = Pipeline(warehouse: warehouse, stager: RedshiftCopyStager(warehouse: warehouse, location: try settings.copySource(), maxErrors: 10))
            statements += try pipeline.dryRun(job)
        }
        statements += (RedshiftLoadErrors.lastCopyInSession + [RedshiftLoadErrors.lastCopy, RedshiftLoadErrors.lastCopyCount]).map { $0 + ";" }
        #expect(statements.contains { $0.contains("IAM_ROLE 'arn:aws:iam::123456789012:role/it''s\\\\role'") })
        #expect(!statements.joined().contains("secret"))
        let result = try SQLFluff.parse(statements.joined(separator: "\n\n"), in: folder)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("The COPY of a prefix named on the command line, its region still to be asked, whatever the prefix holds")
    func prefixCopyParses() throws {
        let folder = TemporaryFolder()
        folder.write("dwh.cfg", """
            [CLUSTER]
            HOST=dwh.abc.us-west-2.redshift.amazonaws.com
            DB_NAME=dwh
            DB_USER=dwhuser
            [IAM_ROLE]
            ARN=arn:aws:iam::123456789012:role/dwhRole
            """)
        let settings = try RedshiftSettings(configPath: folder.path + "/dwh.cfg", environment: [:])
        let warehouse = RedshiftWarehouse(settings: settings)
        let location = RedshiftCopySource(under: S3Location(bucket: "my-bucket", key: "o'neil\\ -- */ data"), logJSONPaths: nil)
        let stager = RedshiftCopyStager(warehouse: warehouse, location: location, maxErrors: 0,
                                        regionClient: S3Client(configuration: AWSConfiguration(credentials: nil, region: nil)))
        let statements = try Pipeline(warehouse: warehouse, stager: stager).dryRun(.load)
        let sql = statements.joined(separator: "\n\n")
        #expect(sql.contains("FROM 's3://my-bucket/o''neil\\\\ -- */ data/song_data/'"))
        #expect(sql.contains("FORMAT AS JSON 's3://my-bucket/o''neil\\\\ -- */ data/log_json_path.json'"))
        let result = try SQLFluff.parse(sql, in: folder)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("The grammar refuses what only PostgreSQL accepts")
    func refusesPostgreSQL() throws {
        let upsert = StarTransforms.users.statements(for: PostgresDialect()).map(SQLRenderer(dialect: PostgresDialect()).render)
        let result = try SQLFluff.parse(upsert.map { $0 + ";" }.joined(separator: "\n"), in: TemporaryFolder())
        #expect(result.status != 0)
        #expect(result.output.contains("ON CONFLICT"))
    }
}

/// The sqlfluff command: `$SQLFLUFF`, the package's `.venv/bin/sqlfluff`, or on PATH.
enum SQLFluff {
    static let executable: String? = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["SQLFLUFF"], root.path + "/.venv/bin/sqlfluff"].compactMap { $0 }
            + (environment["PATH"] ?? "").split(separator: ":").map { $0 + "/sqlfluff" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether the grammar tests run: sqlfluff is there, or `SPARKIFY_REQUIRE_SQLFLUFF` is set
    /// (as in CI), so that its absence fails them.
    static var isEnabled: Bool {
        executable != nil || ProcessInfo.processInfo.environment["SPARKIFY_REQUIRE_SQLFLUFF"] != nil
    }

    static let skipReason: Comment = "sqlfluff is not installed ($SQLFLUFF, .venv/bin/sqlfluff or PATH); .ci/run installs it"

    /// Runs `sqlfluff parse --dialect redshift` on `sql`.
    static func parse(_ sql: String, in folder: TemporaryFolder) throws -> (status: Int32, output: String) {
        let executable = try #require(executable, "sqlfluff is required here but not installed")
        folder.write("statements.sql", sql)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["parse", "--dialect", "redshift", folder.path + "/statements.sql"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
