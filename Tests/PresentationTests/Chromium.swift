import Foundation
import Testing
import WarehouseConformance

/// Headless Chromium, from Debian's `chromium` package: `$CHROMIUM`, or `chromium` or
/// `chromium-browser` on PATH.
enum Chromium {
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        let path = (environment["PATH"] ?? "").split(separator: ":")
        let candidates = [environment["CHROMIUM"]].compactMap { $0 }
            + ["chromium", "chromium-browser"].flatMap { name in path.map { $0 + "/" + name } }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether the browser tests run: Chromium is there, or `SPARKIFY_REQUIRE_BROWSER` is set
    /// (as in CI), so that its absence fails them.
    static var isEnabled: Bool {
        executable != nil || ProcessInfo.processInfo.environment["SPARKIFY_REQUIRE_BROWSER"] != nil
    }

    static let skipReason: Comment = "Chromium is not installed ($CHROMIUM, chromium or chromium-browser on PATH); .ci/run installs Debian's chromium"

    /// How long one run of the browser may take.
    static let timeLimit = 90.0

    /// The DOM of `file` once loaded (scripts run), in a window `width` × `height`, in the
    /// dark colour scheme if `dark`.
    static func dumpDOM(of file: String, width: Int, height: Int, dark: Bool = false) throws -> String {
        try run(["--dump-dom", URL(fileURLWithPath: file).absoluteString], width: width, height: height, dark: dark)
    }

    /// A PNG screenshot of `file` at `png`, in a window `width` × `height`.
    static func screenshot(of file: String, to png: String, width: Int, height: Int, dark: Bool = false) throws {
        _ = try run(["--screenshot=\(png)", URL(fileURLWithPath: file).absoluteString], width: width, height: height, dark: dark)
        #expect(FileManager.default.fileExists(atPath: png), "Chromium wrote no screenshot")
    }

    /// Runs the browser headless with a profile of its own, and returns what it printed.
    private static func run(_ arguments: [String], width: Int, height: Int, dark: Bool) throws -> String {
        let executable = try #require(executable, "Chromium is required here but not installed")
        let profile = TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--no-default-browser-check", "--disable-extensions", "--mute-audio",
                             "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)", "--virtual-time-budget=3000"]
            + (dark ? ["--force-dark-mode"] : []) + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        try #require(process.terminationReason == .exit && process.terminationStatus == 0,
                     "Chromium failed or ran past \(Int(timeLimit)) s (status \(process.terminationStatus))")
        return String(decoding: data, as: UTF8.self)
    }
}
