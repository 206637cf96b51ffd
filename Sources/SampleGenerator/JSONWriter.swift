#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes JSON text into a file through a buffer, escaping strings the ways real exports do.
struct JSONWriter {
    /// How a string's characters are written.
    enum Escaping {
        /// Non-ASCII as raw UTF-8, `/` as is.
        case plain
        /// Non-ASCII as `\uXXXX` escapes and `/` as `\/`, as Sparkify's event logs do.
        case escaped
    }

    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1 << 20)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ text: String?, _ escaping: Escaping) {
        guard let text else { return raw("null") }
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "/": raw(escaping == .escaped ? "\\/" : "/")
            case "\n": raw("\\n")
            case "\t": raw("\\t")
            case _ where scalar.value < 0x20: unicodeEscape(UInt16(scalar.value))
            case _ where scalar.value < 0x80: bytes.append(UInt8(scalar.value))
            case _ where escaping == .plain: bytes.append(contentsOf: String(scalar).utf8)
            default:
                for unit in String(scalar).utf16 { unicodeEscape(unit) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Double?) {
        guard let value else { return raw("null") }
        raw(String(value))
    }

    mutating func number(_ value: Int64?) {
        guard let value else { return raw("null") }
        raw(String(value))
    }

    private mutating func unicodeEscape(_ unit: UInt16) {
        let hex = String(unit, radix: 16)
        raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }

    /// Writes the buffer to `path`, replacing the file, and empties it.
    mutating func flush(to path: String) throws {
        guard let file = fopen(path, "wb") else { throw GeneratorError.cannotWrite(path) }
        defer { fclose(file) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else { throw GeneratorError.cannotWrite(path) }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Why generating a data set failed.
public enum GeneratorError: Error, CustomStringConvertible {
    /// A file could not be written.
    case cannotWrite(String)

    /// One line naming the file.
    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write \(path)"
        }
    }
}
