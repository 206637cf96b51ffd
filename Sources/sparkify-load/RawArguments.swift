import Core
import Foundation

/// The command line as the bytes the process was given. swift-argument-parser sees arguments
/// as Strings, which turn bytes that are not UTF-8 into U+FFFD; a path must keep its bytes, or
/// it names another file.
enum RawArguments {
    /// Every argument, as bytes.
    static let all: [[UInt8]] = (0..<Int(CommandLine.argc)).map { index in
        guard let argument = CommandLine.unsafeArgv[index] else { return [] }
        return Array(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
    }

    /// The path the parsed value `value` came from, with the bytes it was given: as a whole
    /// argument, or after the `=` of `--option=value`.
    static func path(_ value: String) -> LocalPath {
        guard value.unicodeScalars.contains("\u{FFFD}") else { return LocalPath(value) }
        for argument in all {
            if String(decoding: argument, as: UTF8.self) == value { return LocalPath(bytes: argument) }
            if argument.starts(with: "--".utf8), let equals = argument.firstIndex(of: UInt8(ascii: "=")),
               String(decoding: argument[(equals + 1)...], as: UTF8.self) == value {
                return LocalPath(bytes: Array(argument[(equals + 1)...]))
            }
        }
        return LocalPath(value)
    }
}
