import AWS

/// `cluster delete`: the cluster, then the port rules this tool added, then the role and its
/// policies. What is gone already is said to be, and is no error, so that running it again
/// finishes an interrupted run and then changes nothing.
package struct ClusterDeletion: Sendable {
    /// The `[DWH]` settings.
    package let settings: ClusterSettings
    /// Where the calls go.
    package let api: any ClusterAPI
    /// The snapshot to take before deleting, or nil for none.
    package let finalSnapshot: String?

    /// A deletion of what `settings` describe through `api`.
    package init(settings: ClusterSettings, api: any ClusterAPI, finalSnapshot: String?) {
        self.settings = settings
        self.api = api
        self.finalSnapshot = finalSnapshot
    }

    /// Deletes each part in order, telling `report` one line for each; waits until the cluster
    /// is gone with `waiter` when given, telling `progress` of each state seen. Returns
    /// whether it found anything to delete.
    @discardableResult
    package func run<WaitClock: Clock>(waiter: ClusterWaiter<WaitClock>?, report: (String) -> Void,
                                       progress: (String, Duration) -> Void) async throws -> Bool {
        let identifier = settings.clusterIdentifier
        let clusters = RedshiftClusters(api: api)
        var found = false
        switch try await clusters.describe(identifier) {
        case nil:
            report("cluster \(identifier): gone already")
        case let cluster? where cluster.status == "deleting":
            found = true
            report("cluster \(identifier): being deleted already")
        case .some:
            found = try await clusters.delete(identifier, finalSnapshot: finalSnapshot)
            let snapshot = finalSnapshot.map { "after a final snapshot \($0)" } ?? "no final snapshot"
            report(found ? "cluster \(identifier): deleting (\(snapshot))" : "cluster \(identifier): gone already")
        }
        if found, let waiter {
            let started = waiter.clock.now
            _ = try await waiter.wait(for: .gone, cluster: identifier, describe: { try await clusters.describe(identifier) },
                                      progress: progress)
            report("cluster \(identifier): gone, after waiting \(DurationText.text(started.duration(to: waiter.clock.now)))")
        }

        let revoked = try await SecurityGroupIngress(api: api).revokeRules(cluster: identifier)
        for (group, rule) in revoked {
            report("port \(rule.fromPort ?? settings.port): closed to \(rule.cidr) in \(group)")
        }
        if revoked.isEmpty { report("port rules added for \(identifier): none left") }

        if let removed = try await IAMRoles(api: api, region: nil).deleteRole(settings.roleName) {
            let policies = removed.isEmpty ? "" : " (with its policies \(removed.joined(separator: ", ")))"
            report("IAM role \(settings.roleName): deleted\(policies)")
            found = true
        } else {
            report("IAM role \(settings.roleName): gone already")
        }
        return found || !revoked.isEmpty
    }
}
