import AWS

/// EC2's calls for a cluster's network access: find its security groups, open its port to a
/// range, and take back the rules this tool added. The rules it adds carry the description
/// `sparkify-load cluster IDENTIFIER`, which is how `cluster delete` knows them from the
/// rules someone else added.
package struct SecurityGroupIngress: Sendable {
    /// Where the calls go.
    package let api: any ClusterAPI

    /// Calls through `api`.
    package init(api: any ClusterAPI) {
        self.api = api
    }

    /// The description of the rules this tool adds for the cluster `identifier`.
    package static func ruleDescription(cluster identifier: String) -> String {
        "sparkify-load cluster \(identifier.lowercased())"
    }

    /// The cluster's VPC security groups. When Redshift names none (moto does not), the
    /// default security group of its VPC, or of the region's default VPC when Redshift names
    /// no VPC either: where AWS puts a cluster created without security groups.
    package func groups(of cluster: ClusterDescription) async throws -> [SecurityGroup] {
        if !cluster.securityGroupIDs.isEmpty {
            let ids = cluster.securityGroupIDs.enumerated().map { ("GroupId.\($0.offset + 1)", $0.element) }
            return SecurityGroup.groups(in: try await api.send(ClusterCall(.ec2, "DescribeSecurityGroups", ids)))
        }
        var vpc = cluster.vpcID
        if vpc == nil {
            let vpcs = try await api.send(ClusterCall(.ec2, "DescribeVpcs", [("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true")]))
            vpc = vpcs.first("vpcSet")?.children.first?["vpcId"]
        }
        guard let vpc else {
            throw AWSError(resource: "ec2 DescribeVpcs", code: "NoDefaultVPC",
                           message: "cluster \(cluster.identifier) names no security group and the region has no default VPC")
        }
        let response = try await api.send(ClusterCall(.ec2, "DescribeSecurityGroups", [
            ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpc), ("Filter.2.Name", "group-name"), ("Filter.2.Value.1", "default"),
        ]))
        return SecurityGroup.groups(in: response)
    }

    /// Lets TCP connections from `cidr` to `port` into `group`, unless a rule of exactly that
    /// port and range is there.
    package func authorize(_ group: SecurityGroup, port: Int, cidr: IngressCIDR, cluster identifier: String) async throws -> ClusterStepOutcome {
        if group.rules.contains(where: { $0.ipProtocol == "tcp" && $0.fromPort == port && $0.toPort == port && $0.cidr == cidr.description }) {
            return .found
        }
        do {
            _ = try await api.send(ClusterCall(.ec2, "AuthorizeSecurityGroupIngress", Self.permission(group: group.id, port: port, cidr: cidr.description)
                + [("IpPermissions.1.IpRanges.1.Description", Self.ruleDescription(cluster: identifier))]))
        } catch let error as AWSError where error.code == "InvalidPermission.Duplicate" {
            return .found
        }
        return .created
    }

    /// Takes back every rule this tool added for the cluster `identifier`, in any security
    /// group of the region; returns each group and range it closed.
    package func revokeRules(cluster identifier: String) async throws -> [(group: String, rule: IngressRule)] {
        let description = Self.ruleDescription(cluster: identifier)
        var revoked: [(group: String, rule: IngressRule)] = []
        for group in SecurityGroup.groups(in: try await api.send(ClusterCall(.ec2, "DescribeSecurityGroups"))) {
            for rule in group.rules where rule.description == description && rule.ipProtocol == "tcp" {
                guard let port = rule.fromPort, rule.toPort == port else { continue }
                do {
                    _ = try await api.send(ClusterCall(.ec2, "RevokeSecurityGroupIngress", Self.permission(group: group.id, port: port, cidr: rule.cidr)))
                } catch let error as AWSError where error.code == "InvalidPermission.NotFound" {
                    continue
                }
                revoked.append((group.id, rule))
            }
        }
        return revoked
    }

    /// The parameters of one TCP permission for `port` from `cidr` in `group`.
    private static func permission(group: String, port: Int, cidr: String) -> [(name: String, value: String)] {
        [("GroupId", group), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", String(port)),
         ("IpPermissions.1.ToPort", String(port)), ("IpPermissions.1.IpRanges.1.CidrIp", cidr)]
    }
}
