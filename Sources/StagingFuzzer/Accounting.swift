import Core

/// Every byte of the input is accounted for: it is whitespace between records (or a leading
/// byte-order mark), or it belongs to exactly one record, staged or rejected; and a skipped
/// record's reason says how much was skipped.
enum Accounting {
    /// Throws when `report`, from reading `payload` as `what` says, leaves a byte unaccounted
    /// for, counts one twice, misplaces a record or stages a row no record accounts for.
    static func check(_ report: StagingProbe.Report, of payload: [UInt8], _ what: String) throws(Violation) {
        func violation(_ detail: String) -> Violation { Violation("\(what): \(detail)") }
        guard report.bytesRead == payload.count else {
            throw violation("the reader read \(report.bytesRead) of \(payload.count) bytes")
        }
        var position = hasByteOrderMark(payload) ? 3 : 0
        var line = 1
        var stagedRows = 0, stagedTextBytes = 0
        for (index, record) in report.records.enumerated() {
            let place = "record \(index) (offset \(record.offset), \(record.count) bytes)"
            guard record.count > 0 else { throw violation("\(place) is empty") }
            guard record.offset >= position else {
                throw violation("\(place) starts inside the record or the byte-order mark before it, which ends at \(position)")
            }
            guard record.offset + record.count <= payload.count else {
                throw violation("\(place) ends past the input's \(payload.count) bytes")
            }
            if let byte = payload[position..<record.offset].first(where: { !isWhitespace($0) }) {
                throw violation("byte 0x\(String(byte, radix: 16)) before \(place) is in no record")
            }
            guard !isWhitespace(payload[record.offset]) else { throw violation("\(place) starts with whitespace") }
            let end = record.offset + record.count
            if end < payload.count, !isWhitespace(payload[end]), payload[end] != UInt8(ascii: "{") {
                throw violation("\(place) ends before 0x\(String(payload[end], radix: 16)), neither whitespace nor '{'")
            }
            line += payload[position..<record.offset].count { $0 == 0x0A }
            guard record.line == line else { throw violation("\(place) says it starts on line \(record.line), not \(line)") }
            line += payload[record.offset..<end].count { $0 == 0x0A }
            let bytes = payload[record.offset..<end]
            if let scanned = record.scannedBytes, !scanned.elementsEqual(bytes) {
                throw violation("\(place) was scanned as other bytes than the input holds there")
            }
            let isObject = bytes.first == UInt8(ascii: "{")
            switch record.outcome {
            case .staged(let row):
                stagedRows += 1
                stagedTextBytes += row.reduce(0) { sum, value in
                    if case .text(let text) = value { sum + text.count } else { sum }
                }
                fallthrough
            case .unstageable:
                guard isObject, record.scannedBytes != nil else { throw violation("\(place) is taken for an object but is not one") }
            case .notAnObject:
                guard !isObject, record.scannedBytes != nil else { throw violation("\(place) is rejected as not an object but is one") }
            case .skipped(let reason):
                try checkSkipReport(reason, of: bytes, startingOn: record.line, place, violation)
            }
            position = end
        }
        if let byte = payload[position...].first(where: { !isWhitespace($0) }) {
            throw violation("byte 0x\(String(byte, radix: 16)) after the last record is in no record")
        }
        guard report.rowCount == stagedRows, report.textByteCount == stagedTextBytes else {
            throw violation("the batch holds \(report.rowCount) rows and \(report.textByteCount) text bytes; "
                + "the records staged \(stagedRows) rows and \(stagedTextBytes) text bytes")
        }
    }

    /// A skipped record's reason ends saying what was skipped: the bytes up to the last one
    /// that is not whitespace, and the line of that byte when it is not the first line.
    private static func checkSkipReport(_ reason: String, of bytes: ArraySlice<UInt8>, startingOn line: Int, _ place: String,
                                        _ violation: (String) -> Violation) throws(Violation) {
        let significant = bytes[..<(bytes.lastIndex { !isWhitespace($0) }! + 1)]
        let lastLine = line + significant.count { $0 == 0x0A }
        let count = "skipped \(significant.count) \(significant.count == 1 ? "byte" : "bytes")"
        let expected = lastLine == line ? "(\(count) on this line)" : "(\(count), to line \(lastLine))"
        guard reason.hasSuffix(expected) else {
            throw violation("\(place) is rejected with \"\(reason)\", which does not end \"\(expected)\"")
        }
    }

    /// Whether the bytes start with UTF-8's byte-order mark, which the reader ignores.
    static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xEF, 0xBB, 0xBF])
    }

    /// The bytes JSON counts as whitespace: space, tab, line feed, carriage return.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
