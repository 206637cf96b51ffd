import ArgumentParser
import Cluster
import Foundation

/// `sparkify-load cluster delete`: the cluster, its port rules and its role, after asking.
struct ClusterDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete the cluster (and its data, unless --final-snapshot), the port rules create added, and the IAM role.",
        discussion: """
            On a terminal it asks first; elsewhere it refuses unless --yes. What is gone \
            already is said to be, and running it again is safe.

            Exit status: 0 when done or nothing was left, 64 for a usage error or no \
            confirmation, 78 when the settings cannot be used, 1 for an AWS error or a timeout.
            """
    )

    @OptionGroup var options: ClusterOptions

    @Flag(help: "Delete without asking.")
    var yes = false

    @Option(help: ArgumentHelp("Keep the cluster's data in a snapshot of this name before deleting it.", valueName: "name"))
    var finalSnapshot: String?

    @Flag(inversion: .prefixedNo, help: "Wait until the cluster is gone. (default: on a terminal)")
    var wait: Bool?

    @Option(help: "The longest wait for the cluster, such as 20m, 90s or 1h.")
    var timeout = WaitTimeout.standard

    @OptionGroup var display: ProgressOptions

    func validate() throws {
        if let finalSnapshot, !ClusterSettings.isIdentifier(finalSnapshot, maximumLength: 255) {
            throw ValidationError("--final-snapshot \(finalSnapshot) is no snapshot name: 1 to 255 letters, digits or hyphens, starting with a letter, no two hyphens in a row nor one at the end")
        }
    }

    func run() throws {
        let session = try ClusterSession(options: options)
        let settings = session.settings
        if !yes {
            guard ClusterSession.isInteractive else {
                throw CommandFailure(message: "refusing to delete cluster \(settings.clusterIdentifier) without a terminal to confirm on: add --yes", status: 64)
            }
            let data = finalSnapshot.map { "its data kept in snapshot \($0)" } ?? "its data lost"
            let answer = ClusterSession.ask("Delete cluster \(settings.clusterIdentifier) (\(data)), its port rules and the IAM role \(settings.roleName)? [y/N] ")
            guard let answer, ["y", "yes"].contains(answer.lowercased()) else {
                throw CommandFailure(message: "cluster \(settings.clusterIdentifier) not deleted", status: 64)
            }
        }
        let deletion = ClusterDeletion(settings: settings, api: try session.api(), finalSnapshot: finalSnapshot)
        let output = ClusterOutput(progress: display.line())
        let waiter = wait ?? ClusterSession.isInteractive ? ClusterSession.waiter(timeout: timeout) : nil
        let identifier = settings.clusterIdentifier
        try ClusterSession.run {
            _ = try await deletion.run(waiter: waiter, report: output.report, progress: output.waiting(for: identifier, until: "gone"))
        }
    }
}
