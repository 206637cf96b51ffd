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
        var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let newline = lines.contains { $0.hasSuffix("\r") } ? "\r\n" : "\n"
        let ending = newline.dropLast()
        var insertions: [Int: [String]] = [:]
        var newSections: [(name: String, lines: [String])] = []
        var changed: [ConfigFileEdit] = []
        for edit in edits {
            let section = edit.section.uppercased(), key = edit.key.uppercased()
            if let entry = file[section, key] {
                guard entry.value != edit.value else { continue }
                lines[entry.line - 1] = replacingValue(of: lines[entry.line - 1], with: edit.value)
            } else if let header = file.headerLines[section] {
                let last = file.sections[section]?.values.map(\.line).max()
                let style = last.map { separator(of: lines[$0 - 1]) } ?? "="
                insertions[endOfSection(after: last ?? header, in: file, lines: lines), default: []].append(edit.key + style + edit.value + ending)
            } else if let index = newSections.firstIndex(where: { $0.name == section }) {
                newSections[index].lines.append(edit.key + "=" + edit.value + ending)
            } else {
                newSections.append((section, ["[\(edit.section)]" + ending, edit.key + "=" + edit.value + ending]))
            }
            changed.append(edit)
        }
        for (line, added) in insertions.sorted(by: { $0.key > $1.key }) {
            lines.insert(contentsOf: added, at: line)
        }
        var text = lines.joined(separator: "\n")
        if !newSections.isEmpty {
            if !text.isEmpty && !text.hasSuffix("\n") { text += newline }
            for section in newSections {
                if !text.isEmpty && !text.hasSuffix("\n\n") && !text.hasSuffix("\r\n\r\n") { text += newline }
                text += section.lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }.joined(separator: newline) + newline
            }
        }
        return (text, changed)
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
    static func endOfSection(after line: Int, in file: ConfigFile, lines: [String]) -> Int {
        var end = (file.headerLines.values.filter { $0 > line }.min() ?? lines.count + 1) - 1
        while end > line, lines[end - 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { end -= 1 }
        return end
    }

    /// `line` (`KEY = old`, perhaps quoted) with `value` in place of its value.
    static func replacingValue(of line: String, with value: String) -> String {
        let carriageReturn = line.hasSuffix("\r") ? "\r" : ""
        let body = carriageReturn.isEmpty ? Substring(line) : line.dropLast()
        guard let separator = body.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return line }
        var valueStart = body.index(after: separator)
        while valueStart < body.endIndex, body[valueStart] == " " || body[valueStart] == "\t" { valueStart = body.index(after: valueStart) }
        let old = body[valueStart...].trimmingCharacters(in: .whitespaces)
        let quote = ["'", "\""].first { old.count >= 2 && old.hasPrefix($0) && old.hasSuffix($0) } ?? ""
        return body[..<valueStart] + quote + value + quote + carriageReturn
    }

    /// What stands between the key and the value on `line`: `=`, ` = `, `: `.
    static func separator(of line: String) -> String {
        guard let index = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return "=" }
        let before = line[..<index].reversed().prefix { $0 == " " || $0 == "\t" }
        let after = line[line.index(after: index)...].prefix { $0 == " " || $0 == "\t" }
        return String(before.reversed()) + String(line[index]) + String(after)
    }
}
