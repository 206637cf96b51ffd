/// Runs the real staging reader and decoder over bytes in memory, wired as ``StagingReader``
/// wires them to a file, and reports every record they found: where it lies in the stream,
/// and whether it was staged (with its row) or rejected (with the reason). The bytes are
/// handed out in chunks of the sizes asked for, so a caller can make the reader refill its
/// buffer at any position. For the staging fuzzer and the tests of its findings.
package enum StagingProbe {
    /// What reading the bytes gave.
    package struct Report: Equatable {
        /// Every record, in the order the reader reported them.
        package let records: [Record]
        /// How many bytes the reader says it read.
        package let bytesRead: Int
        /// How many rows the batch holds at the end.
        package let rowCount: Int
        /// How many bytes of text the batch holds at the end.
        package let textByteCount: Int
    }

    /// One record the reader reported.
    package struct Record: Equatable {
        /// The offset of its first byte in the stream.
        package let offset: Int
        /// How many bytes it spans.
        package let count: Int
        /// The line where it starts, counting from 1.
        package let line: Int
        /// Its bytes as the reader's buffer held them, for a record scanned whole (a well-formed
        /// value); `nil` for a stretch of malformed input the reader skipped.
        package let scannedBytes: [UInt8]?
        /// What became of it.
        package let outcome: Outcome
    }

    /// What became of a record.
    package enum Outcome: Equatable {
        /// A well-formed object, staged as this row (one value per column of the table).
        case staged([Value])
        /// A well-formed object whose values the table cannot hold, rejected for this reason.
        case unstageable(String)
        /// A well-formed value that is not an object, rejected for this reason.
        case notAnObject(String)
        /// Malformed input, skipped and rejected for this reason.
        case skipped(String)
    }

    /// A staged value, copied out of its batch.
    package enum Value: Equatable {
        /// NULL.
        case null
        /// A whole number, in an integer column.
        case integer(Int64)
        /// A number, in a double column.
        case double(Double)
        /// The UTF-8 bytes of a text column's value.
        case text([UInt8])
    }

    /// Reads `bytes` as a file of `dataset` (events through the standard descriptor, songs
    /// with `'auto'`) with a reader whose buffer starts at `bufferCapacity` bytes. Each read
    /// of the stream gives at most the next of `chunkSizes` (used in turn, each at least 1;
    /// none means as much as fits).
    package static func read(_ bytes: [UInt8], as dataset: Dataset, bufferCapacity: Int = 1 << 20,
                             chunkSizes: [Int] = []) -> Report {
        precondition(bufferCapacity > 0 && chunkSizes.allSatisfy { $0 > 0 }, "a buffer and chunks of at least one byte")
        let table = dataset.stagingTable
        let format: StagingFormat = dataset == .events ? .jsonPaths(StagingFormat.standardEventPaths) : .auto
        var decoder = RecordDecoder(plan: StagingPlan(table: table, format: format))
        var batch = StagedBatch(columnCount: table.columns.count)
        var records: [Record] = []
        let reader = JSONRecordReader(capacity: bufferCapacity)
        let stream = ChunkedStream(bytes: bytes, chunkSizes: chunkSizes)
        let bytesRead: Int
        do {
            bytesRead = try reader.read(stream, scanObject: { scanner throws(ScanFailure) in
                try decoder.scanObject(&scanner)
            }, accept: { record in
                let outcome: Outcome
                if let reason = decoder.appendRow(from: record.bytes, to: &batch) {
                    outcome = .unstageable(reason)
                } else {
                    outcome = .staged(lastRow(of: batch))
                }
                records.append(Record(record, outcome: outcome))
            }, reject: { record, reason in
                records.append(Record(record, outcome: record.range == nil ? .skipped(reason) : .notAnObject(reason)))
            })
        } catch {
            preconditionFailure("reading memory with closures that never throw threw \(error)")
        }
        return Report(records: records, bytesRead: bytesRead, rowCount: batch.rowCount, textByteCount: batch.textByteCount)
    }

    /// The values of the last row of `batch`.
    private static func lastRow(of batch: StagedBatch) -> [Value] {
        batch.withRows { rows in
            (0..<rows.columnCount).map { column in
                switch rows[rows.count - 1, column] {
                case .null: .null
                case .integer(let value): .integer(value)
                case .double(let value): .double(value)
                case .text(let text): .text(Array(text))
                }
            }
        }
    }

    /// Bytes in memory, handed out in chunks of the given sizes in turn.
    private final class ChunkedStream: ByteStream {
        private let bytes: [UInt8]
        private let chunkSizes: [Int]
        private var position = 0
        private var reads = 0

        init(bytes: [UInt8], chunkSizes: [Int]) {
            self.bytes = bytes
            self.chunkSizes = chunkSizes
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            var count = min(buffer.count, bytes.count - position)
            if !chunkSizes.isEmpty {
                count = min(count, chunkSizes[reads % chunkSizes.count])
            }
            reads += 1
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
            }
            position += count
            return count
        }
    }
}

extension StagingProbe.Record {
    /// The record the reader found, with what became of it.
    fileprivate init(_ record: JSONRecordReader.FoundRecord, outcome: StagingProbe.Outcome) {
        self.offset = record.offset
        self.count = record.count
        self.line = record.line
        self.scannedBytes = record.range.map { range in
            Array(UnsafeBufferPointer(start: record.bytes + range.lowerBound, count: range.count))
        }
        self.outcome = outcome
    }
}
