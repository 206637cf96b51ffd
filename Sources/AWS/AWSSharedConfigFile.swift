import Foundation

/// One of the AWS shared files, `~/.aws/credentials` or `~/.aws/config`, read as the AWS CLI
/// reads them: `[section]` headers, `name = value` lines, `#` and `;` comments, names
/// case-insensitive. In the config file a profile's section is `[profile NAME]` (and
/// `[default]` for the default profile); in the credentials file it is `[NAME]`.
struct AWSSharedConfigFile {
    /// The path, as given (for messages).
    let path: String
    /// The settings of each section, by the section's name as written.
    let sections: [String: [String: String]]

    /// Reads `path`; nil when there is no such file. A file that exists but cannot be read
    /// is an error.
    static func read(_ path: String) throws -> AWSSharedConfigFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AWSError(resource: path, code: "InvalidConfiguration", message: "cannot be read")
        }
        return AWSSharedConfigFile(path: path, text: String(decoding: data, as: UTF8.self))
    }

    init(path: String, text: String) {
        self.path = path
        var sections = [String: [String: String]]()
        var current: String?
        var lastName: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                current = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                lastName = nil
                if let current, sections[current] == nil { sections[current] = [:] }
                continue
            }
            guard let section = current else { continue }
            if rawLine.first?.isWhitespace == true, let lastName {
                // An indented line continues the previous value (nested settings such as s3 =).
                sections[section]?[lastName, default: ""] += "\n" + line
                continue
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let name = line[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            if let comment = value.range(of: " #") ?? value.range(of: " ;") { value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces) }
            sections[section]?[name] = value
            lastName = name
        }
        self.sections = sections
    }

    /// The settings of profile `name`: in a config file `[profile NAME]` (or `[default]`),
    /// in a credentials file `[NAME]`.
    func profile(_ name: String, isConfigFile: Bool) -> [String: String]? {
        guard isConfigFile else { return sections[name] }
        if let section = sections["profile " + name] { return section }
        return name == "default" ? sections["default"] : nil
    }
}
