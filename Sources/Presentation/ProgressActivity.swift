/// What the progress line shows: the one long step under way, its counters, and the text
/// they make at a given moment. The counters only add up; the text is worked out when drawn.
struct ProgressActivity {
    /// The kinds of step.
    enum Kind {
        /// Staging a table: files and bytes read, of the totals where known, and records.
        case staging(table: String, totalFiles: Int?, totalBytes: Int64?)
        /// Listing objects: how many and their bytes, objects a second.
        case listing(String)
        /// Uploading files: files and bytes done of the totals, files already there, bytes
        /// sent a second, the time left.
        case uploading(destination: String, totalFiles: Int, totalBytes: Int64)
        /// A step known only by its name: the line shows how long it has run.
        case step(String)
        /// Work counted in items or bytes, of a total where known.
        case counting(what: String, total: Int64?, unit: ProgressLine.Unit)
    }

    /// The kind of step, its names already escaped.
    let kind: Kind
    /// Files read (staging), objects listed (listing), files done (uploading).
    var files = 0
    /// Bytes read (staging), listed (listing), done (uploading), or what is counted (counting).
    var done: Int64 = 0
    /// Records read (staging).
    var records: Int64 = 0
    /// Files already there (uploading).
    var skipped = 0
    /// Bytes sent (uploading).
    var sent: Int64 = 0

    /// The line's text after `elapsed`, before it is fitted to the terminal.
    func text(elapsed: Duration) -> String {
        let seconds = Self.seconds(elapsed)
        switch kind {
        case let .staging(table, totalFiles, totalBytes):
            var parts = [table]
            parts.append(totalFiles.map { "\(NumberText.grouped(Int64(files))) of \(NumberText.grouped(Int64($0))) files" }
                ?? "\(NumberText.grouped(Int64(files))) files")
            parts.append(Self.amount(done, of: totalBytes, unit: .bytes))
            if seconds > 0 { parts.append("\(NumberText.grouped(Int64((Double(records) / seconds).rounded()))) records/s") }
            let remaining = totalBytes.flatMap { Self.remaining(done, of: $0, after: seconds) }
                ?? totalFiles.flatMap { Self.remaining(Int64(files), of: Int64($0), after: seconds) }
            parts.append(remaining.map { "ETA \(NumberText.duration($0))" } ?? NumberText.duration(elapsed))
            return parts.joined(separator: "  ")
        case .listing(let location):
            var parts = ["listing \(location)", "\(NumberText.grouped(Int64(files))) objects", NumberText.bytes(done)]
            if seconds > 0 { parts.append("\(NumberText.grouped(Int64((Double(files) / seconds).rounded()))) objects/s") }
            parts.append(NumberText.duration(elapsed))
            return parts.joined(separator: "  ")
        case let .uploading(destination, totalFiles, totalBytes):
            var parts = ["uploading to \(destination)",
                         "\(NumberText.grouped(Int64(files))) of \(NumberText.grouped(Int64(totalFiles))) files"
                             + (skipped > 0 ? " (\(NumberText.grouped(Int64(skipped))) already there)" : ""),
                         Self.amount(done, of: totalBytes, unit: .bytes)]
            if seconds > 0 { parts.append("\(NumberText.bytes(Int64((Double(sent) / seconds).rounded())))/s") }
            let remaining = Self.remaining(done, of: totalBytes, after: seconds) ?? Self.remaining(Int64(files), of: Int64(totalFiles), after: seconds)
            parts.append(remaining.map { "ETA \(NumberText.duration($0))" } ?? NumberText.duration(elapsed))
            return parts.joined(separator: "  ")
        case .step(let name):
            return "\(name)  \(NumberText.duration(elapsed))"
        case let .counting(what, total, unit):
            var parts = [what, Self.amount(done, of: total, unit: unit)]
            if unit == .bytes, seconds > 0 { parts.append("\(NumberText.bytes(Int64((Double(done) / seconds).rounded())))/s") }
            let remaining = total.flatMap { Self.remaining(done, of: $0, after: seconds) }
            parts.append(remaining.map { "ETA \(NumberText.duration($0))" } ?? NumberText.duration(elapsed))
            return parts.joined(separator: "  ")
        }
    }

    /// `3.4 kB of 12.0 kB (28%)`, `1,200 of 3,000 (40%)`, or the amount alone without a total.
    private static func amount(_ done: Int64, of total: Int64?, unit: ProgressLine.Unit) -> String {
        let format = { (value: Int64) in unit == .bytes ? NumberText.bytes(value) : NumberText.grouped(value) }
        guard let total, total > 0 else { return format(done) }
        return "\(format(done)) of \(format(total)) (\(min(done, total) * 100 / total)%)"
    }

    /// How long the rest takes at the pace so far; `nil` before anything is done, or once all is.
    private static func remaining(_ done: Int64, of total: Int64, after seconds: Double) -> Duration? {
        guard done > 0, total > done, seconds > 0 else { return nil }
        return .milliseconds(Int64((seconds * Double(total - done) / Double(done) * 1000).rounded()))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
