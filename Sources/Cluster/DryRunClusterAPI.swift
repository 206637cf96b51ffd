import AWS
import Foundation

/// The lifecycle's calls listed, not made (`cluster create --dry-run`). It answers as AWS
/// would where nothing exists yet: look-ups find nothing, and what is created comes back with
/// placeholders for what AWS would assign (`<ARN of role dwhRole>`), so the list holds every
/// call a first run makes, in order. It needs no credentials and sends nothing.
package final class DryRunClusterAPI: ClusterAPI, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [ClusterCall] = []

    /// An empty list.
    package init() {}

    /// The calls, in the order they were made.
    package var calls: [ClusterCall] { lock.withLock { sent } }

    package func send(_ call: ClusterCall) async throws -> XMLTree {
        lock.withLock { sent.append(call) }
        let value = { (name: String) in call.parameters.first { $0.name == name }?.value ?? "" }
        let resource = "\(call.service.signingName) \(call.action)"
        switch call.action {
        case "GetRole", "GetRolePolicy":
            throw AWSError(resource: resource, code: "NoSuchEntity", message: "not looked up in a dry run", statusCode: 404)
        case "DescribeClusters":
            throw AWSError(resource: resource, code: "ClusterNotFound", message: "not looked up in a dry run", statusCode: 404)
        case "CreateRole":
            return try Self.tree("<CreateRoleResponse><CreateRoleResult><Role><RoleName>\(Self.escaped(value("RoleName")))</RoleName>"
                                 + "<Arn>\(Self.escaped("<ARN of role \(value("RoleName"))>"))</Arn></Role></CreateRoleResult></CreateRoleResponse>")
        case "CreateCluster":
            let group = Self.escaped("<security group of cluster \(value("ClusterIdentifier"))>")
            return try Self.tree("<CreateClusterResponse><CreateClusterResult><Cluster>"
                                 + "<ClusterIdentifier>\(Self.escaped(value("ClusterIdentifier")))</ClusterIdentifier>"
                                 + "<ClusterStatus>creating</ClusterStatus><NodeType>\(Self.escaped(value("NodeType")))</NodeType>"
                                 + "<NumberOfNodes>\(Self.escaped(value("NumberOfNodes").isEmpty ? "1" : value("NumberOfNodes")))</NumberOfNodes>"
                                 + "<VpcSecurityGroups><VpcSecurityGroup><VpcSecurityGroupId>\(group)</VpcSecurityGroupId></VpcSecurityGroup></VpcSecurityGroups>"
                                 + "</Cluster></CreateClusterResult></CreateClusterResponse>")
        case "DescribeSecurityGroups":
            let group = Self.escaped(value("GroupId.1"))
            return try Self.tree("<DescribeSecurityGroupsResponse><securityGroupInfo><item><groupId>\(group)</groupId>"
                                 + "<ipPermissions/></item></securityGroupInfo></DescribeSecurityGroupsResponse>")
        default:
            return try Self.tree("<\(call.action)Response/>")
        }
    }

    private static func tree(_ xml: String) throws -> XMLTree {
        try XMLTree.parse(Data(xml.utf8), resource: "dry run")
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
