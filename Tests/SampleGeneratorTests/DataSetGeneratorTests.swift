import Core
import Foundation
import SampleGenerator
import Testing
import WarehouseConformance

@Suite("Generated data sets")
struct DataSetGeneratorTests {
    /// Every file below `root`, by relative path.
    private func contents(of root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: root + "/" + path)
            }
        }
        return files
    }

    @Test("The same options write the same bytes; another seed writes other bytes")
    func deterministic() throws {
        let folder = TemporaryFolder()
        let options = DataSetGenerator.Options(events: 3000, songs: 300, days: 3, seed: 42)
        _ = try DataSetGenerator(options: options).write(to: folder.path + "/a")
        _ = try DataSetGenerator(options: options).write(to: folder.path + "/b")
        var other = options
        other.seed = 43
        _ = try DataSetGenerator(options: other).write(to: folder.path + "/c")
        let a = try contents(of: folder.path + "/a")
        #expect(a.count == 300 + 3 + 1)
        #expect(a == (try contents(of: folder.path + "/b")))
        #expect(a != (try contents(of: folder.path + "/c")))
    }

    @Test("A generated set is in the public layout and stages without a rejection")
    func stagesCleanly() throws {
        let folder = TemporaryFolder()
        let summary = try DataSetGenerator(options: .init(events: 5000, songs: 500, days: 4, seed: 9)).write(to: folder.path)
        #expect(summary.songFiles == 500 && summary.logFiles == 4 && summary.eventLines >= 5000)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/log_data/2018/11/2018-11-04-events.json"))
        let source = try SourceFolder(path: folder.path)
        #expect(try source.files(of: .songs).allSatisfy { file in
            let parts = file.path.description.split(separator: "/").suffix(4)
            let track = Array(parts.last!)
            return parts.dropLast().map(String.init) == [String(track[2]), String(track[3]), String(track[4])]
        })
        for (dataset, lines) in [(Dataset.songs, summary.songFiles), (.events, summary.eventLines)] {
            var sink = CountingSink()
            let report = try RecordStager(source: source, maxErrors: 0).stage(dataset, into: &sink)
            #expect(report.rows == lines && sink.rows == lines && report.rejected.isEmpty)
        }
    }

    private struct CountingSink: StagingSink {
        var rows = 0
        mutating func write(_ batch: StagedBatch) throws { rows += batch.rowCount }
    }
}
