import AWS
import BackendRedshift
import Cluster
import Foundation
import S3Staging

/// What the `cluster` subcommands share: their settings, the AWS calls, the terminal.
struct ClusterSession {
    /// The settings file.
    let configPath: String
    /// The `[DWH]` settings, checked.
    let settings: ClusterSettings
    /// The process's environment.
    let environment: [String: String]

    /// The time between two looks at a cluster being waited for.
    static let pollInterval = Duration.seconds(15)

    /// Reads and checks the settings; every failure is a ``CommandFailure``.
    init(options: ClusterOptions) throws {
        environment = ProcessInfo.processInfo.environment
        configPath = options.config
        do {
            settings = try ClusterSettings(configPath: configPath, environment: environment)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Whether standard input is a terminal someone can answer questions on.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// AWS, reached with the credentials and region resolved from the environment, the
    /// profile and the settings file's `[AWS]`.
    func api() throws -> AWSClusterAPI {
        do {
            let configuration = try AWSConfiguration.resolve(seed: AWSSeed(configPath: configPath, environment: environment), environment: environment)
            return AWSClusterAPI(configuration: configuration)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// A waiter on the real clock, for at most `timeout`.
    static func waiter(timeout: WaitTimeout) -> ClusterWaiter<ContinuousClock> {
        ClusterWaiter(clock: ContinuousClock(), interval: pollInterval, timeout: timeout.duration)
    }

    /// Runs `operation`, blocking this thread; its failure becomes a ``CommandFailure``.
    static func run<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
        do {
            return try Blocking.run(operation)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Asks `question` on standard error and reads one line of answer; nil at the end of input.
    static func ask(_ question: String) -> String? {
        FileHandle.standardError.write(Data(question.utf8))
        return readLine()?.trimmingCharacters(in: .whitespaces)
    }
}
