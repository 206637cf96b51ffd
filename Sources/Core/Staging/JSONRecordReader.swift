#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the JSON records of a byte stream through one buffer, as COPY reads them: any number
/// of objects separated by whitespace (one per line, or pretty-printed over many lines), LF or
/// CRLF line ends, a UTF-8 byte-order mark ignored. Memory stays at the size of the largest
/// record, whatever the size of the stream.
///
/// Every byte that is not whitespace belongs to exactly one record, which is either accepted
/// (a well-formed object) or rejected with a reason, so loaded + rejected = records read. A
/// record ends where its object closes; after malformed input the reader skips the broken
/// record to the point where its brackets balance again (strings respected) or, if they never
/// do, to the next line that starts with `{` in its first column (taken as the next record),
/// and says what it skipped. Nothing else inside a broken record becomes a record of its own. A record that is not an object, or an object with
/// other bytes glued to it (`{"a":1}garbage`), is rejected whole.
final class JSONRecordReader {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    /// A reader whose buffer starts at `capacity` bytes and grows only for larger records.
    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        self.buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// Reads every record of `stream`. For each one that starts with `{`, `scanObject` scans it
    /// with the scanner it is given (throwing ``ScanFailure`` as the scanner does, before any
    /// effect); if it is well formed, `accept` is called with it. Every other record goes to
    /// `reject`, with the line where it starts and the reason. Errors other than
    /// ``ScanFailure`` thrown by the closures end the read. Returns the number of bytes read.
    func read(
        _ stream: some ByteStream,
        scanObject: (inout JSONScanner) throws(ScanFailure) -> Void,
        accept: (FoundRecord) throws -> Void,
        reject: (FoundRecord, _ reason: String) throws -> Void
    ) throws -> Int {
        var input = Input(stream: stream)
        try refill(&input)
        // A first read shorter than a byte-order mark may end inside one: read on until it fits.
        while input.filled < 3, !input.isAtEnd { try refill(&input) }
        if input.filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            input.position = 3
            input.lineStart = 3
        }
        while true {
            var scanner = JSONScanner(bytes: buffer, end: input.filled, position: input.position,
                                      line: input.line, lineStart: input.lineStart)
            scanner.skipWhitespace()
            input.advance(to: scanner)
            guard input.position < input.filled else {
                if input.isAtEnd { return input.bytesRead }
                try refill(&input)
                continue
            }
            let start = input
            let isObject = buffer[input.position] == UInt8(ascii: "{")
            do {
                let noun: String
                if isObject {
                    try scanObject(&scanner)
                    noun = "an object"
                } else {
                    noun = try scanner.value().noun
                }
                // A record ends at whitespace, at the next object, or at the end of the stream.
                if scanner.position == input.filled, !input.isAtEnd { throw ScanFailure.truncated }
                if scanner.position < input.filled, !Self.endsRecord(buffer[scanner.position]) {
                    throw ScanFailure.malformed(
                        "expected whitespace or a new object after \(noun), found \(JSONScanner.describe(buffer[scanner.position]))",
                        offset: scanner.position)
                }
                let record = record(from: start, to: scanner.position, in: input)
                if isObject {
                    try accept(record)
                } else {
                    try reject(record, "expected a JSON object, found \(noun)")
                }
                input.advance(to: scanner)
            } catch ScanFailure.truncated {
                input = start
                guard input.isAtEnd else {
                    try refill(&input)
                    continue
                }
                let what = isObject ? "object" : "value"
                let skipped = try skipRecord(&input)
                let atEnd = input.position == input.filled
                try reject(skipped.record, atEnd
                    ? "the file ends before this \(what) is complete (\(skipped.description))"
                    : "malformed JSON: this \(what) is not complete before a line that starts a new object (\(skipped.description))")
            } catch ScanFailure.malformed(let reason, let offset) {
                let column = offset - scanner.lineStart + 1
                let place = scanner.line == start.line ? "column \(column)" : "line \(scanner.line), column \(column)"
                input = start
                let skipped = try skipRecord(&input)
                try reject(skipped.record, "malformed JSON at \(place): \(reason) (\(skipped.description))")
            }
        }
    }

    /// A record the reader found: where it starts, and its bytes while they are in the buffer.
    struct FoundRecord {
        /// The line where the record starts, counting from 1.
        let line: Int
        /// The offset of its first byte in the stream.
        let offset: Int
        /// How many bytes it spans.
        let count: Int
        /// The buffer the record was scanned in, as the scanner saw it (for an accepted record,
        /// the spans the scanner reported index it); valid only during the call.
        let bytes: UnsafePointer<UInt8>
        /// Where the record lies in `bytes`, for an accepted record; `nil` for a skipped one,
        /// whose bytes were let go while skipping.
        let range: Range<Int>?
    }

    /// A byte after which, or before which, a record ends: whitespace or a new object.
    private static func endsRecord(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: "{")
    }

    private func record(from start: Input, to end: Int, in input: Input) -> FoundRecord {
        FoundRecord(line: start.line, offset: input.offset(of: start.position), count: end - start.position,
                    bytes: buffer, range: start.position..<end)
    }

    /// Where reading stands in the stream and the buffer.
    private struct Input {
        let stream: any ByteStream
        /// Bytes of the buffer holding input.
        var filled = 0
        /// The next byte to read in the buffer.
        var position = 0
        /// The line of `position`.
        var line = 1
        /// Where that line starts in the buffer (negative when it started before the buffer).
        var lineStart = 0
        /// Whether the stream has no more bytes to give.
        var isAtEnd = false
        /// Bytes read from the stream so far.
        var bytesRead = 0

        init(stream: any ByteStream) {
            self.stream = stream
        }

        mutating func advance(to scanner: JSONScanner) {
            position = scanner.position
            line = scanner.line
            lineStart = scanner.lineStart
        }

        /// The stream offset of the byte at `index` of the buffer.
        func offset(of index: Int) -> Int {
            bytesRead - filled + index
        }
    }

    /// Moves the unread bytes to the front of the buffer, growing it when they fill it, and
    /// reads more of the stream after them.
    private func refill(_ input: inout Input) throws {
        let kept = input.filled - input.position
        if input.position > 0 {
            buffer.update(from: buffer + input.position, count: kept)
            input.lineStart -= input.position
            input.position = 0
            input.filled = kept
        }
        if input.filled == capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: input.filled)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let count = try input.stream.read(into: UnsafeMutableRawBufferPointer(start: buffer + input.filled, count: capacity - input.filled))
        input.filled += count
        input.bytesRead += count
        input.isAtEnd = count == 0
    }

    /// What ``skipRecord(_:)`` passed over.
    private struct SkippedRecord {
        /// The record, with every byte skipped (the fuzzer checks that records and
        /// whitespace cover the stream).
        let record: FoundRecord
        /// The bytes skipped up to the last one that is not whitespace.
        let reportedCount: Int
        /// The line of that last byte.
        let lastLine: Int

        /// `skipped 95 bytes on this line`, or `skipped 233 bytes, to line 7`.
        var description: String {
            let bytes = "skipped \(reportedCount) \(reportedCount == 1 ? "byte" : "bytes")"
            return lastLine == record.line ? bytes + " on this line" : bytes + ", to line \(lastLine)"
        }
    }

    /// Moves past the broken record at `input.position`: to where its brackets balance again
    /// and whitespace or a new object follows; or, while they do not, to the next line that
    /// starts with `{`; or to the end of the stream. Strings are respected, and a line end
    /// ends a string that was left open.
    private func skipRecord(_ input: inout Input) throws -> SkippedRecord {
        let line = input.line, offset = input.offset(of: input.position)
        var depth = 0, count = 0
        // The bytes and lines up to the last one that is not whitespace, which is what a
        // message reports.
        var significantCount = 0, lastLine = line
        var inString = false, escaped = false, atLineStart = false
        while true {
            if input.position == input.filled {
                if input.isAtEnd { break }
                try refill(&input)
                continue
            }
            let byte = buffer[input.position]
            if count > 0, !inString {
                if depth == 0, Self.endsRecord(byte) { break }
                if depth > 0, atLineStart, byte == UInt8(ascii: "{") { break }
            }
            input.position += 1
            count += 1
            if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                significantCount = count
                lastLine = input.line
            }
            atLineStart = byte == 0x0A || byte == 0x0D
            if byte == 0x0A {
                input.line += 1
                input.lineStart = input.position
            }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") || atLineStart {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            default: break
            }
        }
        let record = FoundRecord(line: line, offset: offset, count: count, bytes: buffer, range: nil)
        return SkippedRecord(record: record, reportedCount: significantCount, lastLine: lastLine)
    }
}
