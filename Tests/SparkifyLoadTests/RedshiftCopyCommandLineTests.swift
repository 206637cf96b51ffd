import AWS
import AWSTestSupport
import Foundation
import PostgresTestSupport
import Testing
import WarehouseConformance

/// `sparkify-load --backend redshift --config dwh.cfg` COPYing data already in S3, as users
/// run it, against moto's server. The "cluster" is the throwaway PostgreSQL server: it takes
/// the connection, then refuses Redshift's `DISTSTYLE`, so the load fails after S3 is asked.
@Suite("sparkify-load COPYs S3 prefixes into Redshift (moto)", .serialized,
       .enabled(if: MotoServer.isEnabled && PostgresServer.isEnabled, "needs moto's server and PostgreSQL's binaries"))
struct RedshiftCopyCommandLineTests {
    let folder = TemporaryFolder()

    /// A dwh.cfg for the test server on `port`, its `[S3]` data in `bucket` when given.
    func writeConfig(port: Int, bucket: String?) {
        let s3 = bucket.map { ["LOG_DATA=s3://\($0)/log_data", "LOG_JSONPATH=s3://\($0)/log_json_path.json", "SONG_DATA=s3://\($0)/song_data"] }
        ThrowawayCluster.writeConfig(in: folder, port: port, s3: s3 ?? [])
    }

    func run(_ arguments: String..., environment: [String: String]) throws -> CommandResult {
        try ThrowawayCluster.run(arguments, in: folder, environment: environment)
    }

    @Test("S3 is asked where the bucket is before the load; when it cannot tell, one warning and the load goes on")
    func regionLookup() async throws {
        let moto = try await MotoServer.require()
        let server = try PostgresServer.require()
        let bucket = try await moto.makeBucket(region: "eu-west-1")
        writeConfig(port: server.port, bucket: bucket)
        let asked = try run(environment: moto.environment(moto.admin))
        #expect(asked.status == 1)
        #expect(asked.errorLines.count == 1 && asked.errorLines[0].contains("DISTSTYLE"), "\(asked.errors)")
        let unanswered = try run(environment: ThrowawayCluster.offline)
        #expect(unanswered.status == 1)
        #expect(unanswered.errorLines.count == 2, "\(unanswered.errors)")
        #expect(unanswered.errorLines.first?.hasPrefix("warning: cannot learn the region of s3://\(bucket) (") == true, "\(unanswered.errors)")
        #expect(unanswered.errorLines.last?.contains("DISTSTYLE") == true, "\(unanswered.errors)")
    }

    @Test("A dry run asks nothing and says that a REGION may be added")
    func dryRun() throws {
        writeConfig(port: 5439, bucket: "udacity-dend")
        let dry = try run("--dry-run", environment: ThrowawayCluster.offline)
        #expect(dry.status == 0 && dry.errors.isEmpty, "\(dry.errors)")
        let lines = dry.output.split(separator: "\n").map(String.init)
        let note = "-- REGION is added when S3 says the bucket is in another region than the cluster"
        #expect(lines.filter { $0 == note }.count == 2)
        #expect(lines.contains("FROM 's3://udacity-dend/song_data'"))
        #expect(!lines.contains { $0.hasPrefix("REGION ") })
    }

    @Test("An s3:// source is COPYed from its song_data/ and log_data/, the events by [S3] LOG_JSONPATH or the prefix's own descriptor")
    func prefixSource() throws {
        writeConfig(port: 5439, bucket: nil)
        let own = try run("--dry-run", "s3://my-bucket/sparkify/2018", environment: ThrowawayCluster.offline)
        #expect(own.status == 0 && own.errors.isEmpty, "\(own.errors)")
        let lines = own.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("FROM 's3://my-bucket/sparkify/2018/song_data/'"))
        #expect(lines.contains("FROM 's3://my-bucket/sparkify/2018/log_data/'"))
        #expect(lines.contains("FORMAT AS JSON 's3://my-bucket/sparkify/2018/log_json_path.json'"))
        #expect(lines.filter { $0.hasPrefix("-- REGION is added when S3 says") }.count == 2)
        // The bucket's root, and a descriptor the settings name.
        writeConfig(port: 5439, bucket: "udacity-dend")
        let configured = try run("--dry-run", "s3://my-bucket", environment: ThrowawayCluster.offline)
        #expect(configured.status == 0 && configured.errors.isEmpty, "\(configured.errors)")
        let root = configured.output.split(separator: "\n").map(String.init)
        #expect(root.contains("FROM 's3://my-bucket/song_data/'") && root.contains("FROM 's3://my-bucket/log_data/'"))
        #expect(root.contains("FORMAT AS JSON 's3://udacity-dend/log_json_path.json'"))
        #expect(!root.contains { $0.contains("s3://udacity-dend/song_data") || $0.contains("s3://udacity-dend/log_data") })
    }

    @Test("An s3:// source's bucket region is asked of S3 before the load, as for the [S3] prefixes")
    func prefixSourceRegion() async throws {
        let moto = try await MotoServer.require()
        let server = try PostgresServer.require()
        let bucket = try await moto.makeBucket(region: "eu-west-1")
        writeConfig(port: server.port, bucket: nil)
        let asked = try run("s3://\(bucket)/sparkify", environment: moto.environment(moto.admin))
        #expect(asked.status == 1)
        #expect(asked.errorLines.count == 1 && asked.errorLines[0].contains("DISTSTYLE"), "\(asked.errors)")
        let unanswered = try run("s3://\(bucket)/sparkify", environment: ThrowawayCluster.offline)
        #expect(unanswered.errorLines.first?.hasPrefix("warning: cannot learn the region of s3://\(bucket) (") == true, "\(unanswered.errors)")
    }
}
