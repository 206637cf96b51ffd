import ArgumentParser
import Cluster
import Foundation

/// `sparkify-load cluster status`: the cluster's state, endpoint, nodes, age, role and port.
struct ClusterStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cluster: state, endpoint, nodes, creation time and age, role, and what its port is open to.",
        discussion: """
            Exit status: 0 when the cluster is available, 75 while it exists but is not (creating, \
            modifying, deleting, paused, …), 69 when there is no such cluster, 78 when the \
            settings cannot be used, 1 for an AWS error.
            """
    )

    @OptionGroup var options: ClusterOptions

    /// Exit status for a cluster that exists but is not available (EX_TEMPFAIL).
    static let notAvailable: Int32 = 75
    /// Exit status for no such cluster (EX_UNAVAILABLE).
    static let absent: Int32 = 69

    func run() throws {
        let session = try ClusterSession(options: options)
        let api = try session.api()
        let settings = session.settings
        let report = try ClusterSession.run { try await ClusterStatusReport.look(settings, api: api) }
        SparkifyLoad.printOutput(report.text())
        // The block says why; the status tells scripts, without an error line.
        guard let cluster = report.cluster else { Foundation.exit(Self.absent) }
        if !cluster.isAvailable { Foundation.exit(Self.notAvailable) }
    }
}
