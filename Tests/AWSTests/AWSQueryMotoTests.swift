import AWS
import AWSTestSupport
import Foundation
import Testing

/// The Query protocol (IAM, Redshift, EC2) against moto's server, signatures checked.
@Suite("AWS Query calls against moto, signatures checked", .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct AWSQueryMotoTests {
    @Test("IAM ListUsers, signed with a key IAM issued, lists the users")
    func listUsers() async throws {
        let moto = try await MotoServer.require()
        let iam = AWSQueryClient(service: .iam, configuration: moto.configuration(moto.admin), options: MotoServer.options)
        let response = try await iam.call("ListUsers")
        #expect(response.name == "ListUsersResponse")
        let names = response.first("Users")?.children("member").compactMap { $0["UserName"] } ?? []
        #expect(Set(names).isSuperset(of: ["sparkify-admin", "sparkify-restricted"]))
    }

    @Test("Redshift and EC2 calls are signed for their own service and region")
    func redshiftAndEC2() async throws {
        let moto = try await MotoServer.require()
        let configuration = moto.configuration(moto.admin, region: "us-west-2")
        let redshift = try await AWSQueryClient(service: .redshift, configuration: configuration, options: MotoServer.options).call("DescribeClusters")
        #expect(redshift.name == "DescribeClustersResponse")
        let ec2 = try await AWSQueryClient(service: .ec2, configuration: configuration, options: MotoServer.options)
            .call("DescribeSecurityGroups", [("GroupName.1", "default")])
        #expect(ec2.name == "DescribeSecurityGroupsResponse")
        #expect(ec2.first("securityGroupInfo")?.children("item").first?["groupName"] == "default")
    }

    @Test("Errors are one line: the service and action, AWS's code and message")
    func errors() async throws {
        let moto = try await MotoServer.require()
        let wrongSecret = AWSCredentials(accessKeyID: moto.admin.accessKeyID, secretAccessKey: "wrong-secret-5678")
        let iam = AWSQueryClient(service: .iam, configuration: moto.configuration(wrongSecret), options: MotoServer.options)
        let signature = await S3MotoTests.awsError { _ = try await iam.call("ListUsers") }
        #expect(signature?.code == "SignatureDoesNotMatch")
        #expect(signature?.description.hasPrefix("iam ListUsers: SignatureDoesNotMatch: ") == true)
        #expect(signature?.description.contains("wrong-secret-5678") == false)

        let restricted = AWSQueryClient(service: .iam, configuration: moto.configuration(moto.restricted), options: MotoServer.options)
        let denied = await S3MotoTests.awsError { _ = try await restricted.call("ListUsers") }
        #expect(denied?.code == "AccessDenied")
        #expect(denied?.statusCode == 403)

        let admin = AWSQueryClient(service: .iam, configuration: moto.configuration(moto.admin), options: MotoServer.options)
        let missing = await S3MotoTests.awsError { _ = try await admin.call("GetUser", [("UserName", "nobody")]) }
        #expect(missing?.code == "NoSuchEntity")
        #expect(missing?.description.hasPrefix("iam GetUser: NoSuchEntity: ") == true)

        // EC2's errors come as <Response><Errors><Error>.
        let ec2 = AWSQueryClient(service: .ec2, configuration: moto.configuration(wrongSecret), options: MotoServer.options)
        let auth = await S3MotoTests.awsError { _ = try await ec2.call("DescribeVpcs") }
        #expect(auth?.code == "AuthFailure")
        for error in [signature, denied, missing, auth] { #expect(error?.description.contains("\n") == false) }
    }

    @Test("A regional service without a region is one line, before any request")
    func noRegion() async throws {
        let configuration = AWSConfiguration(credentials: AWSCredentials(accessKeyID: "AKIAX", secretAccessKey: "s"), region: nil)
        let error = await S3MotoTests.awsError { _ = try await AWSQueryClient(service: .redshift, configuration: configuration).call("DescribeClusters") }
        #expect(error?.description == "redshift DescribeClusters: InvalidConfiguration: no AWS region: set AWS_REGION, or region in the AWS profile")
    }
}
