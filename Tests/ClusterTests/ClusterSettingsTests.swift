import BackendRedshift
import Cluster
import Foundation
import Testing
import WarehouseConformance

/// `[DWH]` as the seeds write it, read and checked before any AWS call.
@Suite("The [DWH] settings of dwh.cfg")
struct ClusterSettingsTests {
    let folder = TemporaryFolder()

    static let dwh = """
        [DWH]
        DWH_CLUSTER_TYPE=multi-node
        DWH_NUM_NODES=4
        DWH_NODE_TYPE=dc2.large
        DWH_IAM_ROLE_NAME=dwhRole
        DWH_CLUSTER_IDENTIFIER=dwhCluster
        DWH_DB=dwh
        DWH_DB_USER=dwhuser
        DWH_DB_PASSWORD=Passw0rdX
        DWH_PORT=5439
        """

    /// The settings of a file holding `text`, or the one line of its error.
    func read(_ text: String, environment: [String: String] = [:]) -> Result<ClusterSettings, RedshiftSettingsError> {
        folder.write("dwh.cfg", text)
        do throws(RedshiftSettingsError) {
            return .success(try ClusterSettings(configPath: folder.path + "/dwh.cfg", environment: environment))
        } catch {
            return .failure(error)
        }
    }

    /// The message of the error reading `text` gives, the folder's path shown as `dwh.cfg`.
    func error(_ text: String) -> String? {
        guard case .failure(let error) = read(text) else { return nil }
        return "\(error)".replacingOccurrences(of: folder.path + "/", with: "")
    }

    @Test("Every value of the seeds' [DWH], keys in any case, values quoted or not, and [S3] UPLOAD_TO")
    func values() throws {
        let settings = try read("""
            [dwh]
            dwh_cluster_type = "multi-node"
            DWH_NUM_NODES: 4
            DWH_NODE_TYPE='dc2.large'
            DWH_IAM_ROLE_NAME=dwhRole
            DWH_CLUSTER_IDENTIFIER=dwhCluster
            DWH_DB=dwh
            DWH_DB_USER=dwhuser
            DWH_DB_PASSWORD=Passw0rdX
            [S3]
            UPLOAD_TO = s3://uploads/sparkify
            """).get()
        #expect(settings.clusterType == .multiNode)
        #expect(settings.numberOfNodes == 4)
        #expect(settings.nodeType == "dc2.large")
        #expect(settings.roleName == "dwhRole")
        #expect(settings.clusterIdentifier == "dwhCluster")
        #expect(settings.databaseName == "dwh")
        #expect(settings.databaseUser == "dwhuser")
        #expect(settings.databasePassword == "Passw0rdX")
        #expect(settings.port == 5439)
        #expect(settings.uploadTo?.bucket == "uploads")
        #expect(settings.uploadTo?.key == "sparkify")
    }

    @Test("single-node needs no DWH_NUM_NODES and has one node; SPARKIFY_DWH_ variables override the file")
    func singleNode() throws {
        let text = Self.dwh.replacingOccurrences(of: "DWH_CLUSTER_TYPE=multi-node\nDWH_NUM_NODES=4", with: "DWH_CLUSTER_TYPE=single-node")
        let settings = try read(text, environment: ["SPARKIFY_DWH_DWH_PORT": "5440"]).get()
        #expect(settings.clusterType == .singleNode)
        #expect(settings.numberOfNodes == 1)
        #expect(settings.port == 5440)
    }

    @Test("A missing key is one line naming the file, the section and the key")
    func missing() {
        #expect(error(Self.dwh.replacingOccurrences(of: "DWH_NODE_TYPE=dc2.large\n", with: ""))
            == "dwh.cfg: [DWH] DWH_NODE_TYPE is missing (or set SPARKIFY_DWH_DWH_NODE_TYPE)")
        #expect(error("[CLUSTER]\nHOST=x\n") == "dwh.cfg: [DWH] DWH_CLUSTER_TYPE is missing (or set SPARKIFY_DWH_DWH_CLUSTER_TYPE)")
        #expect(error(Self.dwh.replacingOccurrences(of: "DWH_NUM_NODES=4\n", with: ""))
            == "dwh.cfg: [DWH] DWH_NUM_NODES is missing (or set SPARKIFY_DWH_DWH_NUM_NODES)")
    }

    @Test("Malformed values: one line each, with Redshift's rule")
    func malformed() {
        #expect(error(Self.dwh.replacingOccurrences(of: "=multi-node", with: "=multi"))
            == "dwh.cfg: [DWH] DWH_CLUSTER_TYPE must be multi-node or single-node, not 'multi'")
        #expect(error(Self.dwh.replacingOccurrences(of: "DWH_NUM_NODES=4", with: "DWH_NUM_NODES=1"))
            == "dwh.cfg: [DWH] DWH_NUM_NODES must be a number of nodes from 2 to 128 for a multi-node cluster, not '1'")
        #expect(error(Self.dwh.replacingOccurrences(of: "DWH_PORT=5439", with: "DWH_PORT=80"))
            == "dwh.cfg: [DWH] DWH_PORT must be a port from 1150 to 65535, as Redshift allows, not '80'")
        #expect(error(Self.dwh.replacingOccurrences(of: "=dwhCluster", with: "=9cluster"))?
            .hasPrefix("dwh.cfg: [DWH] DWH_CLUSTER_IDENTIFIER must be 1 to 63 letters") == true)
        #expect(error(Self.dwh.replacingOccurrences(of: "=dwhCluster", with: "=dwh--cluster")) != nil)
        #expect(error(Self.dwh.replacingOccurrences(of: "DWH_DB=dwh", with: "DWH_DB=Dwh"))?.hasPrefix("dwh.cfg: [DWH] DWH_DB must be") == true)
        #expect(error(Self.dwh.replacingOccurrences(of: "=dc2.large", with: "=dc2 large"))
            == "dwh.cfg: [DWH] DWH_NODE_TYPE must be a node type such as dc2.large or ra3.xlplus, not 'dc2 large'")
    }

    @Test("A comment after a value, as configparser keeps it, is named as the likely cause")
    func inlineComment() {
        #expect(error(Self.dwh.replacingOccurrences(of: "=multi-node", with: "=multi-node ; or single-node"))
            == "dwh.cfg: [DWH] DWH_CLUSTER_TYPE must be multi-node or single-node, not 'multi-node ; or single-node' (configparser keeps a comment after a value as part of it: put it on a line of its own)")
    }

    @Test("A password that breaks Redshift's rules fails before AWS, without showing the password", arguments: [
        ("Sh0rtPw", "must be 8 to 64 characters long (it has 7), as Redshift requires"),
        (String(repeating: "Ab1", count: 22), "must be 8 to 64 characters long (it has 66), as Redshift requires"),
        ("alllower0case", "must contain an uppercase letter, as Redshift requires"),
        ("ALLUPPER0CASE", "must contain a lowercase letter, as Redshift requires"),
        ("NoDigitsHere", "must contain a digit, as Redshift requires"),
        ("nodigitsnoupper", "must contain an uppercase letter, a digit, as Redshift requires"),
        ("Passw0rd'x", "must not contain ', \", \\, /, @ or a space, as Redshift requires"),
        ("Passw0rd\"x", "must not contain ', \", \\, /, @ or a space, as Redshift requires"),
        ("Passw0rd\\x", "must not contain ', \", \\, /, @ or a space, as Redshift requires"),
        ("Passw0rd/x", "must not contain ', \", \\, /, @ or a space, as Redshift requires"),
        ("Passw0rd@x", "must not contain ', \", \\, /, @ or a space, as Redshift requires"),
        ("Passw0rd x", "must not contain ', \", \\, /, @ or a space, as Redshift requires"),
        ("Pässw0rdX", "must hold only printable ASCII characters, as Redshift requires"),
    ])
    func password(_ password: String, _ reason: String) {
        let message = error(Self.dwh.replacingOccurrences(of: "Passw0rdX", with: password))
        #expect(message == "dwh.cfg: [DWH] DWH_DB_PASSWORD \(reason)")
        #expect(message?.contains(password) == false)
    }

    @Test("Passwords Redshift takes", arguments: ["Passw0rd", "Aa1!#$%^&*()-_=+[]{};:,.<>?~`|", String(repeating: "Ab1", count: 21) + "x"])
    func goodPassword(_ password: String) {
        #expect(RedshiftPasswordRule.problem(with: password) == nil)
    }
}
