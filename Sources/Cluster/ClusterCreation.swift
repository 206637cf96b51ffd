import AWS
import S3Staging

/// `cluster create`: the role, its policies, the cluster, its port, and the settings to write,
/// each found when it exists and made when it does not, so that running it again goes on
/// where an interrupted run stopped and changes nothing once all is there.
package struct ClusterCreation: Sendable {
    /// The `[DWH]` settings.
    package let settings: ClusterSettings
    /// Where the calls go.
    package let api: any ClusterAPI
    /// The region, for the partition of ARNs.
    package let region: String?
    /// The range the port is opened to.
    package let openTo: IngressCIDR

    /// A creation of what `settings` describe through `api`, its port opened to `openTo`.
    package init(settings: ClusterSettings, api: any ClusterAPI, region: String?, openTo: IngressCIDR) {
        self.settings = settings
        self.api = api
        self.region = region
        self.openTo = openTo
    }

    /// What a creation left: the cluster as last described, and the settings to write.
    package struct Outcome: Sendable {
        /// The cluster.
        package let cluster: ClusterDescription
        /// `[CLUSTER] HOST DB_NAME DB_USER DB_PORT` (HOST once Redshift has assigned it) and
        /// `[IAM_ROLE] ARN`.
        package let edits: [ConfigFileEdit]
    }

    /// Makes or finds each part in order, telling `report` one line for each; waits for the
    /// cluster with `waiter` when given, telling `progress` of each state seen.
    package func run<WaitClock: Clock>(waiter: ClusterWaiter<WaitClock>?, report: (String) -> Void,
                                       progress: (String, Duration) -> Void) async throws -> Outcome {
        let roles = IAMRoles(api: api, region: region)
        let role = try await roles.ensureRole(settings.roleName)
        let trustNote = role.trustsRedshift ? "" : "; its trust policy does not let redshift.amazonaws.com assume it, so COPY cannot use it"
        report("IAM role \(settings.roleName): \(role.outcome == .found ? "found" : "created") (\(role.arn)\(trustNote))")
        let readOnly = try await roles.ensureAttached(settings.roleName, policyARN: roles.readOnlyPolicyARN)
        report("  policy AmazonS3ReadOnlyAccess: \(readOnly == .found ? "attached already" : "attached")")
        if let upload = settings.uploadTo {
            let outcome = try await roles.ensureInlinePolicy(settings.roleName, policyName: IAMRoles.uploadPolicyName,
                                                             document: roles.uploadPolicy(upload))
            let done = [ClusterStepOutcome.found: "set already", .created: "set", .updated: "updated"][outcome]!
            report("  policy \(IAMRoles.uploadPolicyName) (read and write \(upload.asFolder)*): \(done)")
        }

        let clusters = RedshiftClusters(api: api)
        let identifier = settings.clusterIdentifier
        var cluster: ClusterDescription
        if let existing = try await clusters.describe(identifier) {
            guard existing.status != "deleting" else {
                throw ClusterWaitError(identifier: identifier, reason: "is being deleted: once `sparkify-load cluster status` says it is gone, create it again")
            }
            cluster = existing
            let roleNote = existing.roleARNs.contains(role.arn) ? "" : "; it cannot assume \(settings.roleName), so COPY cannot read S3 as that role"
            report("cluster \(identifier): found, \(existing.status) (\(Self.shape(existing))\(roleNote))")
        } else {
            do {
                cluster = try await clusters.create(settings, roleARN: role.arn)
                report("cluster \(identifier): created, \(cluster.status) (\(Self.shape(cluster)))")
            } catch let error as AWSError where error.code == "ClusterAlreadyExists" {
                guard let existing = try await clusters.describe(identifier) else { throw error }
                cluster = existing
                report("cluster \(identifier): found, \(existing.status) (\(Self.shape(existing)))")
            }
        }
        if let waiter, !cluster.isAvailable {
            let started = waiter.clock.now
            cluster = try await waiter.wait(for: .available, cluster: identifier, describe: { try await clusters.describe(identifier) },
                                            progress: progress)!
            report("cluster \(identifier): available, after waiting \(DurationText.text(started.duration(to: waiter.clock.now)))")
        }

        let ingress = SecurityGroupIngress(api: api)
        guard let group = try await ingress.groups(of: cluster).first else {
            throw AWSError(resource: "ec2 DescribeSecurityGroups", code: "NoSecurityGroup", message: "cluster \(identifier) has no security group to open its port in")
        }
        let port = cluster.endpointPort ?? settings.port
        let opened = try await ingress.authorize(group, port: port, cidr: openTo, cluster: identifier)
        report("port \(port): \(opened == .found ? "open already" : "opened") to \(openTo) in \(group.id)")

        var edits: [ConfigFileEdit] = []
        if let host = cluster.endpointAddress { edits.append(ConfigFileEdit("CLUSTER", "HOST", host)) }
        edits += [
            ConfigFileEdit("CLUSTER", "DB_NAME", cluster.databaseName ?? settings.databaseName),
            ConfigFileEdit("CLUSTER", "DB_USER", cluster.masterUsername ?? settings.databaseUser),
            ConfigFileEdit("CLUSTER", "DB_PORT", String(port)),
            ConfigFileEdit("IAM_ROLE", "ARN", role.arn),
        ]
        return Outcome(cluster: cluster, edits: edits)
    }

    /// `multi-node, 4 nodes of dc2.large` or `single-node, dc2.large`.
    package static func shape(_ cluster: ClusterDescription) -> String {
        let nodes = cluster.numberOfNodes ?? 1
        return nodes == 1 ? "single-node, \(cluster.nodeType)" : "multi-node, \(nodes) nodes of \(cluster.nodeType)"
    }
}
