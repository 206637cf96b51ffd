import AWS
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real local AWS endpoint for the tests: moto's server (`moto_server`, from
/// `moto[server]`) on 127.0.0.1 at a free port, started once per test process and stopped
/// when it exits.
///
/// The verifying server starts with `INITIAL_NO_AUTH_ACTION_COUNT` set to the number of IAM
/// calls that set it up (unchecked): two users, one with a policy allowing everything, and an
/// access key for each. From then on moto checks every request's SigV4 signature against the
/// keys it issued and the user's policies, so a signing bug fails a test, and the user without
/// a policy gets AccessDenied.
///
/// moto's checker cannot check every request: it rebuilds the canonical request from the URL
/// as its web framework re-encodes it, so a path or query holding `+`, `%`, `;`, `~`, `=`,
/// `&`, non-ASCII or (in the query) `/` fails even botocore's own signature. Requests like
/// those go to the second, non-verifying server (`require(verifyingSignatures: false)`);
/// their signatures are checked against botocore's instead (the differential test).
public final class MotoServer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// Keys of a user allowed everything.
    public let admin: AWSCredentials
    /// Keys of a user with no policy: every call is AccessDenied.
    public let restricted: AWSCredentials
    /// The calls made before moto starts checking signatures.
    static let setupCalls = 5

    /// Whether tests that need moto run: `moto_server` is installed, or
    /// `SPARKIFY_REQUIRE_MOTO` is set (as in CI), so that its absence fails them.
    public static var isEnabled: Bool {
        ProcessInfo.processInfo.environment["SPARKIFY_REQUIRE_MOTO"] != nil || executable != nil
    }

    /// Why moto tests are skipped here.
    public static let skipReason: Comment = "moto's server is not installed ($MOTO_SERVER, .venv/bin/moto_server or PATH); .ci/run installs moto[server]"

    /// The server, started on first use; fails the test with the reason when it cannot start.
    /// With `verifyingSignatures` false, a second server that accepts any signature.
    public static func require(verifyingSignatures: Bool = true) async throws -> MotoServer {
        try await (verifyingSignatures ? verifying : accepting).value
    }

    private static let verifying = Task { try await MotoServer(verifyingSignatures: true) }
    private static let accepting = Task { try await MotoServer(verifyingSignatures: false) }

    /// `moto_server`: `$MOTO_SERVER`, `.venv/bin/moto_server`, or PATH.
    static let executable = ChildProcess.find("moto_server", candidates: [
        ProcessInfo.processInfo.environment["MOTO_SERVER"], ChildProcess.packageRoot + "/.venv/bin/moto_server",
    ])

    /// The endpoint URL, `http://127.0.0.1:PORT`.
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Settings that send every service to this server, signed with `credentials` (unsigned
    /// when nil), in `region`.
    public func configuration(_ credentials: AWSCredentials?, region: String = "us-east-1", endpoint: String? = nil) -> AWSConfiguration {
        AWSConfiguration(credentials: credentials, region: region, endpointOverride: AWSEndpoint(url: endpoint ?? self.endpoint))
    }

    /// Options with short pauses between retries, so that failure tests run quickly.
    public static let options = AWSClientOptions(requestTimeout: .seconds(60), maxAttempts: 4, retryBaseDelay: .milliseconds(20), retryMaxDelay: .milliseconds(200))

    private init(verifyingSignatures: Bool) async throws {
        guard let executable = Self.executable else { throw ChildProcessError(Self.skipReason.rawValue) }
        var environment = ProcessInfo.processInfo.environment
        if verifyingSignatures { environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(Self.setupCalls) }
        environment["MOTO_ALLOW_NONEXISTENT_REGION"] = "true"
        // AWS's managed policies (AmazonS3ReadOnlyAccess, …), which a cluster's role attaches.
        environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
        port = try await Self.start(executable, environment: environment)
        let iam = AWSQueryClient(service: .iam, configuration: AWSConfiguration(
            credentials: AWSCredentials(accessKeyID: "AKIASETUPONLY0000000", secretAccessKey: "unchecked"), region: "us-east-1",
            endpointOverride: AWSEndpoint(url: "http://127.0.0.1:\(port)")), options: AWSClientOptions(maxAttempts: 1))
        let everything = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        _ = try await iam.call("CreateUser", [("UserName", "sparkify-admin")])
        _ = try await iam.call("PutUserPolicy", [("UserName", "sparkify-admin"), ("PolicyName", "everything"), ("PolicyDocument", everything)])
        admin = try await Self.createAccessKey(iam, user: "sparkify-admin")
        _ = try await iam.call("CreateUser", [("UserName", "sparkify-restricted")])
        restricted = try await Self.createAccessKey(iam, user: "sparkify-restricted")
    }

    /// Starts `moto_server` on a free port and waits until it listens; returns the port. A
    /// port taken meanwhile by another server (a race between choosing and binding) is
    /// followed by another try on another port.
    private static func start(_ executable: String, environment: [String: String]) async throws -> Int {
        for _ in 0..<5 {
            let port = try TCPPort.free()
            let log = NSTemporaryDirectory() + "sparkify-moto-\(port).log"
            let pid = try ChildProcess.spawn([executable, "-H", "127.0.0.1", "-p", String(port)], stdout: log, stderr: log, environment: environment)
            running.withLock { $0.append((pid, log)) }
            atexit { MotoServer.stopRunning() }
            let started = ContinuousClock.now
            while !TCPPort.accepts(port) {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    running.withLock { $0.removeAll { $0.pid == pid } }
                    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                    guard output.contains("Address already in use") else { throw ChildProcessError("moto_server exited: \(output)") }
                    break
                }
                guard ContinuousClock.now - started < .seconds(60) else { throw ChildProcessError("moto_server did not listen on port \(port) within 60 s") }
                try await Task.sleep(for: .milliseconds(100))
            }
            if TCPPort.accepts(port) { return port }
        }
        throw ChildProcessError("moto_server found no free port in 5 tries")
    }

    private static func createAccessKey(_ iam: AWSQueryClient, user: String) async throws -> AWSCredentials {
        let response = try await iam.call("CreateAccessKey", [("UserName", user)])
        guard let key = response.first("AccessKey"), let id = key["AccessKeyId"], let secret = key["SecretAccessKey"] else {
            throw ChildProcessError("CreateAccessKey for \(user) returned no key")
        }
        return AWSCredentials(accessKeyID: id, secretAccessKey: secret)
    }

    /// The running servers' pids and logs, for the exit handler.
    private static let running = Locked<[(pid: pid_t, log: String)]>([])

    /// Stops the servers this process started and removes their logs (the exit handler).
    private static func stopRunning() {
        let servers = running.withLock { servers in
            defer { servers = [] }
            return servers
        }
        for (pid, log) in servers {
            defer { unlink(log) }
            kill(pid, SIGTERM)
            var stopped = false
            for _ in 0..<50 where !stopped {
                var status: Int32 = 0
                stopped = waitpid(pid, &status, WNOHANG) == pid
                if !stopped { usleep(20_000) }
            }
            if !stopped {
                kill(pid, SIGKILL)
                ChildProcess.wait(for: pid)
            }
        }
    }
}
