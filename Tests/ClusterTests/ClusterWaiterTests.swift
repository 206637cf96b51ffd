import AWS
import AWSTestSupport
import Cluster
import Foundation
import Testing
import WarehouseConformance

/// The `--wait` state machine, against a local HTTP server that answers DescribeClusters as
/// each test scripts it (moto's clusters are available at once, and gone at once).
@Suite("Waiting for a cluster, against scripted DescribeClusters answers")
struct ClusterWaiterTests {
    /// A DescribeClusters answer for cluster `dwhcluster` in `status`, with an endpoint when available.
    static func cluster(_ status: String) -> ScriptedHTTPServer.Answer {
        let endpoint = status == "available"
            ? "<Endpoint><Address>dwhcluster.abc123.us-west-2.redshift.amazonaws.com</Address><Port>5439</Port></Endpoint>" : ""
        return .init(status: 200, body: """
            <DescribeClustersResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/"><DescribeClustersResult><Clusters><Cluster>\
            <ClusterIdentifier>dwhcluster</ClusterIdentifier><ClusterStatus>\(status)</ClusterStatus><NodeType>dc2.large</NodeType>\
            <NumberOfNodes>4</NumberOfNodes>\(endpoint)<IamRoles><ClusterIamRole><IamRoleArn>arn:aws:iam::123456789012:role/dwhRole</IamRoleArn>\
            </ClusterIamRole></IamRoles></Cluster></Clusters></DescribeClustersResult></DescribeClustersResponse>
            """)
    }

    /// Redshift's answer for a cluster that does not exist.
    static let notFound = ScriptedHTTPServer.Answer(status: 404, body: """
        <ErrorResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/"><Error><Type>Sender</Type><Code>ClusterNotFound</Code>\
        <Message>Cluster dwhcluster not found.</Message></Error><RequestId>1</RequestId></ErrorResponse>
        """)

    /// Redshift calls to `server`, tried once each.
    static func clusters(_ server: ScriptedHTTPServer) -> RedshiftClusters {
        let configuration = AWSConfiguration(credentials: AWSCredentials(accessKeyID: "AKIATEST", secretAccessKey: "test-secret"),
                                             region: "us-west-2", endpointOverride: AWSEndpoint(url: server.url))
        return RedshiftClusters(api: AWSClusterAPI(configuration: configuration, options: AWSClientOptions(maxAttempts: 1)))
    }

    /// Waits for `goal` on `server`'s answers with `waiter`; the states reported, in order, and the outcome.
    static func wait(_ goal: ClusterWaiter<SteppingClock>.Goal, on server: ScriptedHTTPServer,
                     waiter: ClusterWaiter<SteppingClock>) async -> (states: [String], result: Result<ClusterDescription?, any Error>) {
        let clusters = clusters(server)
        var states: [String] = []
        do {
            let cluster = try await waiter.wait(for: goal, cluster: "dwhcluster", describe: { try await clusters.describe("dwhcluster") },
                                                progress: { status, _ in states.append(status) })
            return (states, .success(cluster))
        } catch {
            return (states, .failure(error))
        }
    }

    @Test("creating, creating, available: returns the available cluster and its endpoint after three looks, 15 s apart")
    func creatingThenAvailable() async throws {
        let server = try ScriptedHTTPServer(answers: [Self.cluster("creating"), Self.cluster("creating"), Self.cluster("available")])
        let clock = SteppingClock()
        let waiter = ClusterWaiter(clock: clock, interval: .seconds(15), timeout: .seconds(1200))
        let (states, result) = await Self.wait(.available, on: server, waiter: waiter)
        let cluster = try result.get()
        #expect(cluster?.status == "available")
        #expect(cluster?.endpointAddress == "dwhcluster.abc123.us-west-2.redshift.amazonaws.com")
        #expect(cluster?.endpointPort == 5439)
        #expect(states == ["creating", "creating"])
        #expect(clock.now.offset == .seconds(30))
        #expect(server.requests.count == 3)
        for request in server.requests {
            #expect(request.form["Action"] == "DescribeClusters")
            #expect(request.form["ClusterIdentifier"] == "dwhcluster")
        }
    }

    @Test("deleting, deleting, ClusterNotFound: the wait for gone ends with nothing")
    func deletingThenGone() async throws {
        let server = try ScriptedHTTPServer(answers: [Self.cluster("deleting"), Self.cluster("deleting"), Self.notFound])
        let waiter = ClusterWaiter(clock: SteppingClock(), interval: .seconds(15), timeout: .seconds(1200))
        let (states, result) = await Self.wait(.gone, on: server, waiter: waiter)
        #expect(try result.get() == nil)
        #expect(states == ["deleting", "deleting"])
        #expect(server.requests.count == 3)
    }

    @Test("Still creating at the timeout: one line saying so, after a look at 0, 15, …, 1200 s (81 looks)")
    func timeout() async throws {
        let server = try ScriptedHTTPServer(answers: [Self.cluster("creating")])
        let clock = SteppingClock()
        let waiter = ClusterWaiter(clock: clock, interval: .seconds(15), timeout: .seconds(1200))
        let (states, result) = await Self.wait(.available, on: server, waiter: waiter)
        #expect(throws: ClusterWaitError.self) { try result.get() }
        if case .failure(let error) = result {
            #expect("\(error)" == "cluster dwhcluster is still creating after 20 min, not yet available: run the command again to go on waiting, or look with `sparkify-load cluster status`")
        }
        #expect(server.requests.count == 81)
        #expect(states.count == 81)
        #expect(clock.now.offset == .seconds(1200))
    }

    @Test("A timeout that is no multiple of the interval: the last look is at the timeout itself")
    func timeoutBetweenLooks() async throws {
        let server = try ScriptedHTTPServer(answers: [Self.cluster("deleting")])
        let clock = SteppingClock()
        let waiter = ClusterWaiter(clock: clock, interval: .seconds(15), timeout: .seconds(40))
        let (_, result) = await Self.wait(.gone, on: server, waiter: waiter)
        #expect(throws: ClusterWaitError.self) { try result.get() }
        // Looks at 0, 15, 30 and 40 s.
        #expect(server.requests.count == 4)
        #expect(clock.now.offset == .seconds(40))
    }

    @Test("A cluster that turns to deleting while awaited as available fails at once, in one line")
    func hopeless() async throws {
        let server = try ScriptedHTTPServer(answers: [Self.cluster("creating"), Self.cluster("deleting")])
        let waiter = ClusterWaiter(clock: SteppingClock(), interval: .seconds(15), timeout: .seconds(1200))
        let (states, result) = await Self.wait(.available, on: server, waiter: waiter)
        if case .failure(let error) = result {
            #expect("\(error)" == "cluster dwhcluster is deleting, so it will not become available")
        } else {
            Issue.record("no error")
        }
        #expect(states == ["creating"])
        #expect(server.requests.count == 2)
    }

    @Test("A cluster that vanishes while awaited as available is an error, not a success")
    func vanished() async throws {
        let server = try ScriptedHTTPServer(answers: [Self.cluster("creating"), Self.notFound])
        let waiter = ClusterWaiter(clock: SteppingClock(), interval: .seconds(15), timeout: .seconds(1200))
        let (_, result) = await Self.wait(.available, on: server, waiter: waiter)
        if case .failure(let error) = result {
            #expect("\(error)" == "cluster dwhcluster no longer exists (deleted meanwhile?)")
        } else {
            Issue.record("no error")
        }
    }

    @Test("The real clock: creating then available, polled every 20 ms")
    func realClock() async throws {
        let server = try ScriptedHTTPServer(answers: [Self.cluster("creating"), Self.cluster("available")])
        let clusters = Self.clusters(server)
        let waiter = ClusterWaiter(clock: ContinuousClock(), interval: .milliseconds(20), timeout: .seconds(300))
        let started = ContinuousClock.now
        let cluster = try await waiter.wait(for: .available, cluster: "dwhcluster", describe: { try await clusters.describe("dwhcluster") },
                                            progress: { _, _ in })
        #expect(cluster?.isAvailable == true)
        #expect(ContinuousClock.now - started >= .milliseconds(20))
    }
}

/// `cluster create --wait` as a whole, against a server that answers each call in turn as a
/// cluster that takes two looks to become available.
@Suite("create --wait, against scripted answers")
struct ClusterCreationWaitTests {
    let folder = TemporaryFolder()

    @Test("A creating cluster is awaited, then its port opened and its endpoint written as HOST")
    func createAndWait() async throws {
        folder.write("dwh.cfg", "[DWH]\nDWH_CLUSTER_TYPE=multi-node\nDWH_NUM_NODES=4\nDWH_NODE_TYPE=dc2.large\nDWH_IAM_ROLE_NAME=dwhRole\n"
                     + "DWH_CLUSTER_IDENTIFIER=dwhcluster\nDWH_DB=dwh\nDWH_DB_USER=dwhuser\nDWH_DB_PASSWORD=Passw0rdX\n")
        let iam = "xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\""
        let server = try ScriptedHTTPServer(answers: [
            .init(status: 200, body: "<GetRoleResponse \(iam)><GetRoleResult><Role><Arn>arn:aws:iam::123456789012:role/dwhRole</Arn><AssumeRolePolicyDocument>%7B%22Principal%22%3A%7B%22Service%22%3A%22redshift.amazonaws.com%22%7D%7D</AssumeRolePolicyDocument></Role></GetRoleResult></GetRoleResponse>"),
            .init(status: 200, body: "<ListAttachedRolePoliciesResponse \(iam)><ListAttachedRolePoliciesResult><AttachedPolicies><member><PolicyArn>arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess</PolicyArn></member></AttachedPolicies></ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>"),
            ClusterWaiterTests.cluster("creating"),
            ClusterWaiterTests.cluster("creating"),
            ClusterWaiterTests.cluster("creating"),
            ClusterWaiterTests.cluster("available"),
            .init(status: 200, body: "<DescribeVpcsResponse><vpcSet><item><vpcId>vpc-1</vpcId></item></vpcSet></DescribeVpcsResponse>"),
            .init(status: 200, body: "<DescribeSecurityGroupsResponse><securityGroupInfo><item><groupId>sg-1</groupId><ipPermissions/></item></securityGroupInfo></DescribeSecurityGroupsResponse>"),
            .init(status: 200, body: "<AuthorizeSecurityGroupIngressResponse><return>true</return></AuthorizeSecurityGroupIngressResponse>"),
        ])
        let settings = try ClusterSettings(configPath: folder.path + "/dwh.cfg", environment: [:])
        let configuration = AWSConfiguration(credentials: AWSCredentials(accessKeyID: "AKIATEST", secretAccessKey: "test-secret"),
                                             region: "us-west-2", endpointOverride: AWSEndpoint(url: server.url))
        let api = AWSClusterAPI(configuration: configuration, options: AWSClientOptions(maxAttempts: 1))
        let clock = SteppingClock()
        var lines: [String] = []
        let outcome = try await ClusterCreation(settings: settings, api: api, region: "us-west-2", openTo: try IngressCIDR("192.0.2.1"))
            .run(waiter: ClusterWaiter(clock: clock, interval: .seconds(15), timeout: .seconds(1200)), report: { lines.append($0) }, progress: { _, _ in })
        #expect(lines == [
            "IAM role dwhRole: found (arn:aws:iam::123456789012:role/dwhRole)",
            "  policy AmazonS3ReadOnlyAccess: attached already",
            "cluster dwhcluster: found, creating (multi-node, 4 nodes of dc2.large)",
            "cluster dwhcluster: available, after waiting 30 s",
            "port 5439: opened to 192.0.2.1/32 in sg-1",
        ])
        #expect(outcome.edits.first == ConfigFileEdit("CLUSTER", "HOST", "dwhcluster.abc123.us-west-2.redshift.amazonaws.com"))
        let actions = server.requests.map { $0.form["Action"] ?? "" }
        #expect(actions == ["GetRole", "ListAttachedRolePolicies", "DescribeClusters", "DescribeClusters", "DescribeClusters", "DescribeClusters",
                            "DescribeVpcs", "DescribeSecurityGroups", "AuthorizeSecurityGroupIngress"])
        #expect(server.requests[7].form["Filter.1.Value.1"] == "vpc-1")
        #expect(server.requests[8].form["IpPermissions.1.IpRanges.1.CidrIp"] == "192.0.2.1/32")
        #expect(server.requests[8].form["IpPermissions.1.IpRanges.1.Description"] == "sparkify-load cluster dwhcluster")
    }
}
