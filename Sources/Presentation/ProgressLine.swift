import Core
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One live line on a terminal that says how a long step is going: staging (files and bytes
/// read, of the totals when known, records a second, the time left), an S3 listing (objects
/// and bytes found, objects a second), an upload (files and bytes done of the totals, those
/// already there, bytes sent a second, the time left), a named step and how long it has run,
/// or any work counted in items or bytes (downloads, waiting for a cluster). Shown only when its output is a terminal whose `TERM` is not
/// `dumb`, and not `quiet`; `force` shows it anyway.
///
/// Updates only add to counters, from any thread. A timer redraws the line at most 10 times
/// a second, and only when its text changed: `\r`, the text (never wider than the terminal,
/// read with `TIOCGWINSZ` at each redraw, 80 columns when it does not say), then an erase to
/// the end of the line. Call ``clear()`` before printing anything else, so that the line never
/// mixes with other output.
public final class ProgressLine: @unchecked Sendable {
    /// How counted work is measured.
    public enum Unit: Sendable {
        /// Things: objects listed, files, seconds waited.
        case items
        /// Bytes, shown as `3.4 MB`.
        case bytes
    }

    /// Whether the line is drawn at all.
    public let isEnabled: Bool
    /// The file descriptor it is drawn on.
    private let output: Int32
    /// Whether to keep to ASCII (`...` for a cut line).
    private let ascii: Bool
    /// Guards everything below. Recursive, so that ``whileCleared(_:)``'s body may update.
    private let lock = NSRecursiveLock()
    private var activity: ProgressActivity?
    private var started = ContinuousClock.now
    /// The text on the terminal now; empty when the line is erased.
    private var drawn = ""
    private var timer: (any DispatchSourceTimer)?

    /// The time between two redraws: at most 10 a second.
    static let interval = DispatchTimeInterval.milliseconds(100)

    /// A progress line on `fileDescriptor` (standard error by default), drawn when that is a
    /// terminal and `environment`'s `TERM` is not `dumb`, unless `quiet`; always when `force`
    /// (and not `quiet`). Its text keeps to ASCII unless the locale is UTF-8.
    public init(fileDescriptor: Int32 = STDERR_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment,
                quiet: Bool = false, force: Bool = false) {
        output = fileDescriptor
        ascii = !TerminalLocale.isUTF8(environment: environment)
        isEnabled = !quiet && (force || (isatty(fileDescriptor) == 1 && environment["TERM"] != "dumb"))
    }

    deinit {
        timer?.cancel()
    }

    /// Starts showing the staging of `table`, of `files` files and `bytes` bytes when known.
    public func beginStaging(_ table: String, files: Int?, bytes: Int64?) {
        begin(.staging(table: MessageText.escaping(table), totalFiles: files, totalBytes: bytes))
    }

    /// Counts what staging has read since the last call: whole files, bytes, records.
    public func addStaged(files: Int = 0, bytes: Int64 = 0, records: Int64 = 0) {
        update {
            $0.files += files
            $0.done += bytes
            $0.records += records
        }
    }

    /// Starts showing a listing of `location`: objects and bytes found, objects a second:
    /// `listing s3://bucket/song_data/  12,000 objects  3.4 MB  4,000 objects/s  3.0 s`.
    public func beginListing(_ location: String) {
        begin(.listing(MessageText.escaping(location)))
    }

    /// Counts what the listing found since the last call.
    public func addListed(objects: Int, bytes: Int64) {
        update {
            $0.files += objects
            $0.done += bytes
        }
    }

    /// Starts showing an upload of `files` files of `bytes` bytes to `destination`:
    /// `uploading to s3://bucket/p/  3 of 15 files (2 already there)  12.0 MB of 40.0 MB (30%)  3.0 MB/s  ETA 9.3 s`.
    public func beginUpload(to destination: String, files: Int, bytes: Int64) {
        begin(.uploading(destination: MessageText.escaping(destination), totalFiles: files, totalBytes: bytes))
    }

    /// Counts one more file done, of `bytes` bytes: sent, or `skipped` as its content was there.
    public func addUploaded(bytes: Int64, skipped: Bool) {
        update {
            $0.files += 1
            $0.done += bytes
            if skipped { $0.skipped += 1 } else { $0.sent += bytes }
        }
    }

    /// Starts showing a step by its name, and how long it has run: `transform songplays 1.2 s`.
    public func beginStep(_ name: String) {
        begin(.step(MessageText.escaping(name)))
    }

    /// Starts showing work on `what`, counted in `unit`, of `total` when known:
    /// `uploading song_data  12.0 MB of 40.0 MB (30%)  3.0 MB/s  ETA 9.3 s`.
    public func begin(_ what: String, total: Int64?, unit: Unit = .items) {
        begin(.counting(what: MessageText.escaping(what), total: total, unit: unit))
    }

    /// Counts `amount` more done of the work begun with ``begin(_:total:unit:)``.
    public func advance(by amount: Int64 = 1) {
        update { $0.done += amount }
    }

    /// Erases the line and ends the step: nothing is drawn until the next one begins. Call it
    /// before printing the summary, or anything else.
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        activity = nil
        erase()
    }

    /// Erases the line, runs `body` (which prints a line of its own, say), and lets the next
    /// redraw bring the line back.
    public func whileCleared<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        erase()
        return try body()
    }

    private func begin(_ kind: ProgressActivity.Kind) {
        guard isEnabled else { return }
        lock.lock()
        defer { lock.unlock() }
        activity = ProgressActivity(kind: kind)
        started = .now
        guard timer == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "sparkify.progress"))
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval, leeway: .milliseconds(10))
        timer.setEventHandler { [weak self] in self?.redraw() }
        timer.resume()
        self.timer = timer
    }

    private func update(_ change: (inout ProgressActivity) -> Void) {
        guard isEnabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if activity != nil { change(&activity!) }
    }

    /// Draws the line if its text changed since it was last drawn.
    private func redraw() {
        lock.lock()
        defer { lock.unlock() }
        guard let activity else { return }
        let columns = TerminalSize.columns(of: output) ?? 80
        // One column short of the width: a character in the last column makes some
        // terminals wrap, and the next `\r` would then return to the wrong line.
        let text = DisplayWidth.truncating(activity.text(elapsed: .now - started), toWidth: columns - 1, mark: ascii ? "..." : "…")
        guard text != drawn else { return }
        send("\r" + text + "\u{1B}[K")
        drawn = text
    }

    /// Erases what is drawn, if anything.
    private func erase() {
        guard !drawn.isEmpty else { return }
        send("\r\u{1B}[K")
        drawn = ""
    }

    /// Writes all of `text`, unless the output fails.
    private func send(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
