import ArgumentParser
import Cluster
import Foundation

/// `sparkify-load cluster create`: the role, the cluster, its port, and the settings for loads.
struct ClusterCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create the IAM role, the Redshift cluster and the rule opening its port; write the endpoint into the settings file.",
        discussion: """
            In order: the IAM role DWH_IAM_ROLE_NAME, which Redshift may assume, with \
            AmazonS3ReadOnlyAccess (and read-write access to [S3] UPLOAD_TO when set); the \
            cluster, from [DWH]; a wait until it is available (with --wait, the default on a \
            terminal); TCP DWH_PORT opened in its security group to --open-to, else to your own \
            public address; then [CLUSTER] HOST DB_NAME DB_USER DB_PORT and [IAM_ROLE] ARN \
            written into the settings file, every other line left as it was. What exists is \
            found and kept, so an interrupted create goes on when run again.

            Exit status: 0 when done, 64 for a usage error or no address to open the port to, \
            78 when the settings cannot be used, 1 for an AWS error or a timeout.
            """
    )

    @OptionGroup var options: ClusterOptions

    @Flag(inversion: .prefixedNo, help: "Wait until the cluster is available, then write its HOST. (default: on a terminal)")
    var wait: Bool?

    @Option(help: ArgumentHelp("Open the cluster's port to this IPv4 range, such as 203.0.113.7/32; 0.0.0.0/0 (the whole internet) only when written so. (default: your own public address)", valueName: "CIDR"))
    var openTo: String?

    @Option(help: "The longest wait for the cluster, such as 20m, 90s or 1h.")
    var timeout = WaitTimeout.standard

    @Flag(help: "Print every AWS call a first run makes, in order, with its parameters (the password as ***), and change nothing.")
    var dryRun = false

    @OptionGroup var display: ProgressOptions

    func validate() throws {
        guard let openTo else { return }
        let range: IngressCIDR
        do {
            range = try IngressCIDR(openTo)
        } catch {
            throw ValidationError("--open-to \(error)")
        }
        if range.isEverywhere && openTo != "0.0.0.0/0" {
            throw ValidationError("--open-to \(openTo) is every address: write 0.0.0.0/0 exactly to open the port to the whole internet")
        }
    }

    func run() throws {
        let session = try ClusterSession(options: options)
        let openTo = try range(session)
        if openTo.isEverywhere {
            SparkifyLoad.printError("warning: port \(session.settings.port) will be open to the whole internet (0.0.0.0/0)")
        }
        if dryRun {
            try printPlan(session, openTo: openTo)
            return
        }
        let api = try session.api()
        let creation = ClusterCreation(settings: session.settings, api: api, region: api.configuration.region, openTo: openTo)
        let output = ClusterOutput(progress: display.line())
        let waiter = wait ?? ClusterSession.isInteractive ? ClusterSession.waiter(timeout: timeout) : nil
        let identifier = session.settings.clusterIdentifier
        let outcome = try ClusterSession.run {
            try await creation.run(waiter: waiter, report: output.report, progress: output.waiting(for: identifier, until: "available"))
        }
        let changed: [ConfigFileEdit]
        do {
            changed = try ConfigFileEditor.write(outcome.edits, to: session.configPath)
        } catch {
            throw CommandFailure(error)
        }
        output.report(changed.isEmpty
            ? "\(session.configPath): up to date"
            : "\(session.configPath): wrote \(Self.keys(changed))")
        if outcome.cluster.endpointAddress == nil {
            output.report("cluster \(identifier) is \(outcome.cluster.status) and has no endpoint yet: run `sparkify-load cluster create --wait` to wait for it and write [CLUSTER] HOST")
        }
    }

    /// The range to open the port to: `--open-to`, else the caller's public address, else
    /// the answer to a question on a terminal. Without any, it refuses (64).
    private func range(_ session: ClusterSession) throws -> IngressCIDR {
        if let openTo { return try IngressCIDR(openTo) }
        let url = CallerAddress.url(environment: session.environment)
        do {
            return try ClusterSession.run { try await CallerAddress.learn(from: url) }
        } catch let failure as CommandFailure {
            guard ClusterSession.isInteractive else {
                throw CommandFailure(message: "\(failure.message): give the range to open port \(session.settings.port) to with --open-to CIDR", status: 64)
            }
            SparkifyLoad.printError(failure.message)
            guard let answer = ClusterSession.ask("Open port \(session.settings.port) of cluster \(session.settings.clusterIdentifier) to which IPv4 range (such as 203.0.113.7/32)? "),
                  !answer.isEmpty else {
                throw CommandFailure(message: "no range to open port \(session.settings.port) to: nothing was created", status: 64)
            }
            do {
                return try IngressCIDR(answer)
            } catch {
                throw CommandFailure(message: "\(error): nothing was created", status: 64)
            }
        }
    }

    /// Prints the calls a first run makes, made against ``DryRunClusterAPI``.
    private func printPlan(_ session: ClusterSession, openTo: IngressCIDR) throws {
        let api = DryRunClusterAPI()
        let creation = ClusterCreation(settings: session.settings, api: api, region: nil, openTo: openTo)
        let outcome = try ClusterSession.run {
            try await creation.run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { _ in }, progress: { _, _ in })
        }
        var lines = ["AWS calls of a first run, in order (a look-up that finds its resource replaces the call that would make it):"]
        lines += api.calls.map { "  \($0)" }
        let waits = wait ?? ClusterSession.isInteractive
        if waits {
            lines.append("then redshift DescribeClusters ClusterIdentifier=\(session.settings.clusterIdentifier) every \(ClusterSession.pollInterval.components.seconds) s until available (at most \(DurationText.text(timeout.duration)))")
        }
        let keys = Self.keys([ConfigFileEdit("CLUSTER", "HOST", "")] + outcome.edits)
        lines.append("then \(session.configPath): would write \(keys) (HOST once the cluster has its endpoint)")
        SparkifyLoad.printOutput(lines.joined(separator: "\n"))
    }

    /// `[CLUSTER] HOST DB_NAME, [IAM_ROLE] ARN`, in the order of `edits`.
    static func keys(_ edits: [ConfigFileEdit]) -> String {
        var sections: [(String, [String])] = []
        for edit in edits {
            if let index = sections.firstIndex(where: { $0.0 == edit.section }) {
                if !sections[index].1.contains(edit.key) { sections[index].1.append(edit.key) }
            } else {
                sections.append((edit.section, [edit.key]))
            }
        }
        return sections.map { "[\($0.0)] \($0.1.joined(separator: " "))" }.joined(separator: ", ")
    }
}
