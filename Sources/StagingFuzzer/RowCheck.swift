import Core
import Foundation

/// Checks a row staged from one object against what `JSONSerialization` finds in it.
struct RowCheck {
    /// The object as `JSONSerialization` parsed it.
    let object: [String: Any]
    /// Its members as written.
    let members: TopLevelMembers
    /// Keys whose values `JSONSerialization` could not parse as written.
    let uncertainKeys: Set<[UInt8]>

    /// Throws the first column of `row` that does not hold the object's value.
    func check(_ row: [StagingProbe.Value], _ sources: [RoundTrip.ColumnSource]) throws(Violation) {
        guard row.count == sources.count else { throw Violation("a row of \(row.count) values for \(sources.count) columns") }
        for (value, source) in zip(row, sources) where !uncertainKeys.contains(source.key) {
            let name = source.column.name
            do {
                try check(value, of: source)
            } catch {
                throw Violation("column \(name): \(error)")
            }
        }
    }

    /// A rejected object names a column whose key it holds, with a value that is not null.
    func checkRejection(_ reason: String, _ sources: [RoundTrip.ColumnSource]) throws(Violation) {
        let named = sources.first { source in reason.utf8.starts(with: Array("\"".utf8) + source.key + Array("\": ".utf8)) }
        guard let named, let written = members.lastValue(of: named.key), !written.elementsEqual("null".utf8) else {
            throw Violation("rejected for \"\(reason)\", which names no column whose key the object holds")
        }
    }

    private func check(_ value: StagingProbe.Value, of source: RoundTrip.ColumnSource) throws(Violation) {
        guard let written = members.lastValue(of: source.key), !written.elementsEqual("null".utf8) else {
            guard value == .null else { throw Violation("staged \(value) for a missing key or null") }
            return
        }
        let parsed = object[String(decoding: source.key, as: UTF8.self)]
        let isString = written.first == UInt8(ascii: "\"")
        let isNumber = written.first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(written.first!)
        switch source.column.type {
        case .text:
            let expected = isString ? (parsed as? String).map { Array($0.utf8) } : Array(written)
            guard let expected, value == .text(expected) else {
                throw Violation("staged \(value) for \(String(decoding: written, as: UTF8.self)), which JSONSerialization reads as \(String(describing: parsed))")
            }
        case .integer, .bigInteger, .double:
            if isString, let text = parsed as? String, text.isEmpty {
                guard value == .null else { throw Violation("staged \(value) for an empty string") }
                return
            }
            guard isString || isNumber else { throw Violation("staged \(value) for \(String(decoding: written, as: UTF8.self))") }
            let text = isString ? (parsed as? String) ?? "" : String(decoding: written, as: UTF8.self)
            try checkNumber(value, written: text, as: source.column.type)
        default:
            preconditionFailure("staging tables hold text, integers and doubles")
        }
    }

    /// `value` is the number `text` (a JSON number, or a string's text) is, as `type` holds it.
    private func checkNumber(_ value: StagingProbe.Value, written text: String, as type: ColumnType) throws(Violation) {
        // The string's text must be a JSON number itself, with nothing around it.
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              let last = text.utf8.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last),
              let number = (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) as? NSNumber
        else { throw Violation("staged \(value) for \"\(text)\", which JSONSerialization does not read as a number") }
        switch (type, value) {
        case (.double, .double(let double)):
            // C's strtod rounds correctly: it must agree exactly. JSONSerialization does not
            // (655.77751282160000 gives 655.7775128216001, 438.931792233720368547758089 a value
            // two units in the last place off), so it only confirms the value is this one: to
            // nine digits, or both vanishingly small.
            let parsed = number.doubleValue, nearest = strtod(text, nil)
            let agrees = double == parsed || abs(double - parsed) <= 1e-9 * max(abs(double), abs(parsed))
                || (abs(double) < 1e-290 && abs(parsed) < 1e-290)
            guard double == nearest, agrees else {
                throw Violation("staged \(double) for \(text), which strtod reads as \(nearest) and JSONSerialization as \(parsed)")
            }
        case (.integer, .integer(let whole)), (.bigInteger, .integer(let whole)):
            guard type.integerRange!.contains(whole), Self.isExactly(whole, text, parsed: number) else {
                throw Violation("staged \(whole) for \(text), which is not exactly that whole number (JSONSerialization reads \(number))")
            }
        default:
            throw Violation("staged \(value) in a column of type \(type)")
        }
    }

    /// Whether the JSON number `text` is exactly `whole`: decided by `Decimal` when it holds
    /// the number exactly (38 digits, a modest exponent); otherwise by `JSONSerialization`'s
    /// value when it is an integer; else only as far as the nearest double (C's `strtod`)
    /// tells.
    static func isExactly(_ whole: Int64, _ text: String, parsed: NSNumber) -> Bool {
        let exponentStart = text.firstIndex { $0 == "e" || $0 == "E" }
        let digits = text[..<(exponentStart ?? text.endIndex)].count { $0.isASCII && $0.isNumber }
        let exponent = exponentStart.map { Int(text[text.index(after: $0)...]) ?? Int.max } ?? 0
        if digits <= 38, abs(exponent) <= 90, let decimal = Decimal(string: text) {
            return decimal == Decimal(whole)
        }
        switch String(cString: parsed.objCType) {
        case "c", "s", "i", "l", "q": return parsed.int64Value == whole
        case "C", "S", "I", "L", "Q": return whole >= 0 && parsed.uint64Value == UInt64(whole)
        default: return strtod(text, nil) == Double(whole)
        }
    }
}
