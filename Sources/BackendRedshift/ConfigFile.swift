import Foundation

/// An INI file as Python's configparser reads Sparkify's `dwh.cfg`: `[SECTION]` headers,
/// `KEY = VALUE` or `KEY: VALUE` lines, `#` and `;` comments. Section and key names match
/// case-insensitively; a value in single or double quotes loses them.
package struct ConfigFile {
    /// A value and the line it is on.
    package struct Entry {
        /// The value, unquoted.
        package let value: String
        /// Its line, counted from 1.
        package let line: Int
    }

    /// Values by upper-cased section, then upper-cased key.
    package private(set) var sections: [String: [String: Entry]] = [:]
    /// The line of each upper-cased section's first header, counted from 1.
    package private(set) var headerLines: [String: Int] = [:]
    /// The file's text, as read.
    package let text: String

    /// Reads and parses the file at `path`.
    package init(path: String) throws(RedshiftSettingsError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path) }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path, (error as NSError).localizedDescription)
        }
        self.text = text
        var section: String?
        // "\r\n" is one Character in Swift: a file with Windows line endings has lines too.
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw .malformed(path, number, "a section header is [NAME]") }
                section = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces).uppercased()
                sections[section!, default: [:]] = sections[section!] ?? [:]
                headerLines[section!] = headerLines[section!] ?? number
                continue
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw .malformed(path, number, "expected KEY = VALUE, a [SECTION] or a # comment")
            }
            guard let section else { throw .malformed(path, number, "KEY = VALUE before any [SECTION]") }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces).uppercased()
            guard !key.isEmpty else { throw .malformed(path, number, "a value without a key") }
            guard sections[section]?[key] == nil else {
                throw .malformed(path, number, "[\(section)] \(key) is set twice")
            }
            sections[section]![key] = Entry(value: Self.unquoted(line[line.index(after: separator)...]), line: number)
        }
    }

    /// The value of `key` in `section`, if set.
    package subscript(section: String, key: String) -> Entry? {
        sections[section]?[key]
    }

    /// The value of `key` in `section`, as `SPARKIFY_<SECTION>_<KEY>` in `environment`
    /// overrides it, if set.
    package func value(_ section: String, _ key: String, environment: [String: String]) -> String? {
        environment["SPARKIFY_\(section)_\(key)"] ?? self[section, key]?.value
    }

    /// The text without surrounding whitespace and one pair of matching quotes.
    package static func unquoted<Text: StringProtocol>(_ text: Text) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for quote in ["'", "\""] where trimmed.count >= 2 && trimmed.hasPrefix(quote) && trimmed.hasSuffix(quote) {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
