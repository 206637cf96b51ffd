import AWS
import AWSTestSupport
import BackendRedshift
import Cluster
import Foundation
import Testing
import WarehouseConformance

/// Create, find, show and delete against moto's server, signatures checked; what was made is
/// looked at with AWS's own calls, not through the code under test.
@Suite("The cluster's lifecycle against moto", .serialized, .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct ClusterLifecycleMotoTests {
    let folder = TemporaryFolder()
    let suffix = String(UUID().uuidString.lowercased().filter(\.isLetter).prefix(8))
    var roleName: String { "dwhRole-\(suffix)" }
    var identifier: String { "dwh-\(suffix)" }
    var configPath: String { folder.path + "/dwh.cfg" }

    /// The settings file before `create`: comments, odd spacing, a password in [CLUSTER].
    var original: String {
        """
        ; the session's settings
        [CLUSTER]
        DB_PASSWORD = Secr3tPassw0rd

        [S3]
        UPLOAD_TO = s3://sparkify-uploads/session

        [DWH]
        DWH_CLUSTER_TYPE=multi-node
        DWH_NUM_NODES = 4
        DWH_NODE_TYPE=dc2.large
        DWH_IAM_ROLE_NAME=\(roleName)
        DWH_CLUSTER_IDENTIFIER=\(identifier)
        DWH_DB=dwh
        DWH_DB_USER=dwhuser
        DWH_DB_PASSWORD=Secr3tPassw0rd
        DWH_PORT=5439

        """
    }

    static let range = "198.51.100.0/24"

    func call(_ moto: MotoServer, _ service: AWSService, _ action: String, _ parameters: [(name: String, value: String)] = []) async throws -> XMLTree {
        try await AWSQueryClient(service: service, configuration: moto.configuration(moto.admin, region: "us-west-2"), options: MotoServer.options)
            .call(action, parameters)
    }

    /// The inbound rules for port 5439 from `range` in the region's default security groups,
    /// each with its group's id.
    func rules(_ moto: MotoServer) async throws -> [(group: String, range: XMLTree)] {
        let groups = try await call(moto, .ec2, "DescribeSecurityGroups", [("Filter.1.Name", "group-name"), ("Filter.1.Value.1", "default")])
        return (groups.first("securityGroupInfo")?.children ?? []).flatMap { group in
            (group.child("ipPermissions")?.children ?? [])
                .filter { $0["ipProtocol"] == "tcp" && $0["fromPort"] == "5439" && $0["toPort"] == "5439" }
                .flatMap { $0.child("ipRanges")?.children ?? [] }
                .filter { $0["cidrIp"] == Self.range }
                .map { (group["groupId"] ?? "", $0) }
        }
    }

    func code(of body: () async throws -> XMLTree) async -> String? {
        do {
            _ = try await body()
            return nil
        } catch let error as AWSError {
            return error.code
        } catch {
            return "\(error)"
        }
    }

    @Test("create makes the role, its policies, the cluster and the rule, and writes the settings; again, it finds them; delete takes all away, twice")
    func lifecycle() async throws {
        let moto = try await MotoServer.require()
        folder.write("dwh.cfg", original)
        let settings = try ClusterSettings(configPath: configPath, environment: [:])
        let api = AWSClusterAPI(configuration: moto.configuration(moto.admin, region: "us-west-2"), options: MotoServer.options)
        let creation = ClusterCreation(settings: settings, api: api, region: "us-west-2", openTo: try IngressCIDR(Self.range))
        var lines: [String] = []
        let first = try await creation.run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { lines.append($0) }, progress: { _, _ in })
        try ConfigFileEditor.write(first.edits, to: configPath)

        // The role, as IAM has it.
        let role = try await call(moto, .iam, "GetRole", [("RoleName", roleName)])
        let arn = try #require(role.first("Role")?["Arn"])
        #expect(arn == "arn:aws:iam::123456789012:role/\(roleName)")
        let trustText = role.first("AssumeRolePolicyDocument").map { $0.text.removingPercentEncoding ?? $0.text } ?? ""
        let trust = try #require(try JSONSerialization.jsonObject(with: Data(trustText.utf8)) as? [String: Any])
        let statement = try #require((trust["Statement"] as? [[String: Any]])?.first)
        #expect(statement["Effect"] as? String == "Allow")
        #expect(statement["Action"] as? String == "sts:AssumeRole")
        #expect((statement["Principal"] as? [String: Any])?["Service"] as? String == "redshift.amazonaws.com")
        let attached = try await call(moto, .iam, "ListAttachedRolePolicies", [("RoleName", roleName)])
        #expect(attached.first("AttachedPolicies")?.children.compactMap { $0["PolicyArn"] } == ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"])
        let inline = try await call(moto, .iam, "GetRolePolicy", [("RoleName", roleName), ("PolicyName", "sparkify-load-upload")])
        let upload = inline.first("PolicyDocument").map { $0.text.removingPercentEncoding ?? $0.text } ?? ""
        #expect(upload.contains(#""Resource":"arn:aws:s3:::sparkify-uploads/session/*""#))
        #expect(upload.contains(#""s3:PutObject""#))

        // The cluster, as Redshift has it.
        let described = try await call(moto, .redshift, "DescribeClusters", [("ClusterIdentifier", identifier)])
        let cluster = try #require(described.first("Cluster"))
        #expect(cluster["NodeType"] == "dc2.large")
        #expect(cluster["NumberOfNodes"] == "4")
        #expect(cluster["DBName"] == "dwh")
        #expect(cluster["MasterUsername"] == "dwhuser")
        #expect(cluster["PubliclyAccessible"] == "true")
        #expect(cluster.child("IamRoles")?.children.compactMap { $0["IamRoleArn"] } == [arn])
        #expect(cluster.child("Endpoint")?["Port"] == "5439")
        let host = try #require(cluster.child("Endpoint")?["Address"])

        // The rule, as EC2 has it.
        let opened = try await rules(moto)
        #expect(opened.count == 1)
        #expect(opened.first?.range["description"] == "sparkify-load cluster \(identifier)")
        let group = try #require(opened.first?.group)

        // The settings file: the written lines, every other byte as it was.
        let written = try String(contentsOfFile: configPath, encoding: .utf8)
        let clusterSection = "DB_PASSWORD = Secr3tPassw0rd\nHOST = \(host)\nDB_NAME = dwh\nDB_USER = dwhuser\nDB_PORT = 5439\n\n[S3]"
        let expected: String = original.replacingOccurrences(of: "DB_PASSWORD = Secr3tPassw0rd\n\n[S3]", with: clusterSection)
            + "\n[IAM_ROLE]\nARN=\(arn)\n"
        #expect(written == expected)
        #expect(lines == [
            "IAM role \(roleName): created (\(arn))",
            "  policy AmazonS3ReadOnlyAccess: attached",
            "  policy sparkify-load-upload (read and write s3://sparkify-uploads/session/*): set",
            "cluster \(identifier): created, creating (multi-node, 4 nodes of dc2.large)",
            "port 5439: opened to \(Self.range) in \(group)",
        ])

        // Again: everything is found, nothing new is made, the file stays as it is.
        lines = []
        let second = try await creation.run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { lines.append($0) }, progress: { _, _ in })
        #expect(try ConfigFileEditor.write(second.edits, to: configPath).isEmpty)
        #expect(try String(contentsOfFile: configPath, encoding: .utf8) == written)
        #expect(lines == [
            "IAM role \(roleName): found (\(arn))",
            "  policy AmazonS3ReadOnlyAccess: attached already",
            "  policy sparkify-load-upload (read and write s3://sparkify-uploads/session/*): set already",
            "cluster \(identifier): found, available (multi-node, 4 nodes of dc2.large)",
            "port 5439: open already to \(Self.range) in \(group)",
        ])
        let roles = try await call(moto, .iam, "ListRoles")
        #expect(roles.first("Roles")?.children.filter { $0["RoleName"] == roleName }.count == 1)
        let clusters = try await call(moto, .redshift, "DescribeClusters")
        #expect(clusters.first("Clusters")?.children.filter { $0["ClusterIdentifier"] == identifier }.count == 1)
        #expect(try await rules(moto).count == 1)

        // Status: one block with the cluster's facts and what its port is open to.
        let status = try await ClusterStatusReport.look(settings, api: api).text()
        #expect(status.hasPrefix("cluster \(identifier): available\n  endpoint  \(host):5439\n  database  dwh as dwhuser\n  nodes     multi-node, 4 nodes of dc2.large\n  created   "))
        #expect(status.contains("\n  role      \(arn)\n"))
        #expect(status.hasSuffix("\n  port 5439 open to \(Self.range) (added by sparkify-load) in \(group)"))

        // Delete: the cluster, the rule, the role and its policies are gone.
        lines = []
        let deletion = ClusterDeletion(settings: settings, api: api, finalSnapshot: nil)
        #expect(try await deletion.run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { lines.append($0) }, progress: { _, _ in }))
        #expect(await code { try await call(moto, .redshift, "DescribeClusters", [("ClusterIdentifier", identifier)]) } == "ClusterNotFound")
        #expect(await code { try await call(moto, .iam, "GetRole", [("RoleName", roleName)]) } == "NoSuchEntity")
        #expect(try await rules(moto).isEmpty)
        #expect(lines.first == "cluster \(identifier): deleting (no final snapshot)")
        #expect(lines.last == "IAM role \(roleName): deleted (with its policies AmazonS3ReadOnlyAccess, sparkify-load-upload)")
        let status2 = try await ClusterStatusReport.look(settings, api: api)
        #expect(status2.cluster == nil)

        // Delete again: all gone already, no error.
        lines = []
        #expect(try await !deletion.run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { lines.append($0) }, progress: { _, _ in }))
        #expect(lines == ["cluster \(identifier): gone already", "port rules added for \(identifier): none left", "IAM role \(roleName): gone already"])
    }

    @Test("A final snapshot is taken when asked for")
    func finalSnapshot() async throws {
        let moto = try await MotoServer.require()
        folder.write("dwh.cfg", original.replacingOccurrences(of: "UPLOAD_TO = s3://sparkify-uploads/session\n", with: ""))
        let settings = try ClusterSettings(configPath: configPath, environment: [:])
        let api = AWSClusterAPI(configuration: moto.configuration(moto.admin, region: "us-west-2"), options: MotoServer.options)
        _ = try await ClusterCreation(settings: settings, api: api, region: "us-west-2", openTo: try IngressCIDR("192.0.2.1"))
            .run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { _ in }, progress: { _, _ in })
        #expect(await code { try await call(moto, .iam, "GetRolePolicy", [("RoleName", roleName), ("PolicyName", "sparkify-load-upload")]) } == "NoSuchEntity")
        let snapshot = "final-\(suffix)"
        try await ClusterDeletion(settings: settings, api: api, finalSnapshot: snapshot)
            .run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { _ in }, progress: { _, _ in })
        let snapshots = try await call(moto, .redshift, "DescribeClusterSnapshots", [("SnapshotIdentifier", snapshot)])
        #expect(snapshots.first("Snapshot")?["ClusterIdentifier"] == identifier)
    }

    @Test("A role of the same name that Redshift may not assume is found, kept, and said to be unusable")
    func foreignRole() async throws {
        let moto = try await MotoServer.require()
        let ec2Trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        _ = try await call(moto, .iam, "CreateRole", [("RoleName", roleName), ("AssumeRolePolicyDocument", ec2Trust)])
        folder.write("dwh.cfg", original)
        let settings = try ClusterSettings(configPath: configPath, environment: [:])
        let api = AWSClusterAPI(configuration: moto.configuration(moto.admin, region: "us-west-2"), options: MotoServer.options)
        var lines: [String] = []
        _ = try await ClusterCreation(settings: settings, api: api, region: "us-west-2", openTo: try IngressCIDR("192.0.2.2"))
            .run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { lines.append($0) }, progress: { _, _ in })
        #expect(lines.first == "IAM role \(roleName): found (arn:aws:iam::123456789012:role/\(roleName); its trust policy does not let redshift.amazonaws.com assume it, so COPY cannot use it)")
        try await ClusterDeletion(settings: settings, api: api, finalSnapshot: nil)
            .run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { _ in }, progress: { _, _ in })
    }

    @Test("A user without permissions fails on the first call, in one line, and nothing is made")
    func accessDenied() async throws {
        let moto = try await MotoServer.require()
        folder.write("dwh.cfg", original)
        let settings = try ClusterSettings(configPath: configPath, environment: [:])
        let api = AWSClusterAPI(configuration: moto.configuration(moto.restricted, region: "us-west-2"), options: MotoServer.options)
        let creation = ClusterCreation(settings: settings, api: api, region: "us-west-2", openTo: try IngressCIDR(Self.range))
        do {
            _ = try await creation.run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { _ in }, progress: { _, _ in })
            Issue.record("no error")
        } catch let error as AWSError {
            #expect(error.code == "AccessDenied")
            #expect(error.description.hasPrefix("iam GetRole: AccessDenied: "))
            #expect(!error.description.contains("\n"))
        }
        #expect(await code { try await call(moto, .iam, "GetRole", [("RoleName", roleName)]) } == "NoSuchEntity")
    }
}
