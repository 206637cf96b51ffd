import Foundation

/// The members of a JSON object, found by a walk of its own (not the staging scanner's): each
/// key as written and where its value's text lies. It trusts the bytes to be well-formed
/// JSON, so run it only on what `JSONSerialization` parsed.
struct TopLevelMembers {
    /// One member of the object, in the order written.
    struct Member {
        /// The key, decoded to UTF-8.
        let key: [UInt8]
        /// The value's JSON text, exactly as written.
        let value: ArraySlice<UInt8>
    }

    /// Every member, duplicates included.
    let members: [Member]

    /// Walks the object in `bytes`; throws when the bytes do not hold one object.
    init(_ bytes: [UInt8]) throws(Violation) {
        var walk = Walk(bytes: bytes)
        members = try walk.object()
    }

    /// The value the last member with `key` holds, as a duplicate key's last value counts.
    func lastValue(of key: [UInt8]) -> ArraySlice<UInt8>? {
        members.last { $0.key == key }?.value
    }

    private struct Walk {
        let bytes: [UInt8]
        var index = 0

        mutating func object() throws(Violation) -> [Member] {
            skipWhitespace()
            try expect(UInt8(ascii: "{"))
            var members: [Member] = []
            skipWhitespace()
            if bytes.get(index) == UInt8(ascii: "}") {
                index += 1
                return try finished(members)
            }
            while true {
                skipWhitespace()
                let keyStart = index
                try skipString()
                let key = try Self.decodedKey(bytes[keyStart..<index])
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                let valueStart = index
                try skipValue()
                members.append(Member(key: key, value: bytes[valueStart..<index]))
                skipWhitespace()
                if bytes.get(index) == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return try finished(members)
            }
        }

        private mutating func finished(_ members: [Member]) throws(Violation) -> [Member] {
            skipWhitespace()
            guard index == bytes.count else { throw Violation("the member walk found bytes after the object") }
            return members
        }

        /// A key's text, quotes included, decoded by `JSONSerialization` when it holds escapes.
        private static func decodedKey(_ text: ArraySlice<UInt8>) throws(Violation) -> [UInt8] {
            let inner = text.dropFirst().dropLast()
            guard inner.contains(UInt8(ascii: "\\")) else { return Array(inner) }
            guard let key = try? JSONSerialization.jsonObject(with: Data(text), options: .fragmentsAllowed) as? String else {
                throw Violation("JSONSerialization cannot decode the key \(String(decoding: text, as: UTF8.self))")
            }
            return Array(key.utf8)
        }

        private mutating func skipValue() throws(Violation) {
            switch bytes.get(index) {
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                repeat {
                    switch bytes.get(index) {
                    case UInt8(ascii: "\""):
                        try skipString()
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                    case nil: throw Violation("the member walk ran off the end of a nested value")
                    default: break
                    }
                    index += 1
                } while depth > 0
            default:
                // A number or a literal: up to the next separator.
                let start = index
                while let byte = bytes.get(index), !Accounting.isWhitespace(byte),
                      byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]") {
                    index += 1
                }
                guard index > start else { throw Violation("the member walk found no value") }
            }
        }

        private mutating func skipString() throws(Violation) {
            try expect(UInt8(ascii: "\""))
            while let byte = bytes.get(index) {
                index += byte == UInt8(ascii: "\\") ? 2 : 1
                if byte == UInt8(ascii: "\"") { return }
            }
            throw Violation("the member walk ran off the end of a string")
        }

        private mutating func expect(_ byte: UInt8) throws(Violation) {
            guard bytes.get(index) == byte else {
                throw Violation("the member walk expected '\(Character(Unicode.Scalar(byte)))' at byte \(index)")
            }
            index += 1
        }

        private mutating func skipWhitespace() {
            while let byte = bytes.get(index), Accounting.isWhitespace(byte) { index += 1 }
        }
    }
}

extension Array where Element == UInt8 {
    /// The byte at `index`, or `nil` past the end.
    fileprivate func get(_ index: Int) -> UInt8? {
        index < count ? self[index] : nil
    }
}
