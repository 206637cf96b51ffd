import Core

/// What the staging reader must do with any bytes, checked on one fuzz input: read whole as an
/// event file and as a song file, and read by one of the tables in the input's chunks.
///
/// - **Accounting**: the records lie in order, do not overlap, and with whitespace (and a
///   leading byte-order mark) cover every byte; each starts on the line it says; every row
///   staged is one record staged.
/// - **Chunking**: the records, reasons and rows do not depend on how the bytes arrive or on
///   the size the buffer starts at; both tables see the same records.
/// - **Round trip**: what the reader takes for well-formed JSON, `JSONSerialization` parses
///   too, and the staged values are the ones it finds (see ``RoundTrip``).
enum StagingCheck {
    /// Throws the first property `fuzzCase` breaks.
    static func check(_ fuzzCase: FuzzCase) throws(Violation) {
        let payload = fuzzCase.payload
        var reports: [StagingProbe.Report] = []
        for dataset in [Dataset.events, .songs] {
            let table = dataset.stagingTable.name
            let whole = StagingProbe.read(payload, as: dataset, bufferCapacity: payload.count + 1)
            try Accounting.check(whole, of: payload, "\(table) read whole")
            if dataset == fuzzCase.chunkedDataset {
                let chunked = StagingProbe.read(payload, as: dataset, bufferCapacity: fuzzCase.bufferCapacity,
                                                chunkSizes: fuzzCase.chunkSizes)
                let feeding = "\(table) in chunks of \(fuzzCase.chunkSizes) from a buffer of \(fuzzCase.bufferCapacity)"
                try Accounting.check(chunked, of: payload, feeding)
                try checkSame(chunked, whole, "\(feeding) and read whole")
            }
            reports.append(whole)
        }
        try checkSameRecords(events: reports[0], songs: reports[1])
        try RoundTrip.check(events: reports[0], songs: reports[1])
    }

    /// Two reads of the same bytes must report the same records.
    private static func checkSame(_ first: StagingProbe.Report, _ second: StagingProbe.Report, _ what: String) throws(Violation) {
        guard first != second else { return }
        if let index = first.records.indices.first(where: { $0 < second.records.count && first.records[$0] != second.records[$0] }) {
            throw Violation("\(what) differ at record \(index): \(first.records[index]) versus \(second.records[index])")
        }
        throw Violation("\(what) differ: \(first.records.count) records, \(first.rowCount) rows versus "
            + "\(second.records.count) records, \(second.rowCount) rows")
    }

    /// Both tables' reads must find the same records: the table changes what is staged, not
    /// where records lie or why malformed ones are rejected.
    private static func checkSameRecords(events: StagingProbe.Report, songs: StagingProbe.Report) throws(Violation) {
        guard events.records.count == songs.records.count else {
            throw Violation("staging_events found \(events.records.count) records, staging_songs \(songs.records.count)")
        }
        for (index, (event, song)) in zip(events.records, songs.records).enumerated() {
            let sameKind: Bool
            switch (event.outcome, song.outcome) {
            case (.staged, .staged), (.staged, .unstageable), (.unstageable, .staged), (.unstageable, .unstageable):
                sameKind = true
            default:
                sameKind = event.outcome == song.outcome
            }
            guard sameKind, event.offset == song.offset, event.count == song.count, event.line == song.line,
                  event.scannedBytes == song.scannedBytes
            else { throw Violation("record \(index) differs between the tables: \(event) versus \(song)") }
        }
    }
}
