import AWS
import Foundation

/// What Redshift says of a cluster (an element `<Cluster>` of DescribeClusters,
/// CreateCluster or DeleteCluster).
package struct ClusterDescription: Sendable {
    /// The identifier, as Redshift spells it (lower case on AWS).
    package let identifier: String
    /// `creating`, `available`, `modifying`, `deleting`, …
    package let status: String
    /// The node type, such as `dc2.large`.
    package let nodeType: String
    /// How many nodes.
    package let numberOfNodes: Int?
    /// The database created with it.
    package let databaseName: String?
    /// The admin user.
    package let masterUsername: String?
    /// The host to connect to, once Redshift has assigned it.
    package let endpointAddress: String?
    /// The port to connect to.
    package let endpointPort: Int?
    /// When it was created.
    package let createdAt: Date?
    /// The IAM roles it may assume.
    package let roleARNs: [String]
    /// Its VPC security groups' ids.
    package let securityGroupIDs: [String]
    /// Its VPC, when Redshift says.
    package let vpcID: String?
    /// Whether it has a public address.
    package let publiclyAccessible: Bool?

    /// The description in `element`, a `<Cluster>`; nil when it lacks an identifier.
    package init?(_ element: XMLTree) {
        guard let identifier = element["ClusterIdentifier"], !identifier.isEmpty else { return nil }
        self.identifier = identifier
        status = element["ClusterStatus"] ?? "unknown"
        nodeType = element["NodeType"] ?? ""
        numberOfNodes = element["NumberOfNodes"].flatMap { Int($0) }
        databaseName = element["DBName"]
        masterUsername = element["MasterUsername"]
        endpointAddress = element.child("Endpoint")?["Address"].flatMap { $0.isEmpty ? nil : $0 }
        endpointPort = element.child("Endpoint")?["Port"].flatMap { Int($0) }
        createdAt = element["ClusterCreateTime"].flatMap(Self.date)
        roleARNs = element.child("IamRoles")?.children.compactMap { $0["IamRoleArn"] } ?? []
        securityGroupIDs = element.child("VpcSecurityGroups")?.children.compactMap { $0["VpcSecurityGroupId"] } ?? []
        vpcID = element["VpcId"].flatMap { $0.isEmpty ? nil : $0 }
        publiclyAccessible = element["PubliclyAccessible"].map { $0 == "true" }
    }

    /// Whether it can be connected to.
    package var isAvailable: Bool { status == "available" }

    /// An ISO-8601 time, with or without fractions of a second.
    static func date(_ text: String) -> Date? {
        let withFractions = ISO8601DateFormatter()
        withFractions.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return withFractions.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
