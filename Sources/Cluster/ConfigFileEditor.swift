import BackendRedshift
import Foundation

/// Writes values into an INI file such as `dwh.cfg` and changes nothing else: a key that is
/// set gets its new value on its own line (the key's spelling, the spacing around `=` and
/// any quotes stay); a key that is missing is added after the last key of its section; a
/// section that is missing is added at the end. Comments, blank lines, order, line endings
/// and every other byte stay as they were; a value already as wanted leaves its line alone.
package enum ConfigFileEditor {
    /// The text of `file` with `edits` made, and the edits that changed something.
    package static func edited(_ file: ConfigFile, _ edits: [ConfigFileEdit]) -> (text: String, changed: [ConfigFileEdit]) {
        var lines = lines(of: file.text)
        // Added lines end as the file's lines do; a file without a final line break gets one.
        let newline = lines.first { !$0.ending.isEmpty }?.ending ?? "\n"
        var insertions: [Int: [String]] = [:]
        var newSections: [(name: String, lines: [String])] = []
        var changed: [ConfigFileEdit] = []
        for edit in edits {
            let section = edit.section.uppercased(), key = edit.key.uppercased()
            if let entry = file[section, key] {
                guard entry.value != edit.value else { continue }
                lines[entry.line - 1].content = replacingValue(of: lines[entry.line - 1].content, with: edit.value)
            } else if let header = file.headerLines[section] {
                let last = file.sections[section]?.values.map(\.line).max()
                let style = last.map { separator(of: lines[$0 - 1].content) } ?? "="
                insertions[endOfSection(after: last ?? header, in: file, lines: lines), default: []].append(edit.key + style + edit.value)
            } else if let index = newSections.firstIndex(where: { $0.name == section }) {
                newSections[index].lines.append(edit.key + "=" + edit.value)
            } else {
                newSections.append((section, ["[\(edit.section)]", edit.key + "=" + edit.value]))
            }
            changed.append(edit)
        }
        for (line, added) in insertions.sorted(by: { $0.key > $1.key }) {
            if lines[line - 1].ending.isEmpty { lines[line - 1].ending = newline }
            lines.insert(contentsOf: added.map { (content: $0, ending: newline) }, at: line)
        }
        if !newSections.isEmpty {
            if let last = lines.indices.last, lines[last].ending.isEmpty {
                if lines[last].content.isEmpty { lines.removeLast() } else { lines[last].ending = newline }
            }
            for section in newSections {
                if let last = lines.last, !last.content.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(("", newline)) }
                lines += section.lines.map { (content: $0, ending: newline) }
            }
        }
        return (lines.map { $0.content + $0.ending }.joined(), changed)
    }

    /// The lines of `text`, each with the line break that ends it (`\n`, `\r\n`, or none for
    /// the last).
    static func lines(of text: String) -> [(content: String, ending: String)] {
        var lines: [(content: String, ending: String)] = []
        var content = ""
        for character in text {
            if character == "\n" || character == "\r\n" {
                lines.append((content, String(character)))
                content = ""
            } else {
                content.append(character)
            }
        }
        lines.append((content, ""))
        return lines
    }

    /// Makes `edits` in the file at `path` (through its symbolic link, if it is one),
    /// replacing it at once so that no reader sees half of it, with its permissions kept;
    /// returns the edits that changed something.
    @discardableResult
    package static func write(_ edits: [ConfigFileEdit], to path: String) throws -> [ConfigFileEdit] {
        let file = try ConfigFile(path: path)
        let (text, changed) = edited(file, edits)
        guard !changed.isEmpty else { return [] }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let temporary = target + ".sparkify-\(ProcessInfo.processInfo.processIdentifier).tmp"
        let permissions = (try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions]
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                                             attributes: permissions.map { [.posixPermissions: $0] }) else {
            throw ConfigFileWriteError(path: path, reason: "cannot create \(temporary) beside it")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ConfigFileWriteError(path: path, reason: reason)
        }
        return changed
    }

    /// The last line of the section that `line` is in that is not blank: the section ends
    /// before the next section's header, or at the end of the file.
    static func endOfSection(after line: Int, in file: ConfigFile, lines: [(content: String, ending: String)]) -> Int {
        var end = (file.headerLines.values.filter { $0 > line }.min() ?? lines.count + 1) - 1
        while end > line, lines[end - 1].content.trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        return end
    }

    /// `line` (`KEY = old`, perhaps quoted) with `value` in place of its value.
    static func replacingValue(of line: String, with value: String) -> String {
        let body = Substring(line)
        guard let separator = body.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return line }
        var valueStart = body.index(after: separator)
        while valueStart < body.endIndex, body[valueStart] == " " || body[valueStart] == "\t" { valueStart = body.index(after: valueStart) }
        let old = body[valueStart...].trimmingCharacters(in: .whitespaces)
        let quote = ["'", "\""].first { old.count >= 2 && old.hasPrefix($0) && old.hasSuffix($0) } ?? ""
        return body[..<valueStart] + quote + value + quote
    }

    /// What stands between the key and the value on `line`: `=`, ` = `, `: `.
    static func separator(of line: String) -> String {
        guard let index = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return "=" }
        let before = line[..<index].reversed().prefix { $0 == " " || $0 == "\t" }
        let after = line[line.index(after: index)...].prefix { $0 == " " || $0 == "\t" }
        return String(before.reversed()) + String(line[index]) + String(after)
    }
}
