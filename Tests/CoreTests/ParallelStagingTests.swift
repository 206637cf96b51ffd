@testable import Core
import WarehouseConformance
import Foundation
import Testing

/// Staging with several parsing threads: every record is staged once, rejections come out in
/// listing order whatever the threads' timing, and any failure stops every thread.
@Suite("Staging on several threads")
struct ParallelStagingTests {
    /// A staging sink that counts rows and fails on its `failingBatch`-th batch.
    struct FailingSink: StagingSink {
        struct Failure: Error, Equatable {}
        let failingBatch: Int
        private(set) var batches = 0

        init(failingAt batch: Int) {
            failingBatch = batch
        }

        mutating func write(_ batch: StagedBatch) throws {
            batches += 1
            if batches == failingBatch { throw Failure() }
        }
    }

    /// A progress observer summing what it is told, from any thread.
    final class TallyingObserver: ProgressObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var sums = (files: 0, bytes: 0, records: 0)

        var totals: (files: Int, bytes: Int, records: Int) { lock.withLock { sums } }

        func stagingBegan(_ table: String) {}
        func staged(bytes: Int, records: Int) {
            lock.withLock {
                sums.files += 1
                sums.bytes += bytes
                sums.records += records
            }
        }
        func stepBegan(_ name: String) {}
        func listingBegan(_ location: String) {}
        func listed(objects: Int, bytes: Int64) {}
        func uploadBegan(_ destination: String, files: Int, bytes: Int64) {}
        func uploaded(bytes: Int64, skipped: Bool) {}
        func finished() {}
    }

    /// The outcome of `body`, run on a thread of its own; `nil` when it has not returned
    /// within `seconds` (it is then left running).
    static func outcome(within seconds: Double, _ body: @escaping @Sendable () throws -> StagingReport)
        -> Result<StagingReport, any Error>? {
        final class Box: @unchecked Sendable { var result: Result<StagingReport, any Error>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try body() }
            done.signal()
        }
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.result
    }

    /// A row as text, its columns in name order, so that rows compare as a multiset once
    /// sorted.
    static func key(_ row: [String: Cell]) -> String {
        row.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// The staging_events row of an event with only these keys: every other column NULL.
    static func eventRow(userID: String, sessionID: Int64, song: String) -> [String: Cell] {
        var row = Dictionary(uniqueKeysWithValues: StarSchema.stagingEvents.columns.map { ($0.name, Cell.null) })
        row["user_id"] = .text(userID)
        row["session_id"] = .integer(sessionID)
        row["song"] = .text(song)
        return row
    }

    /// An event line with these three keys.
    static func eventLine(userID: String, sessionID: Int, song: String) -> String {
        #"{"userId":"\#(userID)","sessionId":\#(sessionID),"song":"\#(song)"}"#
    }

    @Test("Many small files and a few big ones give each row once, and every rejection in listing order",
          arguments: [2, 3, 4])
    func everyRowOnce(threads: Int) throws {
        let folder = TemporaryFolder()
        var expectedRows: [[String: Cell]] = []
        var expectedRejections: [RejectedRecord] = []
        var totalBytes = 0
        var totalRecords = 0
        // Three big files of 12,000 lines (several batches each); the middle one has two bad
        // lines. The folder big/ lists before small/.
        for file in 0..<3 {
            let name = "big/b\(file).json"
            var lines: [String] = []
            for line in 1...12_000 {
                if file == 1 && (line == 5_000 || line == 11_000) {
                    lines.append(#"{"sessionId":1.5}"#)
                    expectedRejections.append(RejectedRecord(file: folder.path + "/log_data/" + name, line: line,
                                                             reason: #""sessionId": 1.5 is not a whole number"#))
                } else {
                    let song = String(repeating: "s", count: line % 101)
                    let user = String(100_000 * (file + 1) + line)
                    lines.append(Self.eventLine(userID: user, sessionID: line, song: song))
                    expectedRows.append(Self.eventRow(userID: user, sessionID: Int64(line), song: song))
                }
            }
            let text = lines.joined(separator: "\n") + "\n"
            folder.write("log_data/" + name, text)
            totalBytes += text.utf8.count
            totalRecords += lines.count
        }
        // 400 small files of one to three lines; every 25th ends with a bad line.
        for file in 0..<400 {
            let name = "small/f\(String(1000 + file).dropFirst()).json"
            var lines: [String] = []
            for line in 1...(1 + file % 3) {
                let user = String(10_000_000 + 10 * file + line)
                lines.append(Self.eventLine(userID: user, sessionID: file, song: "t\(line)"))
                expectedRows.append(Self.eventRow(userID: user, sessionID: Int64(file), song: "t\(line)"))
            }
            if file % 25 == 7 {
                lines.append(#"{"sessionId":"x\#(file)"}"#)
                expectedRejections.append(RejectedRecord(file: folder.path + "/log_data/" + name, line: lines.count,
                                                         reason: #""sessionId": expected a number, found "x\#(file)""#))
            }
            let text = lines.joined(separator: "\n")
            folder.write("log_data/" + name, text)
            totalBytes += text.utf8.count
            totalRecords += lines.count
        }
        // 36,000 - 2 big rows; 133 rounds of 1 + 2 + 3 small rows, and 1; every 25th of 400 bad.
        #expect(expectedRows.count == 35_998 + 133 * 6 + 1 && expectedRejections.count == 2 + 16)

        let observer = TallyingObserver()
        var sink = CollectingSink(StarSchema.stagingEvents)
        let stager = RecordStager(source: try SourceFolder(path: folder.path), maxErrors: 100, progress: observer,
                                  parsingThreads: threads)
        let report = try stager.stage(.events, into: &sink)

        #expect(sink.rows.map(Self.key).sorted() == expectedRows.map(Self.key).sorted())
        #expect(report.rows == expectedRows.count)
        #expect(report.rejected == expectedRejections)
        #expect(report.files == 403 && report.bytes == totalBytes)
        let totals = observer.totals
        #expect(totals.files == 403 && totals.bytes == totalBytes && totals.records == totalRecords)
    }

    @Test("Too many rejections fail with the first ones in listing order, even when a later file is read first",
          arguments: [2, 4])
    func tooManyRejections(threads: Int) throws {
        let folder = TemporaryFolder()
        // The first file is big, with its one bad line at its end: while one thread reads it,
        // another meets the bad lines of the small files after it.
        let good = (1...30_000).map { Self.eventLine(userID: String($0), sessionID: $0, song: "song") }
        folder.write("log_data/a.json", (good + [#"{"sessionId":"late"}"#]).joined(separator: "\n"))
        for file in 0..<100 {
            folder.write("log_data/f\(String(1000 + file).dropFirst()).json", #"{"sessionId":"s\#(file)"}"#)
        }
        let path = folder.path
        let stager = RecordStager(source: try SourceFolder(path: path), maxErrors: 3, parsingThreads: threads)
        var sink = CollectingSink(StarSchema.stagingEvents)
        do {
            _ = try stager.stage(.events, into: &sink)
            Issue.record("staging passed with 101 rejections and 3 allowed")
        } catch let error as StagingError {
            guard case .tooManyRejections(let table, let allowed, let rejected) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(table == "staging_events" && allowed == 3)
            #expect(rejected == [
                RejectedRecord(file: path + "/log_data/a.json", line: 30_001, reason: #""sessionId": expected a number, found "late""#),
                RejectedRecord(file: path + "/log_data/f000.json", line: 1, reason: #""sessionId": expected a number, found "s0""#),
                RejectedRecord(file: path + "/log_data/f001.json", line: 1, reason: #""sessionId": expected a number, found "s1""#),
                RejectedRecord(file: path + "/log_data/f002.json", line: 1, reason: #""sessionId": expected a number, found "s2""#),
            ])
            #expect(error.description == "staging_events: 4 records rejected, more than the 3 allowed (--max-errors); nothing was loaded")
        }
    }

    @Test("A sink that fails midway stops every thread, and its error is the one thrown", arguments: [2, 4])
    func failingSink(threads: Int) throws {
        let folder = TemporaryFolder()
        // 40 files of 10,000 rows: about 100 batches of 4,096 rows.
        let text = (1...10_000).map { #"{"userId":"\#($0)"}"# }.joined(separator: "\n")
        for file in 0..<40 { folder.write("log_data/f\(String(100 + file).dropFirst()).json", text) }
        let source = try SourceFolder(path: folder.path)
        let observer = TallyingObserver()
        let outcome = Self.outcome(within: 60) {
            var sink = FailingSink(failingAt: 3)
            return try RecordStager(source: source, maxErrors: 0, progress: observer, parsingThreads: threads)
                .stage(.events, into: &sink)
        }
        guard let outcome else {
            Issue.record("staging did not stop within a minute of the sink's failure")
            return
        }
        #expect(throws: FailingSink.Failure()) { try outcome.get() }
        // Parsed at most: the three batches the sink took, four queued, and per thread one
        // waiting to be queued and one being filled, of 4,096 rows each; files of 10,000 rows.
        #expect(observer.totals.files <= (7 + 2 * threads) * 4_096 / 10_000)
    }

    @Test("A listing that fails midway stops every thread, and its error is the one thrown", arguments: [2, 4])
    func failingListing(threads: Int) throws {
        let folder = TemporaryFolder()
        let text = (1...20_000).map { #"{"userId":"\#($0)"}"# }.joined(separator: "\n")
        for file in 0..<6 { folder.write("log_data/a/f\(file).json", text) }
        folder.write("log_data/z/ok.json", text)
        // A .json entry that is not a file fails the listing when it lists z/.
        #expect(mkfifo(folder.path + "/log_data/z/pipe.json", 0o600) == 0)
        let source = try SourceFolder(path: folder.path)
        let outcome = Self.outcome(within: 60) {
            var sink = CollectingSink(StarSchema.stagingEvents)
            return try RecordStager(source: source, maxErrors: 0, parsingThreads: threads).stage(.events, into: &sink)
        }
        guard let outcome else {
            Issue.record("staging did not stop within a minute of the listing's failure")
            return
        }
        #expect(throws: StagingError.unreadable(file: folder.path + "/log_data/z/pipe.json", reason: "a named pipe (FIFO), not a file")) {
            try outcome.get()
        }
    }

    @Test("One parsing thread at least, and a few at most, by default")
    func defaultThreads() {
        #expect((1...4).contains(RecordStager<SourceFolder>.defaultParsingThreads))
        #expect(RecordStager(source: try! SourceFolder(path: WarehouseConformance.samplesPath), maxErrors: 0,
                             parsingThreads: 0).parsingThreads == 1)
    }
}
