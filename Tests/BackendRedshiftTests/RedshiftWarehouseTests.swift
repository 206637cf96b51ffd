@testable import BackendRedshift
import BackendSQLite
import Core
import Foundation
import LibPQ
import PostgresTestSupport
import Testing
import WarehouseConformance

/// The Redshift warehouse's own code over libpq, run against a real PostgreSQL server where
/// Redshift's syntax is not needed.
@Suite("Redshift warehouse over libpq", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct RedshiftWarehouseTests {
    let folder = TemporaryFolder()

    func warehouse(database url: String, password: String = PostgresServer.password, port: Int? = nil) throws -> RedshiftWarehouse {
        let components = URLComponents(string: url)!
        folder.write("dwh.cfg", """
            [CLUSTER]
            HOST=127.0.0.1
            DB_NAME=\(components.path.dropFirst())
            DB_USER=postgres
            DB_PASSWORD=\(password)
            DB_PORT=\(port ?? components.port!)
            SSLMODE=disable
            [IAM_ROLE]
            ARN=arn:aws:iam::123456789012:role/dwhRole
            [S3]
            LOG_DATA=s3://bucket/log_data
            LOG_JSONPATH=s3://bucket/log_json_path.json
            SONG_DATA=s3://bucket/song_data
            """)
        return RedshiftWarehouse(settings: try RedshiftSettings(configPath: folder.path + "/dwh.cfg", environment: [:]))
    }

    @Test("A wrong port or a wrong password is one line naming the cluster, and never shows the password")
    func connectionErrors() throws {
        let server = try PostgresServer.require()
        let refused = try warehouse(database: server.url(), port: 1)
        let closed = #expect(throws: WarehouseError.self) { try refused.open() }
        #expect(closed?.description.hasPrefix(
            "cannot connect to postgres on 127.0.0.1:1 (redshift): connection to server at \"127.0.0.1\", port 1 failed: Connection refused") == true)
        let secret = "wrong-but-secret"
        let denied = #expect(throws: WarehouseError.self) { try warehouse(database: server.url(), password: secret).open() }
        #expect(denied?.description.contains("password authentication failed for user \"postgres\"") == true)
        #expect(denied?.description.contains(secret) == false)
        #expect(denied?.description.contains("\n") == false)
    }

    @Test("A failed COPY rolls the load back and reports the table, the source and the server's reason")
    func failedCopy() throws {
        let warehouse = try warehouse(database: PostgresServer.require().makeDatabase())
        defer { warehouse.close() }
        let stager = RedshiftCopyStager(warehouse: warehouse, location: try warehouse.settings.copySource(), maxErrors: 0)
        let failure = #expect(throws: RedshiftLoadError.self) {
            try warehouse.transaction {
                try warehouse.execute("CREATE TABLE \"staging_songs\" (\"num_songs\" INTEGER)")
                _ = try stager.stage(.songs)
            }
        }
        // After the rollback the stager looks up Redshift's load errors; PostgreSQL has none.
        let error = failure.map { stager.explainFailure($0) as? RedshiftLoadError } ?? nil
        #expect(error?.table == "staging_songs")
        #expect(error?.source == "s3://bucket/song_data")
        #expect(error?.cause.sqlState == "42601")
        #expect(error?.rejectedRecords == [])
        #expect(error?.description.hasPrefix("staging_songs: COPY from s3://bucket/song_data failed, nothing was loaded: syntax error") == true)
        #expect(error?.description.hasSuffix("(no load errors were recorded for this session)") == true)
        #expect(try warehouse.existingTables().isEmpty)
    }
}

/// A load into a real Redshift cluster, compared with SQLite loading a local copy of the same
/// files. It runs only where a cluster is configured.
@Suite("Live Redshift", .enabled(if: LiveRedshift.configured, LiveRedshift.skipReason))
struct LiveRedshiftTests {
    @Test("The cluster's star equals SQLite's for the same files")
    func sameStarAsSQLite() throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try RedshiftSettings(configPath: environment["SPARKIFY_REDSHIFT_CONFIG"]!, environment: environment)
        let redshift = RedshiftWarehouse(settings: settings)
        let folder = TemporaryFolder()
        let sqlite = SQLiteWarehouse(path: folder.path + "/star.db")
        defer { redshift.close(); sqlite.close() }
        let suite = WarehouseConformance { sqlite }
        try Pipeline(warehouse: redshift).run(.createTables)
        try Pipeline(warehouse: redshift, stager: RedshiftCopyStager(warehouse: redshift, location: try settings.copySource(), maxErrors: 0)).run(.load)
        try suite.run(.load, on: sqlite, from: environment["SPARKIFY_REDSHIFT_LOCAL_COPY"]!)
        for table in StarSchema.starTables {
            // Redshift numbers songplays itself (IDENTITY values are unique, not dense), so
            // songplays are compared without their id.
            let strip = { (rows: [[SQLValue]]) in table == StarSchema.songplays ? rows.map { Array($0.dropFirst()) }.sorted { "\($0)" < "\($1)" } : rows }
            #expect(try strip(suite.rows(of: table, in: redshift)) == strip(suite.rows(of: table, in: sqlite)), "\(table.name)")
        }
    }
}

enum LiveRedshift {
    static var configured: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["SPARKIFY_REDSHIFT_CONFIG"] != nil && environment["SPARKIFY_REDSHIFT_LOCAL_COPY"] != nil
    }

    static let skipReason: Comment = """
        no Redshift cluster configured: set SPARKIFY_REDSHIFT_CONFIG to a dwh.cfg and \
        SPARKIFY_REDSHIFT_LOCAL_COPY to a local copy of its S3 data to run it
        """
}
