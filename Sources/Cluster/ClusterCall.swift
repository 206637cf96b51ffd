import AWS

/// One AWS call of the cluster's lifecycle: a service, a Query-protocol action and its
/// parameters, in order. Its description is what `--dry-run` prints: `redshift CreateCluster
/// ClusterIdentifier=dwhcluster … MasterUserPassword=***`, secrets masked.
package struct ClusterCall: Sendable, CustomStringConvertible {
    /// The service called.
    package let service: AWSService
    /// The action, such as `CreateRole`.
    package let action: String
    /// The parameters, as the API names them (`IpPermissions.1.FromPort`).
    package let parameters: [(name: String, value: String)]

    /// Parameters whose values are never shown.
    static let secretParameters: Set<String> = ["MasterUserPassword"]

    /// A call of `action` on `service` with `parameters`.
    package init(_ service: AWSService, _ action: String, _ parameters: [(name: String, value: String)] = []) {
        self.service = service
        self.action = action
        self.parameters = parameters
    }

    /// `service Action Name=value …`, each secret value as `***`, a value with spaces in
    /// single quotes.
    package var description: String {
        let rendered = parameters.map { name, value -> String in
            let shown = Self.secretParameters.contains(name) ? "***" : value
            return "\(name)=" + (shown.contains(" ") || shown.isEmpty ? "'\(shown)'" : shown)
        }
        return ([service.signingName, action] + rendered).joined(separator: " ")
    }
}
