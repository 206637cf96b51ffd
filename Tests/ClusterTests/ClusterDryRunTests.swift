import Cluster
import Foundation
import Testing
import WarehouseConformance

/// `cluster create --dry-run`: the calls of a first run, made nowhere.
@Suite("The calls a dry run lists")
struct ClusterDryRunTests {
    let folder = TemporaryFolder()

    @Test("Every call of a first run in order, the password as ***; single-node sends no NumberOfNodes")
    func plan() async throws {
        folder.write("dwh.cfg", """
            [DWH]
            DWH_CLUSTER_TYPE=single-node
            DWH_NODE_TYPE=dc2.large
            DWH_IAM_ROLE_NAME=dwhRole
            DWH_CLUSTER_IDENTIFIER=dwhCluster
            DWH_DB=dwh
            DWH_DB_USER=dwhuser
            DWH_DB_PASSWORD=Secr3tPassw0rd
            """)
        let settings = try ClusterSettings(configPath: folder.path + "/dwh.cfg", environment: [:])
        let api = DryRunClusterAPI()
        let outcome = try await ClusterCreation(settings: settings, api: api, region: "eu-west-1", openTo: try IngressCIDR("192.0.2.7"))
            .run(waiter: ClusterWaiter<ContinuousClock>?.none, report: { _ in }, progress: { _, _ in })
        let calls = api.calls.map(\.description)
        #expect(calls == [
            "iam GetRole RoleName=dwhRole",
            #"iam CreateRole RoleName=dwhRole AssumeRolePolicyDocument={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"redshift.amazonaws.com"},"Action":"sts:AssumeRole"}]} Description='Lets Redshift read S3 for sparkify-load (created by sparkify-load cluster create)'"#,
            "iam ListAttachedRolePolicies RoleName=dwhRole",
            "iam AttachRolePolicy RoleName=dwhRole PolicyArn=arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
            "redshift DescribeClusters ClusterIdentifier=dwhCluster",
            "redshift CreateCluster ClusterIdentifier=dwhCluster ClusterType=single-node NodeType=dc2.large DBName=dwh MasterUsername=dwhuser MasterUserPassword=*** Port=5439 IamRoles.IamRoleArn.1='<ARN of role dwhRole>' PubliclyAccessible=true",
            "ec2 DescribeSecurityGroups GroupId.1='<security group of cluster dwhCluster>'",
            "ec2 AuthorizeSecurityGroupIngress GroupId='<security group of cluster dwhCluster>' IpPermissions.1.IpProtocol=tcp IpPermissions.1.FromPort=5439 IpPermissions.1.ToPort=5439 IpPermissions.1.IpRanges.1.CidrIp=192.0.2.7/32 IpPermissions.1.IpRanges.1.Description='sparkify-load cluster dwhcluster'",
        ])
        #expect(!calls.joined().contains("Secr3tPassw0rd"))
        // The real call carries the password, to Redshift only.
        #expect(api.calls[5].parameters.contains { $0.name == "MasterUserPassword" && $0.value == "Secr3tPassw0rd" })
        #expect(outcome.edits.map(\.key) == ["DB_NAME", "DB_USER", "DB_PORT", "ARN"])
    }
}
