import Foundation
import Testing

/// Python 3, which the browser and JSON tests use to read what was written (its `json`
/// module, its HTML parser, `zlib` for PNG): `python3` on PATH.
enum Python {
    /// The interpreter, if there is one.
    static let executable: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { $0 + "/python3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `script` with `arguments`, `input` on its standard input; its standard output.
    /// Fails the test when Python is missing or the script fails.
    static func run(_ script: String, arguments: [String] = [], input: String = "") throws -> String {
        let executable = try #require(executable, "python3 is not on PATH")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", script] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        nonisolated(unsafe) var errors = Data()
        let errorsRead = DispatchSemaphore(value: 0)
        Thread {
            errors = stderr.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }.start()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        try #require(process.terminationStatus == 0, "python3 failed: \(String(decoding: errors, as: UTF8.self))")
        return text
    }

    /// Runs `script` and decodes what it prints as JSON.
    static func json<Value: Decodable>(_ type: Value.Type, _ script: String, arguments: [String] = [], input: String = "") throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(run(script, arguments: arguments, input: input).utf8))
    }
}
