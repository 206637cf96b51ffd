import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Programs the AWS tests run: moto's server and botocore's signer. They are started with
/// `posix_spawn`, not Foundation's `Process`, whose run-loop wait can deadlock inside a lazy
/// static initializer; output goes through a file, not a pipe, which a server would hold open.
public enum ChildProcess {
    /// Runs `command` to its end with `input` on its standard input; returns its exit status
    /// its standard output and its standard error.
    public static func run(_ command: [String], input: Data = Data(), environment: [String: String]? = nil) throws -> (status: Int32, output: String, errors: String) {
        let base = NSTemporaryDirectory() + "sparkify-aws-child-" + UUID().uuidString
        defer { ["-in", "-out", "-err"].forEach { unlink(base + $0) } }
        try input.write(to: URL(fileURLWithPath: base + "-in"))
        let pid = try spawn(command, stdin: base + "-in", stdout: base + "-out", stderr: base + "-err", environment: environment)
        let status = wait(for: pid)
        let read = { (suffix: String) in (try? String(contentsOfFile: base + suffix, encoding: .utf8)) ?? "" }
        return (status, read("-out"), read("-err"))
    }

    /// Starts `command` with its standard streams redirected to files; returns its pid.
    public static func spawn(_ command: [String], stdin: String = "/dev/null", stdout: String, stderr: String,
                             environment: [String: String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, command[0], &actions, nil, argv, variables)
        guard spawned == 0 else { throw ChildProcessError("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        return pid
    }

    /// Waits for `pid` to end; returns its exit status (128 + the signal when killed).
    @discardableResult
    public static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// The first of `candidates` that is an executable file, else `name` found on PATH.
    public static func find(_ name: String, candidates: [String?]) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { $0 + "/" + name }
        return (candidates.compactMap { $0 } + path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The package's root folder, where `.venv` lives.
    public static let packageRoot: String = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root.path
    }()
}

/// Why a program could not be run, or what it said when it failed.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
