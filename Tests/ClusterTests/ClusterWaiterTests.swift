import AWS
import AWSTestSupport
import Cluster
import Foundation
import Testing

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
            <NumberOfNodes>4</NumberOfNodes>\(endpoint)</Cluster></Clusters></DescribeClustersResult></DescribeClustersResponse>
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
        let waiter = ClusterWaiter(clock: ContinuousClock(), interval: .milliseconds(20), timeout: .seconds(30))
        let started = ContinuousClock.now
        let cluster = try await waiter.wait(for: .available, cluster: "dwhcluster", describe: { try await clusters.describe("dwhcluster") },
                                            progress: { _, _ in })
        #expect(cluster?.isAvailable == true)
        #expect(ContinuousClock.now - started >= .milliseconds(20))
    }
}
