import Foundation
import Testing
@testable import Presentation
import Glibc

/// The progress line on a real pseudo-terminal, and on a pipe. The tests wait for what they
/// expect to be drawn (up to 10 s), not for fixed times, so that a busy machine does not fail
/// them; only the checks that nothing is drawn wait a fixed time.
@Suite("The progress line", .serialized)
struct ProgressLineTests {
    static let terminal = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
    static let erase = "\r\u{1B}[K"

    /// What a file descriptor received, read as it comes.
    final class Received {
        let fileDescriptor: Int32
        private(set) var bytes: [UInt8] = []

        init(_ fileDescriptor: Int32) {
            self.fileDescriptor = fileDescriptor
            _ = fcntl(fileDescriptor, F_SETFL, fcntl(fileDescriptor, F_GETFL) | O_NONBLOCK)
        }

        /// Everything received so far, as text.
        var text: String { String(decoding: bytes, as: UTF8.self) }

        /// The frames received: each `\r` TEXT `ESC[K`, by its text; erases (an empty text)
        /// included, and a frame not (yet) ended marked as such.
        var frames: [String] {
            text.components(separatedBy: "\r").dropFirst().map { frame in
                frame.hasSuffix("\u{1B}[K") ? String(frame.dropLast(3)) : "unterminated: " + frame
            }
        }

        /// Reads what has come.
        func read() {
            bytes += PseudoTerminal.readAvailable(fileDescriptor)
        }

        /// Reads until `done` holds for the frames, for at most 10 s; whether it came to hold.
        @discardableResult
        func wait(until done: ([String]) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                read()
                if done(frames) { return true }
                usleep(10_000)
            }
            return false
        }
    }

    @Test("On a terminal it redraws in place: \\r, the text, erase to the end of the line; clear() erases it last")
    func redraws() throws {
        let pty = try PseudoTerminal(columns: 100)
        let received = Received(pty.controller)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        #expect(progress.isEnabled)
        let start = Date()
        progress.beginStaging("staging_events", files: 4, bytes: 4000)
        for file in 1...3 {
            progress.addStaged(files: 1, bytes: 1000, records: 25)
            let shown = "\(file) of 4 files  \(file).0 kB of 4.0 kB (\(file * 25)%)"
            #expect(received.wait { $0.contains { $0.contains(shown) } }, "never drew \(shown): \(received.frames)")
        }
        progress.clear()
        let elapsed = Date().timeIntervalSince(start)
        received.wait { $0.last == "" }
        let text = received.text
        #expect(text.hasPrefix("\rstaging_events  ") && text.hasSuffix(Self.erase))
        #expect(!text.contains("\n"))
        let drawn = received.frames.dropLast()
        #expect(drawn.allSatisfy { $0.hasPrefix("staging_events  ") }, "\(drawn)")
        #expect(drawn.contains { $0.contains("3 of 4 files") && $0.contains("records/s  ETA ") }, "\(drawn)")
        #expect(Double(drawn.count) <= elapsed * 10 + 1, "\(drawn.count) redraws in \(elapsed) s")
        // Nothing comes after clear(): the timer has stopped.
        usleep(300_000)
        #expect(pty.read().isEmpty)
    }

    @Test("The line is never wider than the terminal, read again at each redraw")
    func width() throws {
        let pty = try PseudoTerminal(columns: 40)
        let received = Received(pty.controller)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.begin("uploading song_data/A/B/C/TRABCEI128F424C983.json", total: 40_000_000, unit: .bytes)
        progress.advance(by: 12_000_000)
        #expect(received.wait { !$0.isEmpty })
        let narrow = received.frames
        pty.resize(columns: 120)
        progress.advance(by: 1)
        #expect(received.wait { $0.last?.contains("12.0 MB of 40.0 MB (30%)") == true })
        progress.clear()
        // 40 columns: 39 drawn (the last column left free), the 39th the ellipsis.
        #expect(narrow.allSatisfy { DisplayWidth.of($0) == 39 && $0.hasSuffix("…") }, "\(narrow)")
        #expect(narrow.first?.hasPrefix("uploading song_data/A/B/C/TRABCEI128F4") == true)
        #expect(received.frames.last.map { DisplayWidth.of($0) < 119 } == true)
    }

    @Test("A listing shows the objects and bytes found and objects a second; names from outside are escaped")
    func listing() throws {
        let pty = try PseudoTerminal(columns: 120)
        let received = Received(pty.controller)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.beginListing("s3://bucket/song_data/\u{1B}[2J")
        progress.addListed(objects: 1000, bytes: 3_000_000)
        progress.addListed(objects: 200, bytes: 400_000)
        #expect(received.wait { $0.last?.hasPrefix("listing s3://bucket/song_data/\\u{1B}[2J  1,200 objects  3.4 MB  ") == true },
                "\(received.frames.suffix(2))")
        // Objects a second, once time has passed.
        #expect(received.wait { $0.last?.contains(" objects/s  ") == true }, "\(received.frames.suffix(2))")
        progress.clear()
    }

    @Test("An upload shows files and bytes done of all, those already there, bytes sent a second and the time left")
    func upload() throws {
        let pty = try PseudoTerminal(columns: 160)
        let received = Received(pty.controller)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.beginUpload(to: "s3://bucket/sparkify/", files: 15, bytes: 40_000_000)
        progress.addUploaded(bytes: 10_000_000, skipped: true)
        progress.addUploaded(bytes: 2_000_000, skipped: false)
        // 12 MB of 40 done: 30%; one of the two files was there already.
        let expected = "uploading to s3://bucket/sparkify/  2 of 15 files (1 already there)  12.0 MB of 40.0 MB (30%)  "
        #expect(received.wait { $0.last?.hasPrefix(expected) == true && $0.last?.contains("/s  ETA ") == true }, "\(received.frames.suffix(2))")
        progress.addUploaded(bytes: 28_000_000, skipped: false)
        #expect(received.wait { $0.last?.hasPrefix("uploading to s3://bucket/sparkify/  3 of 15 files (1 already there)  40.0 MB of 40.0 MB (100%)  ") == true },
                "\(received.frames.suffix(2))")
        progress.clear()
    }

    @Test("Redraws come at most 10 times a second, however fast the updates, and only when the text changes")
    func throttled() throws {
        let pty = try PseudoTerminal(columns: 100)
        let received = Received(pty.controller)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        let start = Date()
        progress.begin("listing s3://bucket/log_data/", total: nil)
        while Date().timeIntervalSince(start) < 1 {
            progress.advance()
            usleep(200)
            received.read()
        }
        progress.clear()
        let elapsed = Date().timeIntervalSince(start)
        received.wait { $0.last == "" }
        let drawn = received.frames.dropLast()
        #expect(drawn.count >= 1 && Double(drawn.count) <= elapsed * 10 + 1, "\(drawn.count) redraws in \(elapsed) s")
        #expect(Set(drawn).count == drawn.count, "a text redrawn unchanged")
    }

    @Test("Updates from many threads are all counted")
    func threads() throws {
        let pty = try PseudoTerminal(columns: 100)
        let received = Received(pty.controller)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.begin("downloading", total: 40_000)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<10_000 { progress.advance() }
        }
        #expect(received.wait { $0.last?.hasPrefix("downloading  40,000 of 40,000 (100%)  ") == true }, "\(received.frames.suffix(3))")
        progress.clear()
    }

    @Test("A step shows its name and how long it has run; names from outside are escaped")
    func steps() throws {
        let pty = try PseudoTerminal(columns: 100)
        let received = Received(pty.controller)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.beginStep("waiting for cluster \u{1B}]0;owned\u{7}")
        #expect(received.wait { $0.count >= 2 })
        progress.clear()
        received.wait { $0.last == "" }
        let drawn = received.frames.dropLast()
        #expect(drawn.allSatisfy { $0.hasPrefix("waiting for cluster \\u{1B}]0;owned\\u{7}  ") && $0.hasSuffix(" s") }, "\(drawn)")
        // The only escape bytes are the line's own erases.
        #expect(received.bytes.filter { $0 == 0x1B }.count == drawn.count + 1)
        #expect(!received.bytes.contains(0x07))
    }

    @Test("whileCleared: the line is erased before the body prints, and comes back after")
    func interleaved() throws {
        let pty = try PseudoTerminal(columns: 100)
        let received = Received(pty.controller)
        let progress = ProgressLine(fileDescriptor: pty.terminal, environment: Self.terminal)
        progress.beginStep("transform songplays")
        #expect(received.wait { !$0.isEmpty })
        progress.whileCleared {
            _ = "log_data/x.json:3: bad record\n".withCString { write(pty.terminal, $0, strlen($0)) }
        }
        let warning = "\u{1B}[K" + Self.erase + "log_data/x.json:3: bad record\n\rtransform songplays  "
        #expect(received.wait { _ in received.text.contains(warning) }, "\(received.text.debugDescription)")
        progress.clear()
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
                usleep(300_000)
                progress.whileCleared {}
                progress.clear()
            }
            try pipe.fileHandleForWriting.close()
            #expect(pipe.fileHandleForReading.readDataToEndOfFile().isEmpty)
            #expect(pty.read().isEmpty)
        }

        let pipe = Pipe()
        let received = Received(pipe.fileHandleForReading.fileDescriptor)
        let forced = ProgressLine(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor, environment: ["TERM": "dumb"], force: true)
        #expect(forced.isEnabled)
        forced.beginStep(String(repeating: "x", count: 200))
        #expect(received.wait { !$0.isEmpty })
        forced.clear()
        received.wait { $0.last == "" }
        // No terminal to ask: 80 columns, 79 drawn; no UTF-8 locale: an ASCII ellipsis.
        #expect(received.frames.dropLast() == [String(repeating: "x", count: 76) + "..."])
        let quietAndForced = ProgressLine(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor, environment: [:], quiet: true, force: true)
        #expect(!quietAndForced.isEnabled)
    }
}
