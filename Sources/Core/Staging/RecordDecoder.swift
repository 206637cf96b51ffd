#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns one JSON object into one staging row, following COPY's rules: a missing key or JSON
/// `null` is NULL; numbers (or strings holding one) fill integer and double columns, an empty
/// string is NULL there; strings fill text columns, and any other value is stored as its JSON
/// text. A value that fits none of these rejects the object with a reason.
struct RecordDecoder {
    let plan: StagingPlan
    /// The value of each head key in the object being decoded, `nil` when absent.
    private var headValues: [JSONSpan?]
    /// Room to decode a string before parsing it as a number or matching it as a key.
    private var scratch: [UInt8] = []

    init(plan: StagingPlan) {
        self.plan = plan
        self.headValues = Array(repeating: nil, count: plan.keys.count)
    }

    /// Scans the object at the scanner's position, keeping the values of the keys the plan
    /// reads. When a key repeats, its last value counts.
    mutating func scanObject(_ scanner: inout JSONScanner) throws(ScanFailure) {
        for index in headValues.indices { headValues[index] = nil }
        var ordinal = 0
        let bytes = scanner.bytes
        try scanner.object(depth: 1) { key, value in
            if let head = headIndex(of: key, in: bytes, hint: ordinal) {
                headValues[head] = value
            }
            ordinal += 1
        }
    }

    /// Appends the row of the object last scanned to `batch`, or returns why it cannot be staged
    /// (leaving `batch` as it was).
    mutating func appendRow(from bytes: UnsafePointer<UInt8>, to batch: inout StagedBatch) -> String? {
        let mark = batch.mark
        for index in plan.rules.indices {
            var value = headValues[plan.heads[index]]
            if plan.hasRest[index], let start = value {
                switch Self.resolve(plan.rules[index].rest, from: start, in: bytes, matching: &scratch) {
                case .success(let found): value = found
                case .failure(let reason):
                    batch.rollBack(to: mark)
                    return "\(plan.rules[index].source): \(reason)"
                }
            }
            if let reason = append(value, as: plan.types[index], checked: plan.checks[index], from: bytes, to: &batch) {
                batch.rollBack(to: mark)
                return "\(plan.rules[index].source): \(reason)"
            }
        }
        return nil
    }

    // MARK: - Values

    private mutating func append(_ value: JSONSpan?, as type: ColumnType, checked check: ValueCheck?,
                                 from bytes: UnsafePointer<UInt8>, to batch: inout StagedBatch) -> String? {
        guard let value, value.kind != .null else {
            batch.appendNull()
            return nil
        }
        switch type {
        case .integer, .bigInteger:
            return appendInteger(value, range: type.integerRange!, checked: check, from: bytes, to: &batch)
        case .double:
            return appendDouble(value, from: bytes, to: &batch)
        case .text:
            return appendText(value, checked: check, from: bytes, to: &batch)
        case .timestamp:
            preconditionFailure("staging tables hold no timestamps")
        }
    }

    /// Appends a whole number, decided exactly on its decimal text: `1.0` and `1e3` are whole,
    /// `1.0000000000000000001` and `1e-400` are not, whatever a double would round them to.
    private mutating func appendInteger(_ value: JSONSpan, range: ClosedRange<Int64>, checked check: ValueCheck?,
                                        from bytes: UnsafePointer<UInt8>, to batch: inout StagedBatch) -> String? {
        withNumber(value, from: bytes, ifEmpty: { batch.appendNull() }) { text, isPlainInteger in
            let number: Int64
            switch JSONNumber.wholeValue(text, isPlainInteger: isPlainInteger) {
            case .whole(let whole): number = whole
            case .fraction: return "\(Self.quote(text)) is not a whole number"
            case .tooLarge: return "\(Self.quote(text)) does not fit a 64-bit integer"
            }
            guard range.contains(number) else {
                return "\(Self.quote(text)) does not fit a \(range == Int64.min...Int64.max ? 64 : 32)-bit integer"
            }
            if let reason = check?.failure(of: number) { return reason }
            batch.append(number)
            return nil
        }
    }

    private mutating func appendDouble(_ value: JSONSpan, from bytes: UnsafePointer<UInt8>, to batch: inout StagedBatch) -> String? {
        withNumber(value, from: bytes, ifEmpty: { batch.appendNull() }) { text, _ in
            let number = JSONNumber.double(text)
            guard number.isFinite else { return "\(Self.quote(text)) is too large for a double" }
            batch.append(number)
            return nil
        }
    }

    private func appendText(_ value: JSONSpan, checked check: ValueCheck?, from bytes: UnsafePointer<UInt8>,
                            to batch: inout StagedBatch) -> String? {
        var failure: String?
        batch.appendText { text in
            let start = text.count
            if value.kind == .string {
                if !Self.appendDecoded(value, from: bytes, to: &text) {
                    failure = "text holds a NUL character (\\u0000), which warehouses cannot store"
                }
            } else {
                text.append(contentsOf: UnsafeBufferPointer(start: bytes + value.start, count: value.end - value.start))
            }
            if failure == nil, let check {
                failure = text.withUnsafeBufferPointer { check.failure(ofText: UnsafeBufferPointer(rebasing: $0[start...])) }
            }
        }
        return failure
    }

    /// Calls `body` with the text of a number, and whether it is plain `-?digits` (no fraction
    /// or exponent): from a JSON number, or from a string holding one. An empty string calls
    /// `ifEmpty` instead (COPY loads it as NULL); anything else is a reason to reject.
    private mutating func withNumber(_ value: JSONSpan, from bytes: UnsafePointer<UInt8>, ifEmpty: () -> Void,
                                     _ body: (UnsafeBufferPointer<UInt8>, Bool) -> String?) -> String? {
        switch value.kind {
        case .integer, .number:
            return body(UnsafeBufferPointer(start: bytes + value.start, count: value.end - value.start), value.kind == .integer)
        case .string:
            scratch.removeAll(keepingCapacity: true)
            _ = Self.appendDecoded(value, from: bytes, to: &scratch)
            guard !scratch.isEmpty else {
                ifEmpty()
                return nil
            }
            let count = scratch.count
            scratch.append(UInt8(ascii: " "))
            return scratch.withUnsafeBufferPointer { buffer in
                let text = UnsafeBufferPointer(rebasing: buffer[..<count])
                var scanner = JSONScanner(bytes: buffer.baseAddress!, end: buffer.count, position: 0, line: 1, lineStart: 0)
                guard text[0] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[0]),
                      let span = try? scanner.number(), span.end == count
                else { return "expected a number, found \(Self.quote(text, quoted: true))" }
                return body(text, span.kind == .integer)
            }
        default:
            return "expected a number, found \(value.noun)"
        }
    }

    /// A value's text for a message: at most 40 characters.
    private static func quote(_ text: UnsafeBufferPointer<UInt8>, quoted: Bool = false) -> String {
        var string = String(decoding: text.prefix(40), as: UTF8.self)
        if text.count > 40 { string += "…" }
        return quoted ? "\"\(string)\"" : string
    }

    // MARK: - Strings

    /// Appends a string's decoded UTF-8 to `output`; `false` when it holds U+0000.
    static func appendDecoded(_ value: JSONSpan, from bytes: UnsafePointer<UInt8>, to output: inout [UInt8]) -> Bool {
        guard value.hasEscapes else {
            output.append(contentsOf: UnsafeBufferPointer(start: bytes + value.start, count: value.end - value.start))
            return true
        }
        var holdsNUL = false
        var index = value.start
        while index < value.end {
            var runEnd = index
            while runEnd < value.end, bytes[runEnd] != UInt8(ascii: "\\") { runEnd += 1 }
            output.append(contentsOf: UnsafeBufferPointer(start: bytes + index, count: runEnd - index))
            index = runEnd
            guard index < value.end else { break }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(hexValue(bytes, at: index))
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = UInt32(hexValue(bytes, at: index + 2))
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                holdsNUL = holdsNUL || scalar == 0
                output.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            default: output.append(escaped)
            }
        }
        return !holdsNUL
    }

    private static func hexValue(_ bytes: UnsafePointer<UInt8>, at index: Int) -> UInt16 {
        (index..<index + 4).reduce(0) { unit, offset in
            let byte = bytes[offset] | 0x20
            return unit << 4 | UInt16(byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : byte - UInt8(ascii: "a") + 10)
        }
    }

    // MARK: - Keys and paths

    /// The head that `key` names, trying the head at `hint` first: objects usually list
    /// their keys in the order the plan does.
    private mutating func headIndex(of key: JSONSpan, in bytes: UnsafePointer<UInt8>, hint: Int) -> Int? {
        if key.hasEscapes {
            scratch.removeAll(keepingCapacity: true)
            _ = Self.appendDecoded(key, from: bytes, to: &scratch)
            return scratch.withUnsafeBufferPointer { decoded in
                plan.keys.firstIndex { key in key.elementsEqual(decoded) }
            }
        }
        let keyStart = bytes + key.start, keyCount = key.end - key.start
        func matches(_ head: [UInt8]) -> Bool {
            head.count == keyCount && head.withUnsafeBytes { memcmp($0.baseAddress!, keyStart, keyCount) == 0 }
        }
        if hint < plan.keys.count, matches(plan.keys[hint]) { return hint }
        return plan.keys.firstIndex(where: matches)
    }

    /// Follows `path` down from `start`: a missing key gives `nil` (NULL), as COPY does; a key
    /// into something other than an object, or an index into something other than an array or
    /// past its end, is an error.
    private static func resolve(_ path: [JSONPath.Component], from start: JSONSpan, in bytes: UnsafePointer<UInt8>,
                                matching scratch: inout [UInt8]) -> Result<JSONSpan?, PathFailure> {
        var current = start
        for component in path {
            guard current.kind != .null else { return .success(nil) }
            var scanner = JSONScanner(bytes: bytes, end: current.end, position: current.start, line: 1, lineStart: 0)
            var found: JSONSpan?
            switch component {
            case .key(let key):
                guard current.kind == .object else { return .failure(PathFailure("found \(current.noun) where an object was expected")) }
                let wanted = Array(key.utf8)
                try? scanner.object(depth: 1) { candidate, value in
                    scratch.removeAll(keepingCapacity: true)
                    _ = appendDecoded(candidate, from: bytes, to: &scratch)
                    if scratch == wanted { found = value }
                }
                guard let found else { return .success(nil) }
                current = found
            case .index(let wanted):
                guard current.kind == .array else { return .failure(PathFailure("found \(current.noun) where an array was expected")) }
                var position = 0
                try? scanner.array(depth: 1) { element in
                    if position == wanted { found = element }
                    position += 1
                }
                guard let found else { return .failure(PathFailure("index \(wanted) is past the end of an array of \(position)")) }
                current = found
            }
        }
        return .success(current)
    }

    /// Why a JSONPath found no value.
    struct PathFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
