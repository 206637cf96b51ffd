import AWS
import AWSTestSupport
import Foundation
import PostgresTestSupport
import Testing
import WarehouseConformance

/// `sparkify-load --backend redshift --config dwh.cfg SOURCE_DIR` as users run it, against
/// moto's server. The "cluster" is the throwaway PostgreSQL server: it takes the connection,
/// so the upload runs, then refuses Redshift's `DISTSTYLE`, so the load fails after it.
@Suite("sparkify-load uploads a local folder for Redshift (moto)", .serialized,
       .enabled(if: MotoServer.isEnabled && PostgresServer.isEnabled, "needs moto's server and PostgreSQL's binaries"))
struct RedshiftUploadCommandLineTests {
    let folder = TemporaryFolder()

    /// A dwh.cfg for the test server, uploading to `uploadTo` when given.
    func writeConfig(port: Int, uploadTo: String?) {
        ThrowawayCluster.writeConfig(in: folder, port: port, s3: uploadTo.map { ["UPLOAD_TO=\($0)"] } ?? [])
    }

    func run(_ arguments: String..., environment: [String: String]) throws -> CommandResult {
        try ThrowawayCluster.run(arguments, in: folder, environment: environment)
    }

    @Test("The first run uploads every file and says so, a second uploads nothing; the load then fails in one line on the cluster")
    func uploadThenRerun() async throws {
        let moto = try await MotoServer.require()
        let server = try PostgresServer.require()
        let bucket = try await moto.makeBucket()
        writeConfig(port: server.port, uploadTo: "s3://\(bucket)/sparkify")
        let samples = SparkifyLoadCommand.samples
        let files = (FileManager.default.enumerator(atPath: samples)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }
        let bytes = try files.map { try FileManager.default.attributesOfItem(atPath: samples + "/" + $0)[.size] as! Int }.reduce(0, +)
        #expect(files.count == 15)
        let environment = moto.environment(moto.admin)
        let first = try run(samples, environment: environment)
        let sent = String(format: "%.1f kB", Double(bytes) / 1000)
        #expect(first.output.hasPrefix("Uploaded 15 of 15 files to s3://\(bucket)/sparkify/ (0 already there; \(sent) sent) and 2 of 2 files for COPY, in "),
                "\(first.output)")
        #expect(first.status == 1)
        #expect(first.errorLines.count == 1 && first.errorLines[0].contains("DISTSTYLE"), "\(first.errors)")
        let keys = try await moto.client().listObjects(in: S3Location(bucket: bucket, key: "sparkify")).map(\.key)
        #expect(Set(keys) == Set(files.map { "sparkify/" + $0 } + ["sparkify/manifests/song_data.manifest", "sparkify/manifests/log_data.manifest"]))
        let second = try run(samples, environment: environment)
        #expect(second.output.hasPrefix("Uploaded 0 of 15 files to s3://\(bucket)/sparkify/ (15 already there) and 0 of 2 files for COPY, in "),
                "\(second.output)")
        let elsewhere = try run("--upload-to", "s3://\(bucket)/other", samples, environment: environment)
        #expect(elsewhere.output.hasPrefix("Uploaded 15 of 15 files to s3://\(bucket)/other/ "), "\(elsewhere.output)")
        #expect(!(first.output + first.errors + second.output + second.errors).contains(moto.admin.secretAccessKey))
    }

    @Test("A cluster that cannot be reached fails before anything is uploaded")
    func unreachableCluster() async throws {
        let moto = try await MotoServer.require()
        let bucket = try await moto.makeBucket()
        writeConfig(port: try TCPPort.free(), uploadTo: "s3://\(bucket)/sparkify")
        let result = try run(SparkifyLoadCommand.samples, environment: moto.environment(moto.admin))
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errorLines.count == 1 && result.errorLines[0].hasPrefix("error: cannot connect to postgres on 127.0.0.1:"), "\(result.errors)")
        #expect(try await moto.client().listObjects(in: S3Location(bucket: bucket)).isEmpty)
    }

    @Test("Without UPLOAD_TO, one line and exit 78; a dry run lists the uploads and COPYs through manifests, needing no AWS access")
    func settingsAndDryRun() throws {
        writeConfig(port: 5439, uploadTo: nil)
        let samples = SparkifyLoadCommand.samples
        let missing = try run(samples, environment: [:])
        #expect(missing.status == 78)
        #expect(missing.errorLines == ["error: dwh.cfg: [S3] UPLOAD_TO is missing (or set SPARKIFY_S3_UPLOAD_TO or --upload-to)"])
        let noData = try run(environment: [:])
        #expect(noData.status == 78)
        #expect(noData.errorLines == ["error: dwh.cfg: [S3] LOG_DATA, LOG_JSONPATH and SONG_DATA are not set (nor SPARKIFY_S3_…): set them to load from S3, or name a local folder to upload"])
        // No credentials and an endpoint where nothing listens: a dry run sends nothing.
        let dry = try run("--dry-run", "--upload-to", "s3://bucket/p", samples, environment: ThrowawayCluster.offline)
        #expect(dry.status == 0 && dry.errors.isEmpty, "\(dry.errors)")
        let lines = dry.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("--   \(samples)/song_data/A/A/A/TRAAAAK128F9318786.json -> s3://bucket/p/song_data/A/A/A/TRAAAAK128F9318786.json"))
        #expect(lines.contains("--   \(samples)/log_json_path.json -> s3://bucket/p/log_json_path.json"))
        #expect(lines.contains("--   a manifest of these 11 files -> s3://bucket/p/manifests/song_data.manifest"))
        // 11 song files: summed up, the first five named, the others counted.
        let songs = (FileManager.default.enumerator(atPath: samples + "/song_data")?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }
        let songBytes = try songs.map { try FileManager.default.attributesOfItem(atPath: samples + "/song_data/" + $0)[.size] as! Int }.reduce(0, +)
        let header = try #require(lines.firstIndex(of: "-- upload to s3://bucket/p/, each file unless an object with the same content is there: 11 files, \(songBytes) bytes in all:"))
        #expect(lines[header + 1..<header + 6].allSatisfy { $0.hasPrefix("--   \(samples)/song_data/") && $0.contains(" -> s3://bucket/p/song_data/") })
        #expect(lines[header + 6] == "--   … and 6 more")
        #expect(lines.contains("FROM 's3://bucket/p/manifests/log_data.manifest'"))
        #expect(lines.contains("FORMAT AS JSON 's3://bucket/p/log_json_path.json'"))
        #expect(lines.filter { $0 == "MANIFEST" }.count == 2)
    }
}
