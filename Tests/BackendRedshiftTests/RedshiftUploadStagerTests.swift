import AWS
import AWSTestSupport
@testable import BackendRedshift
import Core
import Foundation
import Testing
import WarehouseConformance

/// A local folder uploaded for Redshift's COPY, against moto's server with signatures
/// checked: the objects are the files, byte for byte; a second upload sends nothing; COPY
/// reads exactly them through manifests, and its statements pass the Redshift grammar.
@Suite("Uploading a folder for COPY (moto)", .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct RedshiftUploadStagerTests {
    let folder = TemporaryFolder()

    /// The 18 paths of Sparkify's published log_json_path.json, written out by hand.
    static let standardPaths = [
        "artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level", "location", "method", "page",
        "registration", "sessionId", "song", "status", "ts", "userAgent", "userId",
    ].map { "$['\($0)']" }

    /// Settings for a cluster at `host`, with `region` as `[S3] REGION` when given.
    func settings(host: String, region: String? = nil) throws -> RedshiftSettings {
        folder.write("dwh.cfg", ClusterConfig.text(host: host) + "\n[S3]\n" + (region.map { "REGION=\($0)\n" } ?? ""))
        return try RedshiftSettings(configPath: folder.path + "/dwh.cfg", environment: [:])
    }

    /// A stager of the folder `data` (in the test's folder) to `destination`, telling `progress`.
    func stager(_ data: String, to destination: S3Location, settings: RedshiftSettings, client: S3Client,
                progress: RecordingProgress? = nil) throws -> RedshiftUploadStager {
        try RedshiftUploadStager(warehouse: RedshiftWarehouse(settings: settings), folder: SourceFolder(path: folder.path + "/" + data),
                                 destination: destination, client: client, maxErrors: 0, progress: progress)
    }

    /// Uploads on a thread of its own, without connecting to the cluster.
    static func upload(_ stager: RedshiftUploadStager) async throws -> RedshiftUploadReport {
        // The warehouse, not Sendable, is not touched: nothing connects.
        nonisolated(unsafe) let stager = stager
        return try await OwnThread.run { try stager.upload(connectingFirst: false) }
    }

    /// The relative paths of every file below `path`, sorted by their bytes.
    static func files(below path: String) -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
            .filter { var isFolder: ObjCBool = false; return FileManager.default.fileExists(atPath: path + "/" + $0, isDirectory: &isFolder) && !isFolder.boolValue }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    @Test("The objects are the files byte for byte; the manifests name exactly them; a second upload sends nothing")
    func uploadsAndSkips() async throws {
        let moto = try await MotoServer.require()
        let client = moto.client()
        let bucket = try await moto.makeBucket(region: "us-west-2")
        folder.copyContents(of: WarehouseConformance.samplesPath, to: "data")
        let data = folder.path + "/data"
        let files = Self.files(below: data).filter { $0.hasSuffix(".json") }
        #expect(files.count == 15)
        let settings = try settings(host: "dwhcluster.abc123.us-west-2.redshift.amazonaws.com")
        let destination = S3Location(bucket: bucket, key: "loads/2018")
        let first = try await Self.upload(stager("data", to: destination, settings: settings, client: client))
        let total = try files.map { try FileManager.default.attributesOfItem(atPath: data + "/" + $0)[.size] as! Int }.reduce(0, +)
        #expect(first.destination == "s3://\(bucket)/loads/2018/")
        #expect((first.files, first.filesUploaded, first.bytesUploaded) == (15, 15, Int64(total)))
        // The folder has its own descriptor: the files for COPY are the two manifests.
        #expect((first.copyFiles, first.copyFilesUploaded) == (2, 2))
        // The bucket is in the cluster's region, so COPY names none.
        #expect(first.region == nil)
        for file in files {
            let object = try await client.getObjectBytes(S3Location(bucket: bucket, key: "loads/2018/" + file))
            #expect(Array(object.readableBytesView) == Array(try Data(contentsOf: URL(fileURLWithPath: data + "/" + file))), "\(file)")
        }
        let manifest = try await client.getObjectBytes(S3Location(bucket: bucket, key: "loads/2018/manifests/log_data.manifest"))
        let entries = try #require((try JSONSerialization.jsonObject(with: Data(manifest.readableBytesView)) as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(entries.map { $0["url"] as? String } == files.filter { $0.hasPrefix("log_data/") }.map { "s3://\(bucket)/loads/2018/\($0)" })
        #expect(entries.allSatisfy { $0["mandatory"] as? Bool == true })
        let again = try await Self.upload(stager("data", to: destination, settings: settings, client: client))
        #expect((again.files, again.filesUploaded, again.bytesUploaded, again.copyFiles, again.copyFilesUploaded) == (15, 0, 0, 2, 0))
        // One file changed: it alone goes up; the manifests name the same files and stay.
        folder.write("data/log_data/2018/11/2018-11-03-events.json", "{}\n")
        let changed = try await Self.upload(stager("data", to: destination, settings: settings, client: client))
        #expect((changed.filesUploaded, changed.bytesUploaded, changed.copyFilesUploaded) == (1, 3, 0))
        // A new file goes up, and so does the manifest that now names it.
        folder.write("data/song_data/Z/new.json", "{}")
        let added = try await Self.upload(stager("data", to: destination, settings: settings, client: client))
        #expect((added.files, added.filesUploaded, added.copyFilesUploaded) == (16, 1, 1))
    }

    @Test("The upload tells the progress line of every file, sent or already there, and erases it before the report")
    func progress() async throws {
        let moto = try await MotoServer.require()
        let bucket = try await moto.makeBucket()
        folder.copyContents(of: WarehouseConformance.samplesPath, to: "data")
        let data = folder.path + "/data"
        // The 15 files of the samples, the descriptor among them, and the two manifests.
        let sizes = try Self.files(below: data).filter { $0.hasSuffix(".json") }
            .map { try FileManager.default.attributesOfItem(atPath: data + "/" + $0)[.size] as! Int }
        #expect(sizes.count == 15)
        let settings = try settings(host: "127.0.0.1", region: "us-east-1")
        for round in ["sent", "skipped"] {
            let progress = RecordingProgress()
            _ = try await Self.upload(stager("data", to: S3Location(bucket: bucket, key: "p"), settings: settings, client: moto.client(),
                                             progress: progress))
            let events = progress.events
            let begin = try #require(events.first)
            #expect(begin.hasPrefix("upload s3://\(bucket)/p/ 17 "), "\(begin)")
            #expect(events.last == "finished" && events.count == 19, "\(events)")
            let done = events.dropFirst().dropLast().map { $0.split(separator: " ") }
            #expect(done.allSatisfy { $0.count == 3 && $0[0] == "uploaded" && $0[2] == Substring(round) }, "\(events)")
            // Each file once: the folder's by their sizes, and in all the bytes announced.
            let bytes = done.compactMap { Int($0[1]) }
            #expect(begin.hasSuffix(" \(bytes.reduce(0, +))"))
            var unmatched = bytes
            for size in sizes {
                if let index = unmatched.firstIndex(of: size) { unmatched.remove(at: index) }
            }
            #expect(unmatched.count == 2, "the manifests: \(unmatched)")
        }
    }

    @Test("A folder without a descriptor gets the standard one beside its data")
    func standardDescriptor() async throws {
        let moto = try await MotoServer.require()
        let bucket = try await moto.makeBucket()
        folder.write("data/log_data/a.json", "{}\n")
        let report = try await Self.upload(stager("data", to: S3Location(bucket: bucket), settings: settings(host: "127.0.0.1"), client: moto.client()))
        #expect((report.files, report.copyFiles, report.copyFilesUploaded) == (1, 2, 2))
        let descriptor = try await moto.client().getObjectBytes(S3Location(bucket: bucket, key: "log_json_path.json"))
        let paths = (try JSONSerialization.jsonObject(with: Data(descriptor.readableBytesView)) as? [String: Any])?["jsonpaths"] as? [String]
        #expect(paths == Self.standardPaths)
    }

    @Test("COPY names the bucket's region when it is not the cluster's, or the configured one")
    func regions() async throws {
        let moto = try await MotoServer.require()
        let bucket = try await moto.makeBucket(region: "eu-west-1")
        folder.write("data/song_data/a.json", "{}")
        let elsewhere = try stager("data", to: S3Location(bucket: bucket, key: "x"),
                                   settings: settings(host: "dwh.abc.us-east-1.redshift.amazonaws.com"), client: moto.client())
        #expect(try await Self.upload(elsewhere).region == "eu-west-1")
        let copy = try elsewhere.stagingStatements(.songs).joined()
        #expect(copy.contains("FROM 's3://\(bucket)/x/manifests/song_data.manifest'"))
        #expect(copy.contains("FORMAT AS JSON 'auto'\nMANIFEST\nREGION 'eu-west-1'"))
        let unknownCluster = try stager("data", to: S3Location(bucket: bucket, key: "y"), settings: settings(host: "127.0.0.1"), client: moto.client())
        #expect(try await Self.upload(unknownCluster).region == "eu-west-1")
        let configured = try stager("data", to: S3Location(bucket: bucket, key: "z"), settings: settings(host: "127.0.0.1", region: "us-west-2"),
                                    client: moto.client())
        #expect(try await Self.upload(configured).region == "us-west-2")
    }

    @Test("The dry run and the COPY an upload leads to pass the Redshift grammar, whatever the file names hold",
          .enabled(if: SQLFluff.isEnabled, SQLFluff.skipReason))
    func grammar() async throws {
        let moto = try await MotoServer.require()
        let bucket = try await moto.makeBucket(region: "eu-west-1")
        folder.copyContents(of: WarehouseConformance.samplesPath, to: "data")
        folder.write("odd/song_data/it's \\ a\n-- */ song;.json", "{}")
        folder.write("odd/log_data/a.json", "{}\n")
        let settings = try settings(host: "dwh.abc.us-east-1.redshift.amazonaws.com")
        let odd = try stager("odd", to: S3Location(bucket: bucket, key: "odd"), settings: settings, client: moto.client())
        let uploaded = try stager("data", to: S3Location(bucket: bucket, key: "data"), settings: settings, client: moto.client())
        _ = try await Self.upload(uploaded)
        var statements: [String] = []
        for stager in [odd, uploaded] {
            statements += try Pipeline(warehouse: stager.warehouse, stager: stager).dryRun(.load)
        }
        let sql = statements.joined(separator: "\n\n")
        #expect(sql.contains("--   \(folder.path)/odd/song_data/it's \\ a\\n-- */ song;.json -> s3://\(bucket)/odd/song_data/it's \\ a\\n-- */ song;.json"))
        #expect(sql.contains("MANIFEST\nREGION 'eu-west-1'"))
        #expect(!sql.contains("secret"))
        let result = try SQLFluff.parse(sql, in: folder)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("A data folder the source lacks is staged empty, without a COPY")
    func missingDataset() throws {
        folder.write("songs-only/song_data/a.json", "{}")
        let stager = try stager("songs-only", to: S3Location(bucket: "bucket"), settings: settings(host: "127.0.0.1"),
                                client: S3Client(configuration: AWSConfiguration(credentials: nil, region: nil)))
        #expect(try stager.stagingStatements(.events) == ["-- no log_data/ in \(folder.path)/songs-only: staging_events stays empty"])
        #expect(try stager.stagingStatements(.songs).joined().contains("COPY \"staging_songs\""))
    }
}
