import Foundation
import Testing
@testable import Presentation
#if canImport(Glibc)
import Glibc
#endif

/// The progress line on a real pseudo-terminal, and on a pipe.
@Suite("The progress line", .serialized)
struct ProgressLineTests {
    static let terminal = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
    static let erase = "\r\u{1B}[K"

    /// The frames drawn in `bytes`: each `\r` TEXT `ESC[K`, by its text; erases (an empty
    /// text) included.
    func frames(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.components(separatedBy: "\r").dropFirst().map { frame in
            frame.hasSuffix("\u{1B}[K") ? String(frame.dropLast(3)) : "unterminated: " + frame
        }
    }

    func wait(_ milliseconds: Int) {
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
    }

    @Test("On a terminal it redraws in place: \\r, the text, erase to the end of the line; clear() erases it last")
    func redraws() throws {
        let pty = try PseudoTerminal(columns: 100)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        #expect(progress.isEnabled)
        progress.beginStaging("staging_events", files: 4, bytes: 4000)
        for _ in 0..<3 {
            progress.addStaged(files: 1, bytes: 1000, records: 25)
            wait(250)
        }
        progress.clear()
        let bytes = pty.read()
        let text = String(decoding: bytes, as: UTF8.self)
        let frames = frames(bytes)
        #expect(text.hasPrefix("\r") && text.hasSuffix(Self.erase))
        #expect(!text.contains("\n"))
        #expect(frames.last == "")
        let drawn = frames.dropLast()
        #expect(drawn.count >= 3 && drawn.count <= 8, "\(frames)")
        #expect(drawn.allSatisfy { $0.hasPrefix("staging_events  ") && !$0.hasPrefix("unterminated") }, "\(frames)")
        #expect(drawn.contains { $0.contains("1 of 4 files  1.0 kB of 4.0 kB (25%)") }, "\(frames)")
        #expect(drawn.contains { $0.contains("3 of 4 files  3.0 kB of 4.0 kB (75%)") && $0.contains("records/s  ETA ") }, "\(frames)")
        // Nothing comes after clear(): the timer has stopped.
        wait(250)
        #expect(pty.read().isEmpty)
    }

    @Test("The line is never wider than the terminal, read again at each redraw")
    func width() throws {
        let pty = try PseudoTerminal(columns: 40)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.begin("uploading song_data/A/B/C/TRABCEI128F424C983.json", total: 40_000_000, unit: .bytes)
        progress.advance(by: 12_000_000)
        wait(250)
        let narrow = frames(pty.read())
        pty.resize(columns: 120)
        progress.advance(by: 1)
        wait(250)
        let wide = frames(pty.read())
        progress.clear()
        #expect(!narrow.isEmpty && !wide.isEmpty)
        // 40 columns: 39 drawn (the last column left free), the 39th the ellipsis.
        #expect(narrow.allSatisfy { DisplayWidth.of($0) == 39 && $0.hasSuffix("…") }, "\(narrow)")
        #expect(narrow.first?.hasPrefix("uploading song_data/A/B/C/TRABCEI128F4") == true)
        #expect(wide.allSatisfy { DisplayWidth.of($0) < 119 && $0.contains("12.0 MB of 40.0 MB (30%)") }, "\(wide)")
    }

    @Test("Redraws come at most 10 times a second, however fast the updates")
    func throttled() throws {
        let pty = try PseudoTerminal(columns: 100)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.begin("listing s3://bucket/log_data/", total: nil)
        let start = Date()
        while Date().timeIntervalSince(start) < 1 {
            progress.advance()
            usleep(200)
        }
        progress.clear()
        let drawn = frames(pty.read()).dropLast()
        #expect(drawn.count >= 2 && drawn.count <= 11, "\(drawn.count) redraws in a second")
        #expect(Set(drawn).count == drawn.count, "a text redrawn unchanged")
    }

    @Test("Updates from many threads are all counted")
    func threads() throws {
        let pty = try PseudoTerminal(columns: 100)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.begin("downloading", total: 40_000)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<10_000 { progress.advance() }
        }
        wait(250)
        progress.clear()
        let drawn = frames(pty.read()).dropLast()
        #expect(drawn.last?.hasPrefix("downloading  40,000 of 40,000 (100%)") == true, "\(drawn)")
    }

    @Test("A step shows its name and how long it has run; names from outside are escaped")
    func steps() throws {
        let pty = try PseudoTerminal(columns: 100)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.beginStep("waiting for cluster \u{1B}]0;owned\u{7}")
        wait(350)
        progress.clear()
        let bytes = pty.read()
        let drawn = frames(bytes).dropLast()
        #expect(!drawn.isEmpty)
        #expect(drawn.allSatisfy { $0.hasPrefix("waiting for cluster \\u{1B}]0;owned\\u{7}  ") && $0.hasSuffix(" s") }, "\(drawn)")
        // The only escape bytes are the line's own erases.
        let escapes = bytes.filter { $0 == 0x1B }.count
        #expect(escapes == drawn.count + 1)
        #expect(!bytes.contains(0x07))
    }

    @Test("whileCleared: the line is erased before the body prints, and comes back after")
    func interleaved() throws {
        let pty = try PseudoTerminal(columns: 100)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.beginStep("transform songplays")
        wait(250)
        progress.whileCleared {
            _ = "log_data/x.json:3: bad record\n".withCString { write(pty.terminal, $0, strlen($0)) }
        }
        wait(250)
        progress.clear()
        let text = String(decoding: pty.read(), as: UTF8.self)
        let warning = try #require(text.range(of: Self.erase + "log_data/x.json:3: bad record\n"), "\(text.debugDescription)")
        #expect(text[warning.upperBound...].hasPrefix("\rtransform songplays  "), "\(text.debugDescription)")
    }

    @Test("Nothing is written to a pipe, with TERM=dumb, or when quiet; force draws on a pipe at 80 columns")
    func silent() throws {
        for (environment, quiet) in [(Self.terminal, false), (["TERM": "dumb", "LANG": "C.UTF-8"], false), (Self.terminal, true)] {
            let pipe = Pipe()
            let pty = try PseudoTerminal(columns: 100)
            let onPipe = ProgressLine(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor, environment: environment, quiet: quiet)
            let onTerminal = ProgressLine(fileDescriptor: pty.terminal, environment: environment, quiet: quiet)
            #expect(!onPipe.isEnabled)
            #expect(onTerminal.isEnabled == (environment["TERM"] != "dumb" && !quiet))
            guard !onTerminal.isEnabled else { continue }
            for progress in [onPipe, onTerminal] {
                progress.beginStaging("staging_songs", files: nil, bytes: nil)
                progress.addStaged(files: 1, bytes: 10, records: 1)
                wait(250)
                progress.whileCleared {}
                progress.clear()
            }
            try pipe.fileHandleForWriting.close()
            #expect(pipe.fileHandleForReading.readDataToEndOfFile().isEmpty)
            #expect(pty.read().isEmpty)
        }

        let pipe = Pipe()
        let forced = ProgressLine(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor,
                                  environment: ["TERM": "dumb"], force: true)
        #expect(forced.isEnabled)
        forced.beginStep(String(repeating: "x", count: 200))
        wait(250)
        forced.clear()
        try pipe.fileHandleForWriting.close()
        let drawn = frames(Array(pipe.fileHandleForReading.readDataToEndOfFile())).dropLast()
        // No terminal to ask: 80 columns, 79 drawn; no UTF-8 locale: an ASCII ellipsis.
        #expect(!drawn.isEmpty && drawn.allSatisfy { $0 == String(repeating: "x", count: 76) + "..." }, "\(drawn)")
        let quietAndForced = ProgressLine(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor, environment: [:], quiet: true, force: true)
        #expect(!quietAndForced.isEnabled)
    }
}
