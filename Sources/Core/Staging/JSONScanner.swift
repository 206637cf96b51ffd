/// Why the scanner stopped before the end of a value.
enum ScanFailure: Error {
    /// The bytes ended inside a value; more input may complete it.
    case truncated
    /// The bytes are not JSON: `reason`, found at byte `offset`.
    case malformed(String, offset: Int)
}

/// Where a scanned JSON value lies in the bytes, and what kind it is.
struct JSONSpan {
    enum Kind: UInt8 {
        case string, integer, number, object, array, `true`, `false`, null
    }

    /// The kind of value.
    var kind: Kind
    /// The first byte; for a string, the first byte after the opening quote.
    var start: Int
    /// Past the last byte; for a string, the closing quote.
    var end: Int
    /// For a string: whether it holds backslash escapes.
    var hasEscapes: Bool

    /// The value's kind in words, for messages.
    var noun: String {
        switch kind {
        case .string: "a string"
        case .integer, .number: "a number"
        case .object: "an object"
        case .array: "an array"
        case .true: "true"
        case .false: "false"
        case .null: "null"
        }
    }
}

/// A validating JSON scanner over bytes in memory. It records where values are without
/// decoding them, counts lines as it goes, and reports `truncated` when the bytes end inside a
/// value, so a reader can fetch more input and scan that value again.
struct JSONScanner {
    /// How deeply objects and arrays may nest.
    static let maximumDepth = 512

    let bytes: UnsafePointer<UInt8>
    let end: Int
    /// The next byte to scan.
    var position: Int
    /// The line of `position`, counting from 1.
    var line: Int
    /// The offset where `line` starts.
    var lineStart: Int

    /// Skips spaces, tabs, carriage returns and line feeds, counting lines.
    mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D:
                position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default:
                return
            }
        }
    }

    /// Scans one value of any kind at `position`.
    mutating func value(depth: Int = 0) throws(ScanFailure) -> JSONSpan {
        guard position < end else { throw .truncated }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return try string()
        case UInt8(ascii: "{"):
            let start = position
            try object(depth: depth + 1) { _, _ in }
            return JSONSpan(kind: .object, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "["):
            let start = position
            try array(depth: depth + 1) { _ in }
            return JSONSpan(kind: .array, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "t"):
            return try literal("true", .true)
        case UInt8(ascii: "f"):
            return try literal("false", .false)
        case UInt8(ascii: "n"):
            return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case let byte:
            throw malformed("expected a value, found \(Self.describe(byte))")
        }
    }

    /// Scans an object at `position` (which holds `{`), calling `member` with each key and value.
    mutating func object(depth: Int, member: (JSONSpan, JSONSpan) -> Void) throws(ScanFailure) {
        guard depth <= Self.maximumDepth else { throw malformed("objects and arrays nest too deeply") }
        position += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            guard try peek() == UInt8(ascii: "\"") else {
                throw malformed("expected a key in double quotes, found \(Self.describe(bytes[position]))")
            }
            let key = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), after: "a key")
            skipWhitespace()
            let value = try value(depth: depth)
            member(key, value)
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                position += 1
                return
            case let byte:
                throw malformed("expected ',' or '}' after a value, found \(Self.describe(byte))")
            }
        }
    }

    /// Scans an array at `position` (which holds `[`), calling `element` with each value.
    mutating func array(depth: Int, element: (JSONSpan) -> Void) throws(ScanFailure) {
        guard depth <= Self.maximumDepth else { throw malformed("objects and arrays nest too deeply") }
        position += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            element(try value(depth: depth))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                return
            case let byte:
                throw malformed("expected ',' or ']' after a value, found \(Self.describe(byte))")
            }
        }
    }

    /// Scans a string at `position` (which holds `"`), checking escapes and UTF-8.
    mutating func string() throws(ScanFailure) -> JSONSpan {
        position += 1
        let start = position
        var hasEscapes = false
        while true {
            skipPlainASCII()
            guard position < end else { throw .truncated }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                break
            } else if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                try escape()
            } else if byte < 0x20 {
                throw malformed(byte == 0x0A ? "the line ends inside a string" : "control character \(Self.describe(byte)) inside a string")
            } else if byte < 0x80 {
                position += 1
            } else {
                try utf8Sequence()
            }
        }
        let span = JSONSpan(kind: .string, start: start, end: position, hasEscapes: hasEscapes)
        position += 1
        return span
    }

    /// Skips eight bytes at a time while none of them needs a look: a quote, a backslash, a
    /// control character or a byte of a multi-byte UTF-8 sequence. (A rare false alarm only
    /// hands the bytes to the careful loop.)
    @inline(__always)
    private mutating func skipPlainASCII() {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while position + 8 <= end {
            let word = UnsafeRawPointer(bytes + position).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let zeroBytes = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            let controlOrHigh = (word &- ones &* 0x20) | word
            guard (zeroBytes | controlOrHigh) & highs == 0 else { return }
            position += 8
        }
    }

    /// Scans a number at `position`, following JSON's grammar exactly.
    mutating func number() throws(ScanFailure) -> JSONSpan {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let firstDigit = try peek()
        if firstDigit == UInt8(ascii: "0") {
            position += 1
        } else if Self.isDigit(firstDigit) {
            try digits()
        } else {
            throw malformed("expected a digit, found \(Self.describe(firstDigit))")
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard Self.isDigit(try peek()) else { throw malformed("expected a digit after '.'") }
            try digits()
        }
        if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if try peek() == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard Self.isDigit(try peek()) else { throw malformed("expected a digit in the exponent") }
            try digits()
        }
        // A number at the very end of the bytes may continue in the next read.
        guard position < end else { throw .truncated }
        return JSONSpan(kind: isInteger ? .integer : .number, start: start, end: position, hasEscapes: false)
    }

    /// The byte at `position`, which must exist.
    func peek() throws(ScanFailure) -> UInt8 {
        guard position < end else { throw .truncated }
        return bytes[position]
    }

    /// A malformed-input failure at `position`.
    func malformed(_ reason: String) -> ScanFailure {
        .malformed(reason, offset: position)
    }

    /// A byte as a message shows it.
    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: "the end of the line"
        case 0x21...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        default: "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
    }

    private mutating func digits() throws(ScanFailure) {
        while position < end, Self.isDigit(bytes[position]) { position += 1 }
        guard position < end else { throw .truncated }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func expect(_ byte: UInt8, after what: String) throws(ScanFailure) {
        let found = try peek()
        guard found == byte else {
            throw malformed("expected '\(Character(Unicode.Scalar(byte)))' after \(what), found \(Self.describe(found))")
        }
        position += 1
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONSpan.Kind) throws(ScanFailure) -> JSONSpan {
        let start = position
        for index in 0..<word.utf8CodeUnitCount {
            guard position < end else { throw .truncated }
            guard bytes[position] == word.utf8Start[index] else {
                throw malformed("expected a value, found \(Self.describe(bytes[start]))")
            }
            position += 1
        }
        return JSONSpan(kind: kind, start: start, end: position, hasEscapes: false)
    }

    /// Scans a backslash escape; `\u` escapes must pair surrogates.
    private mutating func escape() throws(ScanFailure) {
        guard position + 1 < end else { throw .truncated }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try hexEscape(at: position)
            position += 6
            if (0xD800...0xDBFF).contains(unit) {
                guard position + 1 < end else { throw .truncated }
                guard bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
                      (0xDC00...0xDFFF).contains(try hexEscape(at: position))
                else { throw malformed("a \\u escape of a high surrogate is not followed by a low surrogate") }
                position += 6
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw .malformed("a \\u escape of a low surrogate has no high surrogate before it", offset: position - 6)
            }
        default:
            throw malformed("invalid escape \\\(Self.describe(bytes[position + 1]).trimmingQuotes)")
        }
    }

    /// The code unit of the `\uXXXX` escape at `offset`.
    private func hexEscape(at offset: Int) throws(ScanFailure) -> UInt16 {
        guard offset + 6 <= end else { throw .truncated }
        var unit: UInt16 = 0
        for index in offset + 2..<offset + 6 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .malformed("a \\u escape needs four hex digits", offset: index)
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// Scans one multi-byte UTF-8 sequence, rejecting overlong forms, surrogates and values
    /// past U+10FFFF (``UTF8Sequence``).
    private mutating func utf8Sequence() throws(ScanFailure) {
        let lead = bytes[position]
        guard let (count, first) = UTF8Sequence.continuation(after: lead) else {
            throw malformed("invalid UTF-8 (byte 0x\(String(lead, radix: 16, uppercase: true)))")
        }
        guard position + count < end else { throw .truncated }
        for index in 1...count {
            let byte = bytes[position + index]
            guard (index == 1 ? first : UTF8Sequence.continuationBytes).contains(byte) else {
                throw malformed("invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) after 0x\(String(lead, radix: 16, uppercase: true)))")
            }
        }
        position += count + 1
    }
}

extension String {
    /// The text without the single quotes ``JSONScanner/describe(_:)`` puts around a character.
    fileprivate var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count == 3 ? String(dropFirst().dropLast()) : self
    }
}
