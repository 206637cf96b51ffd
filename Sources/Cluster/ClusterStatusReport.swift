import Foundation

/// `cluster status`: what Redshift and EC2 say of the cluster, in one short block.
package struct ClusterStatusReport: Sendable {
    /// The cluster, or nil when there is none.
    package let cluster: ClusterDescription?
    /// The identifier asked for.
    package let identifier: String
    /// The rules of its security groups that let connections to its port in, with their groups.
    package let openings: [(group: String, rule: IngressRule)]
    /// Its port.
    package let port: Int

    /// Looks the cluster `settings` describe up through `api`, and the rules admitting its port.
    package static func look(_ settings: ClusterSettings, api: any ClusterAPI) async throws -> ClusterStatusReport {
        let identifier = settings.clusterIdentifier
        guard let cluster = try await RedshiftClusters(api: api).describe(identifier) else {
            return ClusterStatusReport(cluster: nil, identifier: identifier, openings: [], port: settings.port)
        }
        let port = cluster.endpointPort ?? settings.port
        let groups = try await SecurityGroupIngress(api: api).groups(of: cluster)
        let openings = groups.flatMap { group in group.rules.filter { $0.admits(port: port) }.map { (group.id, $0) } }
        return ClusterStatusReport(cluster: cluster, identifier: identifier, openings: openings, port: port)
    }

    /// The block, its ages counted to `now`.
    package func text(now: Date = Date()) -> String {
        guard let cluster else { return "cluster \(identifier): none (create it with `sparkify-load cluster create`)" }
        var lines = ["cluster \(cluster.identifier): \(cluster.status)"]
        let endpoint = cluster.endpointAddress.map { "\($0):\(cluster.endpointPort.map(String.init) ?? "?")" } ?? "not yet assigned"
        lines.append("  endpoint  \(endpoint)")
        lines.append("  database  \(cluster.databaseName ?? "?") as \(cluster.masterUsername ?? "?")")
        lines.append("  nodes     \(ClusterCreation.shape(cluster))")
        if let created = cluster.createdAt {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            lines.append("  created   \(formatter.string(from: created)) UTC (\(DurationText.seconds(Int(now.timeIntervalSince(created)))) ago)")
        }
        lines.append("  role      \(cluster.roleARNs.isEmpty ? "none" : cluster.roleARNs.joined(separator: ", "))")
        let ours = SecurityGroupIngress.ruleDescription(cluster: identifier)
        let open = openings.map { "\($0.rule.cidr)\($0.rule.description == ours ? " (added by sparkify-load)" : "") in \($0.group)" }
        lines.append("  port \(port) " + (open.isEmpty ? "closed to every address" : "open to \(open.joined(separator: ", "))"))
        if cluster.publiclyAccessible == false { lines.append("  (not publicly accessible: reachable from inside its VPC only)") }
        return lines.joined(separator: "\n")
    }
}
