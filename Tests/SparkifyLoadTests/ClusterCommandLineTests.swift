import AWS
import AWSTestSupport
import Foundation
import Testing
import WarehouseConformance

/// `sparkify-load cluster create|status|delete` as users run them, against moto's server with
/// signatures checked, with no terminal (standard input is empty).
@Suite("sparkify-load cluster against moto", .serialized, .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct ClusterCommandLineTests {
    let folder = TemporaryFolder()
    let suffix = String(UUID().uuidString.lowercased().filter(\.isLetter).prefix(8))
    var identifier: String { "session-\(suffix)" }
    var roleName: String { "sessionRole-\(suffix)" }
    static let password = "Sess10nPassw0rd"

    /// A settings file as a team might keep it: comments, odd spacing, keys in lower case.
    var original: String {
        """
        # Sparkify, my working session
        [CLUSTER]
        host=placeholder.example.com ; replaced by cluster create? no: configparser keeps this
        db_password = \(Self.password)

        [DWH]
        ; the cluster
        dwh_cluster_type   =   single-node
        DWH_NODE_TYPE: dc2.large
        DWH_IAM_ROLE_NAME = \(roleName)
        DWH_CLUSTER_IDENTIFIER = \(identifier)
        DWH_DB = sparkify
        DWH_DB_USER = loader
        DWH_DB_PASSWORD = '\(Self.password)'
        # no DWH_PORT: 5439
        """
    }

    /// Runs the built command in the test's folder with `environment`, standard input empty.
    func run(_ arguments: String..., environment: [String: String]) throws -> CommandResult {
        let process = SparkifyLoadCommand.process(["cluster"] + arguments, in: folder.path, environment: environment)
        process.standardInput = FileHandle.nullDevice
        return try SparkifyLoadCommand.run(process, timeLimit: .seconds(120))
    }

    func call(_ moto: MotoServer, _ service: AWSService, _ action: String, _ parameters: [(name: String, value: String)] = []) async throws -> XMLTree {
        try await AWSQueryClient(service: service, configuration: moto.configuration(moto.admin), options: MotoServer.options).call(action, parameters)
    }

    func exists(_ moto: MotoServer, role: String) async throws -> Bool {
        do {
            _ = try await call(moto, .iam, "GetRole", [("RoleName", role)])
            return true
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            return false
        }
    }

    func file() throws -> String {
        try String(contentsOfFile: folder.path + "/dwh.cfg", encoding: .utf8)
    }

    @Test("create, create again, status, delete (refused without a terminal, then --yes), status, delete again")
    func session() async throws {
        let moto = try await MotoServer.require()
        folder.write("dwh.cfg", original)
        let environment = moto.environment(moto.admin)

        let created = try run("create", "--open-to", "203.0.113.0/28", environment: environment)
        #expect(created.status == 0, "\(created.errors)")
        let cluster = try #require(try await call(moto, .redshift, "DescribeClusters", [("ClusterIdentifier", identifier)]).first("Cluster"))
        let host = try #require(cluster.child("Endpoint")?["Address"])
        #expect(cluster["NodeType"] == "dc2.large")
        #expect(cluster["NumberOfNodes"] == "1")
        #expect(cluster["DBName"] == "sparkify")
        let arn = "arn:aws:iam::123456789012:role/\(roleName)"
        #expect(cluster.child("IamRoles")?.children.compactMap { $0["IamRoleArn"] } == [arn])
        let lines = created.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(created.output)")
        #expect(lines.first == "IAM role \(roleName): created (\(arn))")
        #expect(lines.contains("cluster \(identifier): created, creating (single-node, dc2.large)"))
        #expect(lines.last == "dwh.cfg: wrote [CLUSTER] HOST DB_NAME DB_USER DB_PORT, [IAM_ROLE] ARN")
        #expect(lines.contains { $0.hasPrefix("port 5439: opened to 203.0.113.0/28 in sg-") })
        // Only the written lines changed: HOST in place (the rest of its line was its value),
        // the other keys after the last key of [CLUSTER], [IAM_ROLE] at the end.
        let expected = original
            .replacingOccurrences(of: "host=placeholder.example.com ; replaced by cluster create? no: configparser keeps this\ndb_password = \(Self.password)\n",
                                  with: "host=\(host)\ndb_password = \(Self.password)\nDB_NAME = sparkify\nDB_USER = loader\nDB_PORT = 5439\n")
            + "\n\n[IAM_ROLE]\nARN=\(arn)\n"
        #expect(try file() == expected)

        let again = try run("create", "--open-to", "203.0.113.0/28", environment: environment)
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("cluster \(identifier): found, available (single-node, dc2.large)"))
        #expect(again.output.contains("port 5439: open already to 203.0.113.0/28"))
        #expect(again.output.hasSuffix("dwh.cfg: up to date\n"))
        #expect(try file() == expected)

        let status = try run("status", environment: environment)
        #expect(status.status == 0)
        #expect(status.output.hasPrefix("cluster \(identifier): available\n  endpoint  \(host):5439\n  database  sparkify as loader\n  nodes     single-node, dc2.large\n"))
        #expect(status.output.contains("\n  role      \(arn)\n"))
        #expect(status.output.contains("\n  port 5439 open to 203.0.113.0/28 (added by sparkify-load) in sg-"))

        let refused = try run("delete", environment: environment)
        #expect(refused.status == 64)
        #expect(refused.errorLines == ["error: refusing to delete cluster \(identifier) without a terminal to confirm on: add --yes"])
        #expect(try await exists(moto, role: roleName))

        let deleted = try run("delete", "--yes", environment: environment)
        #expect(deleted.status == 0, "\(deleted.errors)")
        let deletedLines = deleted.output.split(separator: "\n").map(String.init)
        #expect(deletedLines.first == "cluster \(identifier): deleting (no final snapshot)")
        #expect(deletedLines.contains { $0.hasPrefix("port 5439: closed to 203.0.113.0/28 in sg-") })
        #expect(deletedLines.last == "IAM role \(roleName): deleted (with its policies AmazonS3ReadOnlyAccess)")
        #expect(try await !exists(moto, role: roleName))

        let absent = try run("status", environment: environment)
        #expect(absent.status == 69)
        #expect(absent.output == "cluster \(identifier): none (create it with `sparkify-load cluster create`)\n")
        #expect(absent.errors.isEmpty)

        let twice = try run("delete", "--yes", environment: environment)
        #expect(twice.status == 0)
        #expect(twice.output == "cluster \(identifier): gone already\nport rules added for \(identifier): none left\nIAM role \(roleName): gone already\n")
        #expect(try file() == expected)
        for result in [created, again, status, refused, deleted, absent, twice] {
            #expect(!(result.output + result.errors).contains(Self.password))
            #expect(!(result.output + result.errors).contains(moto.admin.secretAccessKey))
        }
    }

    @Test("Without --open-to, the port opens to the address the echo service gives, /32")
    func learnedAddress() async throws {
        let moto = try await MotoServer.require()
        folder.write("dwh.cfg", original)
        let echo = try ScriptedHTTPServer(answers: [.init(status: 200, body: "203.0.113.99\n")])
        var environment = moto.environment(moto.admin)
        environment["SPARKIFY_CHECKIP_URL"] = echo.url
        let created = try run("create", environment: environment)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("port 5439: opened to 203.0.113.99/32 in sg-"))
        #expect(echo.requests.count == 1)
        let deleted = try run("delete", "--yes", environment: environment)
        #expect(deleted.output.contains("port 5439: closed to 203.0.113.99/32 in sg-"))
    }

    @Test("Without --open-to, an address it cannot learn and no terminal: it refuses (64) before any AWS call")
    func noAddress() async throws {
        let moto = try await MotoServer.require()
        folder.write("dwh.cfg", original)
        var environment = moto.environment(moto.admin)
        let closed = "http://127.0.0.1:\(try TCPPort.free())"
        environment["SPARKIFY_CHECKIP_URL"] = closed
        let result = try run("create", environment: environment)
        #expect(result.status == 64)
        #expect(result.errorLines.count == 1)
        #expect(result.errorLines.first?.hasPrefix("error: cannot learn your public address from \(closed): ") == true)
        #expect(result.errorLines.first?.hasSuffix(": give the range to open port 5439 to with --open-to CIDR") == true)
        #expect(result.output.isEmpty)
        #expect(try await !exists(moto, role: roleName))
        #expect(try file() == original)
    }

    @Test("--dry-run lists the calls, password as ***, needs no credentials and changes nothing; 0.0.0.0/0 only when written so")
    func dryRun() async throws {
        let moto = try await MotoServer.require()
        folder.write("dwh.cfg", original)
        let noKeys = moto.environment(nil)
        let everywhere = try run("create", "--dry-run", "--open-to", "0.0.0.0/0", environment: noKeys)
        #expect(everywhere.status == 0, "\(everywhere.errors)")
        #expect(everywhere.errorLines == ["warning: port 5439 will be open to the whole internet (0.0.0.0/0)"])
        let lines = everywhere.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 10, "\(everywhere.output)")
        #expect(lines[1] == "  iam GetRole RoleName=\(roleName)")
        #expect(lines[6].hasPrefix("  redshift CreateCluster ClusterIdentifier=\(identifier) ClusterType=single-node NodeType=dc2.large DBName=sparkify MasterUsername=loader MasterUserPassword=*** Port=5439 "))
        #expect(lines[8].contains("IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0"))
        #expect(lines[9] == "then dwh.cfg: would write [CLUSTER] HOST DB_NAME DB_USER DB_PORT, [IAM_ROLE] ARN (HOST once the cluster has its endpoint)")
        #expect(!everywhere.output.contains(Self.password))
        #expect(try await !exists(moto, role: roleName))
        #expect(try file() == original)

        let sloppy = try run("create", "--dry-run", "--open-to", "0.0.0.0/00", environment: noKeys)
        #expect(sloppy.status == 64)
        #expect(sloppy.errorLines.first == "error: --open-to 0.0.0.0/00 is every address: write 0.0.0.0/0 exactly to open the port to the whole internet (see `sparkify-load --help`)")
        let wide = try run("create", "--dry-run", "--open-to", "10.1.2.3/8", environment: noKeys)
        #expect(wide.status == 64)
        #expect(wide.errorLines.first == "error: --open-to '10.1.2.3/8' is not an IPv4 range: it has bits set past the prefix: the range is 10.0.0.0/8 (see `sparkify-load --help`)")
    }

    @Test("A password Redshift would refuse: one line, exit 78, before any AWS call")
    func badPassword() throws {
        folder.write("dwh.cfg", original.replacingOccurrences(of: "DWH_DB_PASSWORD = '\(Self.password)'", with: "DWH_DB_PASSWORD = 'p@ssword1'"))
        // An endpoint nothing listens on: any AWS call would fail another way.
        let result = try run("create", "--open-to", "192.0.2.1", environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(try TCPPort.free())"])
        #expect(result.status == 78)
        #expect(result.errorLines == ["error: dwh.cfg: [DWH] DWH_DB_PASSWORD must not contain ', \", \\, /, @ or a space, as Redshift requires"])
        #expect(!result.errors.contains("p@ssword1"))
    }

    @Test("A wrong secret key: one line naming the call and AWS's code, exit 1, the secret not shown")
    func wrongSecret() async throws {
        let moto = try await MotoServer.require()
        folder.write("dwh.cfg", original)
        let wrong = AWSCredentials(accessKeyID: moto.admin.accessKeyID, secretAccessKey: "wrong-secret-4321")
        let result = try run("status", environment: moto.environment(wrong))
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1)
        #expect(result.errorLines.first?.hasPrefix("error: redshift DescribeClusters: SignatureDoesNotMatch: ") == true, "\(result.errors)")
        #expect(!result.errors.contains("wrong-secret-4321"))
    }
}
