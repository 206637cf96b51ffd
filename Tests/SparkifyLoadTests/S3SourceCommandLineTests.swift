import AWS
import AWSTestSupport
import Core
import Foundation
import PostgresTestSupport
import SampleGenerator
import Testing
import WarehouseConformance

/// `sparkify-load … s3://bucket[/prefix]` as users run it, against moto's server: the load
/// equals the local load of the same files, table for table and row for row, and every failure
/// is one line that leaves the warehouse as it was.
@Suite("sparkify-load from an S3 prefix (moto)", .serialized, .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct S3SourceCommandLineTests {
    let folder = TemporaryFolder()

    /// Runs the built command in the test's folder with `environment`.
    func run(_ arguments: [String], environment: [String: String]) throws -> CommandResult {
        try SparkifyLoadCommand.run(arguments, in: folder.path, environment: environment)
    }

    /// A generated data set in the test's folder, at `name`, and the generator's count of its
    /// event lines (the events asked for, and the repeated lines it adds as quirks).
    func generate(_ name: String, events: Int, songs: Int, days: Int) throws -> (path: String, eventLines: Int) {
        let path = folder.path + "/" + name
        let summary = try DataSetGenerator(options: .init(events: events, songs: songs, days: days, seed: 7)).write(to: path)
        return (path, summary.eventLines)
    }

    /// A new bucket holding the files of `data` under `prefix`, on the server that checks
    /// signatures (or the one that does not).
    static func bucket(with data: String, prefix: String = "", verifyingSignatures: Bool = true) async throws -> (MotoServer, String) {
        let moto = try await MotoServer.require(verifyingSignatures: verifyingSignatures)
        let bucket = try await moto.makeBucket()
        try await moto.put(folder: data, into: bucket, prefix: prefix)
        return (moto, bucket)
    }

    @Test("Into SQLite, 1,100 song objects and 2,000 events load as the same files do from a local folder, every table row for row")
    func sqlite() async throws {
        let (data, _) = try generate("data", events: 2_000, songs: 1_100, days: 3)
        let (moto, bucket) = try await Self.bucket(with: data)
        let environment = moto.environment(moto.admin)
        let local = try run(["--database", "local.db", data], environment: environment)
        let fromS3 = try run(["--database", "s3.db", "s3://\(bucket)"], environment: environment)
        #expect(local.status == 0 && fromS3.status == 0, "\(local.errors)\(fromS3.errors)")
        #expect(fromS3.output.hasPrefix("Loaded s3://\(bucket) into s3.db (sqlite) in "))
        let songsLine = fromS3.output.split(separator: "\n").first { $0.hasPrefix("staging_songs ") }
        #expect(songsLine?.split(separator: " ").dropFirst().first == "1100", "\(fromS3.output)")
        let expected = try StarSnapshot.sqlite(folder.path + "/local.db")
        #expect(expected["songs"]?.count == 1_100)
        #expect(try StarSnapshot.sqlite(folder.path + "/s3.db") == expected)
        let history = try StarSnapshot.loads(sqlite: folder.path + "/s3.db")
        #expect(history.count == 1)
        #expect(history.first?[3] == .text("loaded"))
        #expect(history.first?[6] == .text("s3://\(bucket)"))
        #expect(!(fromS3.output + fromS3.errors).contains(moto.admin.secretAccessKey))
    }

    @Test("Into PostgreSQL, the same: the S3 load equals the local one, every table row for row",
          .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
    func postgres() async throws {
        let (data, eventLines) = try generate("data", events: 2_000, songs: 1_100, days: 3)
        let (moto, bucket) = try await Self.bucket(with: data)
        let environment = moto.environment(moto.admin)
        let server = try PostgresServer.require()
        let (localURL, s3URL) = (try server.makeDatabase(), try server.makeDatabase())
        let local = try run(["--backend", "postgres", "--dsn", localURL, data], environment: environment)
        let fromS3 = try run(["--backend", "postgres", "--dsn", s3URL, "s3://\(bucket)"], environment: environment)
        #expect(local.status == 0 && fromS3.status == 0, "\(local.errors)\(fromS3.errors)")
        let expected = try StarSnapshot.postgres(localURL)
        #expect(expected["staging_songs"]?.count == 1_100)
        #expect(expected["staging_events"]?.count == eventLines)
        #expect(try StarSnapshot.postgres(s3URL) == expected)
    }

    /// On the server that checks no signatures: moto cannot check a path or query holding
    /// `+`, spaces encoded as `%20` or non-ASCII (see `MotoServer`), and a prefix puts `/` in the
    /// listing's query.
    @Test("Keys with spaces, + and Unicode under a prefix load; a rejected record is named s3://bucket/key:LINE")
    func awkwardKeys() async throws {
        folder.copyContents(of: SparkifyLoadCommand.samples, to: "data")
        let good = #"{"artist":null,"auth":"Logged In","firstName":"Ada","gender":"F","itemInSession":0,"lastName":"L","length":null,"level":"free","location":"X","method":"GET","page":"Home","registration":1540919166796.0,"sessionId":77,"song":null,"status":200,"ts":1541105830796,"userAgent":"A","userId":"42"}"#
        folder.write("data/log_data/2018/11/bad day + ü.json", good + "\n" + #"{"artist": "X", oops}"# + "\n")
        let prefix = "sets/été 2018+/"
        let (moto, bucket) = try await Self.bucket(with: folder.path + "/data", prefix: prefix, verifyingSignatures: false)
        let environment = moto.environment(moto.admin)
        let local = try run(["--database", "local.db", "--max-errors", "1", "data"], environment: environment)
        let fromS3 = try run(["--database", "s3.db", "--max-errors", "1", "s3://\(bucket)/\(prefix)"], environment: environment)
        #expect(local.status == 0 && fromS3.status == 0, "\(local.errors)\(fromS3.errors)")
        let localPrefix = "data/log_data/2018/11/bad day + ü.json:2: malformed JSON"
        let s3Prefix = "s3://\(bucket)/sets/été 2018+/log_data/2018/11/bad day + ü.json:2: malformed JSON"
        #expect(local.errorLines.count == 1 && local.errorLines[0].hasPrefix(localPrefix), "\(local.errors)")
        #expect(fromS3.errorLines.count == 1 && fromS3.errorLines[0].hasPrefix(s3Prefix), "\(fromS3.errors)")
        #expect(fromS3.errorLines.first?.dropFirst(s3Prefix.count) == local.errorLines.first?.dropFirst(localPrefix.count))
        let expected = try StarSnapshot.sqlite(folder.path + "/local.db")
        #expect(expected["users"]?.contains { $0[0] == .integer(42) } == true)
        #expect(try StarSnapshot.sqlite(folder.path + "/s3.db") == expected)
        let strict = try run(["--database", "strict.db", "s3://\(bucket)/\(prefix)"], environment: environment)
        #expect(strict.status == 65)
        #expect(strict.errorLines.count == 2 && strict.errorLines[0] == fromS3.errorLines[0])
        #expect(strict.errorLines.last == "error: staging_events: 1 record rejected, more than the 0 allowed (--max-errors); nothing was loaded")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/strict.db"))
    }

    @Test("Wrong credentials and a missing bucket fail in one line naming AWS's code, and the warehouse stays as it was")
    func credentialsAndBuckets() async throws {
        let (moto, bucket) = try await Self.bucket(with: SparkifyLoadCommand.samples)
        let first = try run(["--database", "kept.db", "s3://\(bucket)"], environment: moto.environment(moto.admin))
        #expect(first.status == 0, "\(first.errors)")
        let before = try StarSnapshot.sqlite(folder.path + "/kept.db")
        let wrongSecret = AWSCredentials(accessKeyID: moto.admin.accessKeyID, secretAccessKey: "not-the-secret-0123456789")
        let unknownKey = AWSCredentials(accessKeyID: "AKIANOSUCHKEY0000000", secretAccessKey: "whatever-secret-9876")
        for (credentials, code) in [(wrongSecret, "SignatureDoesNotMatch"), (unknownKey, "InvalidAccessKeyId")] {
            let failed = try run(["--database", "kept.db", "s3://\(bucket)"], environment: moto.environment(credentials))
            #expect(failed.status == 1)
            #expect(failed.errorLines.count == 1)
            #expect(failed.errorLines.first?.hasPrefix("error: s3://\(bucket)/song_data: \(code): ") == true, "\(failed.errors)")
            #expect(failed.errorLines.first?.hasSuffix("(HTTP 403)") == true, "\(failed.errors)")
            #expect(!(failed.output + failed.errors).contains(credentials.secretAccessKey))
            #expect(try StarSnapshot.sqlite(folder.path + "/kept.db") == before)
        }
        let history = try StarSnapshot.loads(sqlite: folder.path + "/kept.db")
        #expect(history.map { $0[3] } == [.text("loaded"), .text("failed"), .text("failed")])
        #expect(history.dropFirst().allSatisfy { row in
            if case .text(let error) = row[4] { error.hasPrefix("s3://\(bucket)/song_data: ") } else { false }
        })
        let missing = try run(["--database", "kept.db", "s3://sparkify-no-such-bucket"], environment: moto.environment(moto.admin))
        #expect(missing.status == 66)
        #expect(missing.errorLines.count == 1)
        #expect(missing.errorLines.first?.hasPrefix("error: s3://sparkify-no-such-bucket/song_data: NoSuchBucket: ") == true, "\(missing.errors)")
        #expect(try StarSnapshot.sqlite(folder.path + "/kept.db") == before)
    }

    @Test("A connection cut mid-object is resumed and the load is whole; one that is always cut fails in one line and changes nothing")
    func droppedConnections() async throws {
        // One day of 4,000 events is one log object of about a megabyte; its listing is small.
        let (data, eventLines) = try generate("data", events: 4_000, songs: 20, days: 1)
        let (moto, bucket) = try await Self.bucket(with: data)
        let local = try run(["--database", "local.db", data], environment: [:])
        #expect(local.status == 0, "\(local.errors)")
        let resuming = try InterruptingProxy(upstreamPort: moto.port, cutAfter: 300_000, times: 2)
        let resumed = try run(["--database", "s3.db", "s3://\(bucket)"],
                              environment: moto.environment(moto.admin, endpoint: "http://127.0.0.1:\(resuming.port)"))
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resuming.cuts == 2)
        let loaded = try StarSnapshot.sqlite(folder.path + "/s3.db")
        #expect(loaded["staging_events"]?.count == eventLines)
        #expect(loaded == (try StarSnapshot.sqlite(folder.path + "/local.db")))
        let cutting = try InterruptingProxy(upstreamPort: moto.port, cutAfter: 0, times: Int.max)
        let failed = try run(["--database", "s3.db", "s3://\(bucket)"],
                             environment: moto.environment(moto.admin, endpoint: "http://127.0.0.1:\(cutting.port)"))
        #expect(failed.status == 1)
        #expect(failed.errorLines.count == 1)
        #expect(failed.errorLines.first?.hasPrefix("error: s3://\(bucket)/song_data: NetworkError: ") == true, "\(failed.errors)")
        #expect(failed.errorLines.first?.hasSuffix("(gave up after 5 tries)") == true, "\(failed.errors)")
        #expect(try StarSnapshot.sqlite(folder.path + "/s3.db") == loaded)
    }

    @Test("Keys from --config's [AWS] section; half a pair, or no keys anywhere, is one line and exit 78")
    func credentialSources() async throws {
        let (moto, bucket) = try await Self.bucket(with: SparkifyLoadCommand.samples)
        let noKeys = moto.environment(nil)
        folder.write("aws.cfg", "[AWS]\nKEY=\(moto.admin.accessKeyID)\nSECRET='\(moto.admin.secretAccessKey)'\n")
        let fromConfig = try run(["--database", "config.db", "--config", "aws.cfg", "s3://\(bucket)"], environment: noKeys)
        #expect(fromConfig.status == 0, "\(fromConfig.errors)")
        #expect(try StarSnapshot.sqlite(folder.path + "/config.db")["songplays"]?.count == SampleTables.songplays.count)
        folder.write("half.cfg", "[AWS]\nKEY=\(moto.admin.accessKeyID)\n")
        let half = try run(["--database", "half.db", "--config", "half.cfg", "s3://\(bucket)"], environment: noKeys)
        #expect(half.status == 78)
        #expect(half.errorLines == ["error: half.cfg: [AWS] SECRET is missing (or set SPARKIFY_AWS_SECRET)"])
        let none = try run(["--database", "none.db", "s3://\(bucket)"], environment: noKeys)
        #expect(none.status == 78)
        #expect(none.errorLines.count == 1 && none.errorLines[0].hasPrefix("error: AWS credentials: InvalidConfiguration: none found: "))
    }

    /// On the server that checks no signatures, in a bucket whose policy lets anyone read it,
    /// as a public data set's does (set through boto3).
    @Test("--no-sign-request reads a public bucket with no keys at all", .enabled(if: Botocore.isEnabled, Botocore.skipReason))
    func unsigned() async throws {
        let (open, bucket) = try await Self.bucket(with: SparkifyLoadCommand.samples, verifyingSignatures: false)
        try open.allowAnonymousReads(of: bucket)
        let unsigned = try run(["--database", "public.db", "--no-sign-request", "s3://\(bucket)"], environment: open.environment(nil))
        #expect(unsigned.status == 0, "\(unsigned.errors)")
        let local = try run(["--database", "local.db", SparkifyLoadCommand.samples], environment: [:])
        #expect(local.status == 0, "\(local.errors)")
        #expect(try StarSnapshot.sqlite(folder.path + "/public.db") == (try StarSnapshot.sqlite(folder.path + "/local.db")))
    }

    @Test("A dry run sums up the objects it would read, naming the first five of each folder, and creates nothing")
    func dryRun() async throws {
        let (moto, bucket) = try await Self.bucket(with: SparkifyLoadCommand.samples)
        let result = try run(["--database", "dry.db", "--dry-run", "s3://\(bucket)"], environment: moto.environment(moto.admin))
        #expect(result.status == 0 && result.errors.isEmpty, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        let samples = SparkifyLoadCommand.samples
        let size = { (path: String) in try FileManager.default.attributesOfItem(atPath: samples + "/" + path)[.size] as! Int }
        let files = (FileManager.default.enumerator(atPath: samples)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".json") && $0 != "log_json_path.json" }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let songs = files.filter { $0.hasPrefix("song_data/") }, logs = files.filter { $0.hasPrefix("log_data/") }
        #expect((songs.count, logs.count) == (11, 3))
        let named = { (paths: [String]) in try paths.map { "--   s3://\(bucket)/\($0) (\(try size($0)) bytes)" } }
        // 11 songs: the first five by name, then the six others counted.
        let songLines = ["-- reads 11 objects, \(try songs.map(size).reduce(0, +)) bytes in all:"] + (try named(Array(songs.prefix(5))))
            + ["--   … and 6 more", "-- one row per JSON object in the 11 .json files under s3://\(bucket)/song_data (at most 0 rejected):"]
        let logLines = ["-- reads 3 objects, \(try logs.map(size).reduce(0, +)) bytes in all:"] + (try named(logs))
            + ["-- one row per JSON object in the 3 .json files under s3://\(bucket)/log_data (at most 0 rejected):"]
        for expected in [songLines, logLines] {
            let start = try #require(lines.firstIndex(of: expected[0]), "\(result.output)")
            #expect(Array(lines[start..<min(lines.count, start + expected.count)]) == expected)
        }
        #expect(lines.filter { $0.hasPrefix("--   s3://") }.count == 8)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/dry.db"))
    }
}
