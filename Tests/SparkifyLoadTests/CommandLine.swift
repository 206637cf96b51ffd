import Foundation

/// What a run of the built `sparkify-load` printed, and its exit status.
struct CommandResult {
    let status: Int32
    let output: String
    let errors: String

    /// The lines printed on standard error.
    var errorLines: [String] { errors.split(separator: "\n").map(String.init) }
}

/// The built command-line tool, run as a user runs it.
enum SparkifyLoadCommand {
    /// The executable, next to the test bundle in the build folder.
    static let executable: URL = {
        let folder = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent()
            : Bundle.main.bundleURL
        return folder.appendingPathComponent("sparkify-load")
    }()

    /// The package's `samples/` folder.
    static let samples: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("samples").path
    }()

    /// `sparkify-load arguments…` (or another `executable`) in `directory`, not yet started,
    /// with the test's environment less libpq's and sparkify's own variables, plus `environment`.
    static func process(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                        executable: String? = nil) -> Process {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? Self.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment
            .filter { !$0.key.hasPrefix("PG") && !$0.key.hasPrefix("SPARKIFY_") }
            .merging(environment) { _, new in new }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        return process
    }

    /// Runs `sparkify-load arguments…` as ``process(_:in:environment:executable:)`` makes it,
    /// and waits for it; kills it once it has run for `timeLimit`, if given; `meanwhile` is
    /// called once it has started.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    executable: String? = nil, timeLimit: Duration? = nil,
                    meanwhile: (Process) -> Void = { _ in }) throws -> CommandResult {
        try run(process(arguments, in: directory, environment: environment, executable: executable),
                timeLimit: timeLimit, meanwhile: meanwhile)
    }

    /// Runs `process` and waits for it; kills it once it has run for `timeLimit`, if given;
    /// `meanwhile` is called once it has started.
    static func run(_ process: Process, timeLimit: Duration? = nil, meanwhile: (Process) -> Void = { _ in }) throws -> CommandResult {
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        if let timeLimit {
            DispatchQueue.global().asyncAfter(deadline: .now() + Double(timeLimit.components.seconds), execute: watchdog)
        }
        // Read both pipes while the process runs, so that neither fills up and blocks it.
        nonisolated(unsafe) var errorData = Data()
        let errorsRead = DispatchSemaphore(value: 0)
        Thread {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }.start()
        meanwhile(process)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return CommandResult(status: process.terminationStatus,
                             output: String(decoding: outputData, as: UTF8.self),
                             errors: String(decoding: errorData, as: UTF8.self))
    }
}
