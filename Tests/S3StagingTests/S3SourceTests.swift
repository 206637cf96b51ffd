import AWS
import AWSTestSupport
import BackendSQLite
import Core
import Foundation
import S3Staging
import Testing
import WarehouseConformance

/// An S3 prefix read as the staging reader reads a local folder, against moto's server (with
/// signatures checked unless a test says why not).
@Suite("An S3 prefix as a source, against a real local S3 (moto)", .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct S3SourceTests {
    /// A song object whose values derive from `id`.
    static func song(_ id: Int) -> String {
        #"{"num_songs": 1, "artist_id": "AR\#(id)", "artist_latitude": null, "artist_longitude": null, "artist_location": "", "#
            + #""artist_name": "Artist \#(id)", "song_id": "SO\#(id)", "title": "Title \#(id)", "duration": 200.5, "year": 2001}"#
    }

    /// The same `files` (relative path → content) in a local folder and in a new bucket, and
    /// the bucket read as a source.
    static func mirrored(_ files: [String: String], verifyingSignatures: Bool = true, prefix: String = "",
                         endpoint: String? = nil) async throws -> (folder: TemporaryFolder, bucket: String, source: S3Source) {
        let moto = try await MotoServer.require(verifyingSignatures: verifyingSignatures)
        let folder = TemporaryFolder()
        for (path, text) in files { folder.write("data/" + path, text) }
        let bucket = try await moto.makeBucket()
        try await moto.put(folder: folder.path + "/data", into: bucket, prefix: prefix)
        let source = S3Source(location: S3Location(bucket: bucket, key: prefix), client: moto.client(endpoint: endpoint))
        return (folder, bucket, source)
    }

    /// The names `source` lists for `dataset`, in order.
    static func names<Source: ObjectSource>(_ source: Source, _ dataset: Dataset) async throws -> [String] {
        try await OwnThread.run {
            var names: [String] = []
            var walking = Duration.zero
            try source.forEachObject(of: dataset, walking: &walking) { names.append(source.name(of: $0)) }
            return names
        }
    }

    /// The error `body` throws, run on a thread of its own.
    static func error(_ body: @escaping @Sendable () throws -> Void) async -> (any Error)? {
        do {
            try await OwnThread.run(body)
            return nil
        } catch {
            return error
        }
    }

    @Test("Keys are listed in byte order, .json only, hidden components skipped, exactly as a local folder of the same files")
    func listing() async throws {
        let files = [
            "song_data/A/A/TRAAA.json": Self.song(1), "song_data/A/TRB.json": Self.song(2), "song_data/A.json": Self.song(3),
            "song_data/A-B/x.json": Self.song(4), "song_data/.ipynb_checkpoints/TRX-checkpoint.json": Self.song(5),
            "song_data/A/.hidden.json": Self.song(6), "song_data/A/readme.txt": "notes", "song_data/A/x.JSON": Self.song(7),
            "song_data/B/.json": Self.song(8), "song_data.json": Self.song(9), "song_data_old/y.json": Self.song(10),
            "log_data/2018/11/2018-11-02-events.json": "{}", "log_data/2018/11/2018-11-01-events.json": "{}",
        ]
        let (folder, bucket, source) = try await Self.mirrored(files)
        // '-' (0x2D) < '.' (0x2E) < '/' (0x2F): A-B/… before A.json before A/…
        let songs = ["song_data/A-B/x.json", "song_data/A.json", "song_data/A/A/TRAAA.json", "song_data/A/TRB.json"]
        let logs = ["log_data/2018/11/2018-11-01-events.json", "log_data/2018/11/2018-11-02-events.json"]
        #expect(try await Self.names(source, .songs) == songs.map { "s3://\(bucket)/\($0)" })
        #expect(try await Self.names(source, .events) == logs.map { "s3://\(bucket)/\($0)" })
        let local = try SourceFolder(path: folder.path + "/data")
        #expect(try await Self.names(local, .songs) == songs.map { folder.path + "/data/" + $0 })
        #expect(try await Self.names(local, .events) == logs.map { folder.path + "/data/" + $0 })
        #expect(source.description == "s3://\(bucket)")
        #expect(source.location(of: .songs) == "s3://\(bucket)/song_data")
    }

    /// On the server that checks no signatures: a listing under a prefix sends `/` in its
    /// query, which moto's checker cannot check (see `MotoServer`).
    @Test("Under a prefix, with or without a trailing /, the same keys are read")
    func prefix() async throws {
        let (_, bucket, source) = try await Self.mirrored(["song_data/A/x.json": Self.song(1), "log_data/l.json": "{}"],
                                                          verifyingSignatures: false, prefix: "sets/2018/")
        let withoutSlash = S3Source(location: S3Location(bucket: bucket, key: "sets/2018"), client: source.client)
        for candidate in [source, withoutSlash] {
            #expect(candidate.description == "s3://\(bucket)/sets/2018")
            #expect(try await Self.names(candidate, .songs) == ["s3://\(bucket)/sets/2018/song_data/A/x.json"])
            #expect(try await Self.names(candidate, .events) == ["s3://\(bucket)/sets/2018/log_data/l.json"])
        }
    }

    @Test("One data folder may be missing, not both; a folder without .json is an error naming it")
    func missingFolders() async throws {
        let (_, logsBucket, logsOnly) = try await Self.mirrored(["log_data/a.json": "{}"])
        #expect(try await Self.names(logsOnly, .songs).isEmpty)
        #expect(try await Self.names(logsOnly, .events) == ["s3://\(logsBucket)/log_data/a.json"])
        let (_, songsBucket, songsOnly) = try await Self.mirrored(["song_data/a.json": Self.song(1), "log_data.txt": "not a folder"])
        #expect(try await Self.names(songsOnly, .songs) == ["s3://\(songsBucket)/song_data/a.json"])
        #expect(try await Self.names(songsOnly, .events).isEmpty)
        let (_, neitherBucket, neither) = try await Self.mirrored(["other/a.json": "{}", "song_data.json": "{}"])
        let noFolders = await Self.error { _ = try Self.names(neither) }
        #expect(noFolders as? StagingError == .noDataFolders("s3://\(neitherBucket)"))
        #expect("\(noFolders!)" == "s3://\(neitherBucket): no song_data/ or log_data/ folder in it")
        let (_, noJSONBucket, noJSON) = try await Self.mirrored(["song_data/A/readme.txt": "x", "song_data/.hidden/a.json": "{}", "log_data/a.json": "{}"])
        let noJSONError = await Self.error { _ = try Self.names(noJSON) }
        #expect(noJSONError as? StagingError == .noJSONFiles("s3://\(noJSONBucket)/song_data"))
    }

    /// The names of the songs, read on the calling thread.
    static func names(_ source: S3Source) throws -> [String] {
        var names: [String] = []
        var walking = Duration.zero
        try source.forEachObject(of: .songs, walking: &walking) { names.append(source.name(of: $0)) }
        return names
    }

    @Test("Events map by the prefix's log_json_path.json, by the standard paths without one; a broken one is named")
    func descriptor() async throws {
        let (_, _, standard) = try await Self.mirrored(["log_data/a.json": "{}"])
        #expect(try await OwnThread.run { try standard.format(of: .events) } == .jsonPaths(StagingFormat.standardEventPaths))
        #expect(try await OwnThread.run { try standard.format(of: .songs) } == .auto)
        // The standard paths in reverse: the first column, artist, reads "userId".
        let reversed = #"{"jsonpaths": ["# + StagingFormat.standardEventPaths.reversed().map { "\"\($0.description)\"" }.joined(separator: ", ") + "]}"
        let (_, _, own) = try await Self.mirrored(["log_data/a.json": "{}", "log_json_path.json": reversed])
        #expect(try await OwnThread.run { try own.format(of: .events) } == .jsonPaths(StagingFormat.standardEventPaths.reversed()))
        let (_, brokenBucket, broken) = try await Self.mirrored(["log_data/a.json": "{}", "log_json_path.json": #"{"jsonpaths": ["$['a']"]}"#])
        let brokenError = await Self.error { _ = try broken.format(of: .events) }
        #expect("\(brokenError!)" == "s3://\(brokenBucket)/log_json_path.json: has 1 paths for the 18 columns of staging_events")
        let (_, largeBucket, large) = try await Self.mirrored(["log_data/a.json": "{}",
                                                              "log_json_path.json": String(repeating: " ", count: (1 << 20) + 1)])
        let largeError = await Self.error { _ = try large.format(of: .events) }
        #expect(largeError as? StagingError == .badJSONPaths(file: "s3://\(largeBucket)/log_json_path.json", reason: "is larger than 1 MiB"))
    }

    @Test("Objects download many at a time, not one round trip after another, and every row arrives")
    func readAhead() async throws {
        let moto = try await MotoServer.require()
        let proxy = try InterruptingProxy(upstreamPort: moto.port, cutAfter: Int.max, times: 0)
        let songs = Dictionary(uniqueKeysWithValues: (1...300).map { (String(format: "song_data/A/%03d.json", $0), Self.song($0)) })
        let (folder, _, source) = try await Self.mirrored(songs, endpoint: "http://127.0.0.1:\(proxy.port)")
        let path = folder.path
        let staged = try await OwnThread.run {
            let warehouse = SQLiteWarehouse(path: path + "/s3.db")
            defer { warehouse.close() }
            let report = try Pipeline(warehouse: warehouse, stager: S3RowsStager(source: source, into: warehouse, maxErrors: 0)).run(.load)
            return (report.staging.first { $0.table == "staging_songs" }, try warehouse.queryInteger("SELECT COUNT(*) FROM songs"))
        }
        #expect(staged.0?.files == 300)
        #expect(staged.0?.rows == 300)
        #expect(staged.1 == 300)
        // One object after another would reuse one kept-alive connection; 64 ahead open many.
        #expect(proxy.connections >= 16, "only \(proxy.connections) connections for 300 objects")
    }

    /// On the server that checks no signatures: keys holding control characters, `+`, `%` or
    /// non-ASCII cannot be checked by moto (see `MotoServer`). (moto cannot store a key with a
    /// newline at all: its router's patterns stop at one.)
    @Test("A dry run sums up the objects it would read and names the first, whatever the keys hold")
    func dryRun() async throws {
        let (folder, bucket, source) = try await Self.mirrored(
            ["song_data/evil\u{1B}[2K\u{2028}\tINSERT INTO x VALUES (1);.json": Self.song(1), "song_data/ü 100%+*/x.json": Self.song(2), "log_data/a.json": "{}"],
            verifyingSignatures: false)
        let path = folder.path
        let progress = RecordingProgress()
        let statements = try await OwnThread.run {
            let warehouse = SQLiteWarehouse(path: path + "/dry.db")
            return try S3RowsStager(source: source, into: warehouse, maxErrors: 3, progress: progress).stagingStatements(.songs)
        }
        // The listing shows on the progress line, and is gone before the statements print.
        #expect(progress.events == ["listing s3://\(bucket)/song_data/", "listed 1 \(Self.song(1).utf8.count)", "listed 1 \(Self.song(2).utf8.count)", "finished"])
        #expect(statements.count == 1)
        let lines = statements[0].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        #expect(lines[0] == "-- reads 2 objects, \(Self.song(1).utf8.count + Self.song(2).utf8.count) bytes in all:")
        #expect(lines[1] == "--   s3://\(bucket)/song_data/evil\\u{1B}[2K\\u{2028}\\tINSERT INTO x VALUES (1);.json (\(Self.song(1).utf8.count) bytes)")
        #expect(lines[2] == "--   s3://\(bucket)/song_data/ü 100%+*/x.json (\(Self.song(2).utf8.count) bytes)")
        #expect(lines[3] == "-- one row per JSON object in the 2 .json files under s3://\(bucket)/song_data (at most 3 rejected):")
        #expect(lines[4].hasPrefix("INSERT INTO \"staging_songs\""))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/dry.db"))
    }
}
