import AWS

/// One IPv4 range of an inbound rule of a security group.
package struct IngressRule: Sendable, Equatable {
    /// `tcp`, `udp`, `icmp`, or `-1` for every protocol.
    package let ipProtocol: String
    /// The first port, when the protocol has ports.
    package let fromPort: Int?
    /// The last port.
    package let toPort: Int?
    /// The range it lets in.
    package let cidr: String
    /// The rule's description, if any.
    package let description: String?

    /// Whether it lets TCP connections to `port` in.
    package func admits(port: Int) -> Bool {
        if ipProtocol == "-1" { return true }
        guard ipProtocol == "tcp" || ipProtocol == "6", let fromPort, let toPort else { return false }
        return (fromPort...toPort).contains(port)
    }

    /// The rules in an `<ipPermissions>` element of EC2's DescribeSecurityGroups, one per
    /// IPv4 range.
    static func rules(in permissions: XMLTree?) -> [IngressRule] {
        (permissions?.children ?? []).flatMap { permission in
            (permission.child("ipRanges")?.children ?? []).compactMap { range in
                range["cidrIp"].map { cidr in
                    IngressRule(ipProtocol: permission["ipProtocol"] ?? "", fromPort: permission["fromPort"].flatMap { Int($0) },
                                toPort: permission["toPort"].flatMap { Int($0) }, cidr: cidr, description: range["description"])
                }
            }
        }
    }
}
