import Core
import Testing

/// Inputs the staging fuzzer (Sources/StagingFuzzer, Scripts/fuzz.sh) found mishandled, each
/// read through the same probe of the real reader and decoder, with the result worked out by
/// hand.
@Suite("Staging fuzzer findings")
struct FuzzFindingsTests {
    /// The row `{"userId":"1"}` stages in staging_events: every column NULL but the last,
    /// user_id.
    static let rowOfUserOne: [StagingProbe.Value] = Array(repeating: .null, count: 17) + [.text(Array("1".utf8))]

    @Test("A byte-order mark is ignored however the stream's first reads split it", arguments: [
        (chunkSizes: [1], bufferCapacity: 1 << 20),
        (chunkSizes: [2], bufferCapacity: 1 << 20),
        (chunkSizes: [2, 7], bufferCapacity: 1 << 20),
        (chunkSizes: [], bufferCapacity: 1),
        (chunkSizes: [], bufferCapacity: 2),
    ])
    func byteOrderMarkAcrossReads(chunkSizes: [Int], bufferCapacity: Int) {
        // The mark (3 bytes), then `{"userId":"1"}` (14 bytes) and a line feed: 18 bytes.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"userId\":\"1\"}\n".utf8)
        let report = StagingProbe.read(bytes, as: .events, bufferCapacity: bufferCapacity, chunkSizes: chunkSizes)
        #expect(report.bytesRead == 18)
        #expect(report.rowCount == 1)
        #expect(report.records.count == 1)
        let record = report.records.first
        #expect(record?.offset == 3 && record?.count == 14 && record?.line == 1)
        #expect(record?.scannedBytes == Array(bytes[3..<17]))
        #expect(record?.outcome == .staged(Self.rowOfUserOne))
    }

    // The two below are where the fuzzer's reference parser, JSONSerialization, was wrong and
    // the reader right; they keep the reader right.

    @Test("A U+FEFF inside a string is text, at its start and after an escape too")
    func byteOrderMarkInsideStrings() {
        // JSONSerialization drops the first two: it reads "a" and "/5.0".
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let line = Array(#"{"artist":""#.utf8) + mark + Array(#"a","song":"\/"#.utf8) + mark + Array(#"5.0","level":"x"#.utf8) + mark + Array(#""}"#.utf8)
        let report = StagingProbe.read(line, as: .events)
        guard case .staged(let row) = report.records.first?.outcome else {
            Issue.record("not staged: \(report.records)")
            return
        }
        #expect(row[0] == .text(mark + Array("a".utf8)))
        #expect(row[13] == .text(Array("/".utf8) + mark + Array("5.0".utf8)))
        #expect(row[7] == .text(Array("x".utf8) + mark))
    }

    @Test("A double of more than 17 digits is the double nearest to it")
    func longDoubles() {
        // JSONSerialization reads 655.77751282160000 as 655.7775128216001, one unit in the last
        // place off, and 438.931792233720368547758089 two units off; the literals below are
        // rounded by the compiler.
        let line = #"{"length":655.77751282160000,"registration":1540919166796.0000000}"#
            + #" {"length":438.931792233720368547758089}"#
        let report = StagingProbe.read(Array(line.utf8), as: .events)
        let rows = report.records.compactMap { record in
            if case .staged(let row) = record.outcome { row } else { nil }
        }
        #expect(rows.count == 2)
        #expect(rows.first?[6] == .double(655.7775128216))
        #expect(rows.first?[11] == .double(1_540_919_166_796))
        #expect(rows.last?[6] == .double(438.931792233720368547758089))
    }

    @Test("A file that is only a byte-order mark, read a byte at a time, holds no record")
    func onlyByteOrderMark() {
        let report = StagingProbe.read([0xEF, 0xBB, 0xBF], as: .songs, chunkSizes: [1])
        #expect(report.records.isEmpty)
        #expect(report.bytesRead == 3)
    }
}
