import AWS

/// An EC2 security group and its inbound IPv4 rules.
package struct SecurityGroup: Sendable {
    /// Its id, such as `sg-0123…`.
    package let id: String
    /// Its inbound rules.
    package let rules: [IngressRule]

    /// The groups of a DescribeSecurityGroups response.
    static func groups(in response: XMLTree) -> [SecurityGroup] {
        (response.first("securityGroupInfo")?.children ?? []).compactMap { item in
            item["groupId"].map { SecurityGroup(id: $0, rules: IngressRule.rules(in: item.child("ipPermissions"))) }
        }
    }
}
