import AWS
import AWSTestSupport
@testable import BackendRedshift
import Core
import Foundation
import Testing
import WarehouseConformance

/// The plain COPY from the `[S3]` prefixes of the settings learns each bucket's region from S3
/// (moto's server, signatures checked), as the upload does, and names it when it is not the
/// cluster's; a configured region wins; a region S3 cannot tell leaves the load going, with
/// one line.
@Suite("The region of the buckets COPY reads (moto)", .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct RedshiftCopyRegionTests {
    let folder = TemporaryFolder()

    /// Settings of a cluster in us-west-2 whose `[S3]` data is in `songs` and `logs`.
    func settings(songs: String, logs: String, region: String? = nil) throws -> RedshiftSettings {
        folder.write("dwh.cfg", ClusterConfig.text() + """

            [S3]
            SONG_DATA=s3://\(songs)/song_data
            LOG_DATA=s3://\(logs)/log_data
            LOG_JSONPATH=s3://\(logs)/log_json_path.json
            \(region.map { "REGION=\($0)" } ?? "")
            """)
        return try RedshiftSettings(configPath: folder.path + "/dwh.cfg", environment: [:])
    }

    /// The stager of those settings, asking S3 with `client`.
    func stager(_ settings: RedshiftSettings, client: S3Client) throws -> RedshiftCopyStager {
        RedshiftCopyStager(warehouse: RedshiftWarehouse(settings: settings), location: try settings.copySource(), maxErrors: 0,
                           regionClient: client)
    }

    /// Discovers on a thread of its own, as the command line does, without connecting to the
    /// cluster; returns the warning.
    static func discover(_ stager: RedshiftCopyStager) async throws -> String? {
        // The warehouse, not Sendable, is not touched: nothing connects.
        nonisolated(unsafe) let stager = stager
        return try await OwnThread.run { try stager.discoverRegions(connectingFirst: false) }
    }

    /// The COPY of `dataset`, one string.
    static func copy(_ stager: RedshiftCopyStager, _ dataset: Dataset) throws -> String {
        try stager.stagingStatements(dataset).joined(separator: "\n")
    }

    /// A client of a port where nothing listens.
    static func unreachable(_ moto: MotoServer) throws -> S3Client {
        moto.client(endpoint: "http://127.0.0.1:\(try TCPPort.free())")
    }

    @Test("Each COPY names the region of its own bucket when it is not the cluster's")
    func discovered() async throws {
        let moto = try await MotoServer.require()
        let european = try await moto.makeBucket(region: "eu-west-1")
        let local = try await moto.makeBucket(region: "us-west-2")
        let stager = try stager(settings(songs: european, logs: local), client: moto.client())
        // Before S3 is asked (a dry run), the COPY says a REGION may come.
        #expect(try Self.copy(stager, .songs).hasPrefix("-- REGION is added when S3 says the bucket is in another region than the cluster\nCOPY "))
        #expect(try await Self.discover(stager) == nil)
        let songs = try Self.copy(stager, .songs)
        #expect(songs.hasPrefix("COPY \"staging_songs\""))
        #expect(songs.contains("FROM 's3://\(european)/song_data'\nIAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'\nFORMAT AS JSON 'auto'\nREGION 'eu-west-1'\nMAXERROR 0"))
        // The logs' bucket is in the cluster's region: no REGION.
        let events = try Self.copy(stager, .events)
        #expect(events.contains("FORMAT AS JSON 's3://\(local)/log_json_path.json'\nMAXERROR 0"))
        #expect(!events.contains("REGION"))
    }

    @Test("A configured region wins, and S3 is not asked")
    func configured() async throws {
        let moto = try await MotoServer.require()
        let stager = try stager(settings(songs: "udacity-dend", logs: "udacity-dend", region: "ap-south-1"), client: Self.unreachable(moto))
        #expect(try !Self.copy(stager, .songs).contains("--"))
        // Nothing listens at the client's endpoint: asking would have failed with a warning.
        #expect(try await Self.discover(stager) == nil)
        #expect(try Self.copy(stager, .songs).contains("FORMAT AS JSON 'auto'\nREGION 'ap-south-1'\nMAXERROR 0"))
        #expect(try Self.copy(stager, .events).contains("\nREGION 'ap-south-1'\n"))
    }

    @Test("When S3 cannot tell, one line says so and the COPY names no REGION")
    func unreachable() async throws {
        let moto = try await MotoServer.require()
        let stager = try stager(settings(songs: "sparkify-data", logs: "sparkify-data"), client: Self.unreachable(moto))
        let warning = try #require(try await Self.discover(stager))
        #expect(warning.hasPrefix("cannot learn the region of s3://sparkify-data ("), "\(warning)")
        #expect(warning.hasSuffix("): its COPY names no REGION, which works when the bucket is in the cluster's region; else set [S3] REGION"))
        #expect(!warning.contains("\n") && !warning.contains(moto.admin.secretAccessKey))
        for dataset in [Dataset.songs, .events] {
            let copy = try Self.copy(stager, dataset)
            #expect(copy.hasPrefix("COPY ") && !copy.contains("REGION"), "\(copy)")
        }
        // Asked once: a second call says nothing more.
        #expect(try await Self.discover(stager) == nil)
    }

    @Test("A missing bucket is a warning too, naming it")
    func missingBucket() async throws {
        let moto = try await MotoServer.require()
        let absent = "sparkify-absent-" + UUID().uuidString.lowercased().prefix(8)
        let warning = try await Self.discover(stager(settings(songs: absent, logs: absent), client: moto.client()))
        #expect(warning?.hasPrefix("cannot learn the region of s3://\(absent) (") == true, "\(warning ?? "")")
        #expect(warning?.contains("NoSuchBucket") == true, "\(warning ?? "")")
    }
}
