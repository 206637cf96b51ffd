import Core
import Foundation

/// What the reader takes for well-formed JSON, `JSONSerialization` parses too: an accepted
/// record as an object, a record rejected as another value as that value. And a staged row
/// holds what `JSONSerialization` finds under each column's key (the last value of a repeated
/// key, in both): a string in a text column is its string; a number, or a string holding one,
/// in an integer column is that whole number exactly; in a double column, the double nearest
/// to it.
enum RoundTrip {
    /// The key each column of a table is filled from, with the column.
    struct ColumnSource {
        let column: Column
        let key: [UInt8]
    }

    /// The events' columns, by the standard descriptor; the songs', by name.
    static let eventSources = zip(StarSchema.stagingEvents.columns, StagingFormat.standardEventPaths).map { column, path in
        guard case .key(let key) = path.components[0], path.components.count == 1 else {
            preconditionFailure("the standard descriptor names top-level keys")
        }
        return ColumnSource(column: column, key: Array(key.utf8))
    }
    static let songSources = StarSchema.stagingSongs.columns.map { ColumnSource(column: $0, key: Array($0.name.utf8)) }

    /// Throws the first record of either report whose outcome `JSONSerialization` contradicts.
    static func check(events: StagingProbe.Report, songs: StagingProbe.Report) throws(Violation) {
        for (index, (event, song)) in zip(events.records, songs.records).enumerated() {
            guard let bytes = event.scannedBytes else { continue }
            let place = "record \(index) (offset \(event.offset), \(event.count) bytes)"
            let parsed: ParsedObject
            do {
                parsed = try ParsedObject(bytes)
            } catch {
                throw Violation("\(place), which the reader scanned whole, is not JSON: \(error)")
            }
            if case .notAnObject(let reason) = event.outcome {
                try checkValue(parsed.value, rejectedWith: reason, first: bytes[0], place)
                continue
            }
            guard let object = parsed.value as? [String: Any], let members = parsed.members else {
                throw Violation("\(place) is taken for an object, but JSONSerialization parses \(type(of: parsed.value))")
            }
            for (report, sources, outcome) in [("staging_events", eventSources, event.outcome), ("staging_songs", songSources, song.outcome)] {
                let row = RowCheck(object: object, members: members, uncertainKeys: parsed.uncertainKeys)
                do {
                    switch outcome {
                    case .staged(let values): try row.check(values, sources)
                    case .unstageable(let reason): try row.checkRejection(reason, sources)
                    default: throw Violation("the tables disagree on what the record is")
                    }
                } catch {
                    throw Violation("\(report), \(place): \(error)")
                }
            }
        }
    }

    /// A value that is not an object is rejected naming what it is.
    private static func checkValue(_ value: Any, rejectedWith reason: String, first: UInt8, _ place: String) throws(Violation) {
        let noun: String
        switch first {
        case UInt8(ascii: "\""): noun = "a string"
        case UInt8(ascii: "["): noun = "an array"
        case UInt8(ascii: "t"): noun = "true"
        case UInt8(ascii: "f"): noun = "false"
        case UInt8(ascii: "n"): noun = "null"
        default: noun = "a number"
        }
        guard !(value is [String: Any]), reason == "expected a JSON object, found \(noun)" else {
            throw Violation("\(place) is rejected with \"\(reason)\", but JSONSerialization parses \(type(of: value))")
        }
    }
}
