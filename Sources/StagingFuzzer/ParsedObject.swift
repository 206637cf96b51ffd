import Foundation

/// A record's bytes as `JSONSerialization` parses them, with the members as written.
///
/// Two of `JSONSerialization`'s own faults are worked around. It drops a U+FEFF written as
/// is at the start of a string or after an escape (`"\/\u{FEFF}5.0"` gives `"/5.0"`), so
/// every U+FEFF is handed to it as the escape `\ufeff`, which it decodes right. And it
/// refuses numbers a double cannot hold (`1e400`), which JSON allows and the reader accepts:
/// such a number is replaced by `0` (outside strings) and the bytes parsed again, once the
/// number is confirmed to overflow a double; the members holding one are then uncertain, and
/// their values not compared.
struct ParsedObject {
    /// What `JSONSerialization` made of the bytes.
    let value: Any
    /// The members, walked apart from both parsers; only for an object.
    let members: TopLevelMembers?
    /// Keys whose values held a number `JSONSerialization` could not parse.
    let uncertainKeys: Set<[UInt8]>

    /// Parses `bytes`; throws when `JSONSerialization` finds them malformed.
    init(_ bytes: [UInt8]) throws(Violation) {
        let escaped = Self.escapingByteOrderMarks(bytes)
        var parsed = escaped
        while true {
            do {
                value = try JSONSerialization.jsonObject(with: Data(parsed), options: .fragmentsAllowed)
                break
            } catch {
                let reason = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
                guard let number = Self.unrepresentableNumber(in: reason), Double(number)?.isInfinite == true,
                      let replaced = Self.replacing(number, in: parsed)
                else {
                    throw Violation("JSONSerialization rejects it: \(reason)")
                }
                parsed = replaced
            }
        }
        guard bytes.first == UInt8(ascii: "{") else {
            members = nil
            uncertainKeys = []
            return
        }
        let members = try TopLevelMembers(bytes)
        self.members = members
        guard parsed != escaped else {
            uncertainKeys = []
            return
        }
        let escapedMembers = try TopLevelMembers(escaped).members, replacedMembers = try TopLevelMembers(parsed).members
        uncertainKeys = Set(members.members.indices.compactMap { index in
            escapedMembers[index].value.elementsEqual(replacedMembers[index].value) ? nil : members.members[index].key
        })
    }

    /// `bytes` with every U+FEFF (which well-formed JSON holds only inside strings) written as
    /// the escape `\ufeff`.
    private static func escapingByteOrderMarks(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 3 else { return bytes }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                output.append(contentsOf: Array("\\ufeff".utf8))
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// The number in `JSONSerialization`'s "Number 1e400 is not representable in Swift.".
    private static func unrepresentableNumber(in reason: String) -> String? {
        guard reason.hasPrefix("Number "), let end = reason.range(of: " is not representable") else { return nil }
        return String(reason[reason.index(reason.startIndex, offsetBy: 7)..<end.lowerBound])
    }

    /// `bytes` with every number written as `number` outside strings replaced by `0`; `nil`
    /// when there is none.
    private static func replacing(_ number: String, in bytes: [UInt8]) -> [UInt8]? {
        let wanted = Array(number.utf8)
        var output: [UInt8] = []
        var index = 0, inString = false, replacedAny = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                output.append(byte)
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    output.append(bytes[index + 1])
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
            } else if isNumberByte(byte) {
                var end = index
                while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
                if bytes[index..<end].elementsEqual(wanted) {
                    output.append(UInt8(ascii: "0"))
                    replacedAny = true
                } else {
                    output.append(contentsOf: bytes[index..<end])
                }
                index = end
                continue
            }
            output.append(byte)
            index += 1
        }
        return replacedAny ? output : nil
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
    }
}
