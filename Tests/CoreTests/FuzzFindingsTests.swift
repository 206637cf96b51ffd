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

    @Test("A file that is only a byte-order mark, read a byte at a time, holds no record")
    func onlyByteOrderMark() {
        let report = StagingProbe.read([0xEF, 0xBB, 0xBF], as: .songs, chunkSizes: [1])
        #expect(report.records.isEmpty)
        #expect(report.bytesRead == 3)
    }
}
