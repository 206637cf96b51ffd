/// Text from outside (file names, data values, server messages) made safe to print in a
/// one-line message: control characters cannot start a new line, move the cursor or change
/// the terminal, and bytes that are not UTF-8 show as `\xFF`.
package enum MessageText {
    /// `text` with every control character (C0, DEL, C1) and the Unicode line and paragraph
    /// separators written as an escape: `\n`, `\r`, `\t`, or `\u{1B}`.
    package static func escaping(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                escaped += escape(scalar)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `bytes` as text for a message: UTF-8 where it is valid, each other byte as `\xFF`, and
    /// control characters escaped as ``escaping(_:)`` does.
    package static func escaping(bytes: some Collection<UInt8>) -> String {
        var escaped = ""
        var rest = bytes[...]
        while let lead = rest.first {
            let length = validSequenceLength(rest)
            if length == 0 {
                escaped += "\\x" + (lead < 0x10 ? "0" : "") + String(lead, radix: 16, uppercase: true)
                rest = rest.dropFirst()
            } else {
                escaped += escaping(String(decoding: rest.prefix(length), as: UTF8.self))
                rest = rest.dropFirst(length)
            }
        }
        return escaped
    }

    /// The length of the valid UTF-8 sequence `bytes` starts with, or 0 when it starts with
    /// none (a stray, overlong, surrogate or out-of-range sequence).
    private static func validSequenceLength(_ bytes: some Collection<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        guard let lead = iterator.next() else { return 0 }
        if lead < 0x80 { return 1 }
        guard let (count, first) = UTF8Sequence.continuation(after: lead) else { return 0 }
        for index in 1...count {
            guard let byte = iterator.next(), (index == 1 ? first : UTF8Sequence.continuationBytes).contains(byte) else { return 0 }
        }
        return count + 1
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
