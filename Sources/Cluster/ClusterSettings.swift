import AWS
import BackendRedshift

/// The cluster a working session creates, as `dwh.cfg`'s `[DWH]` section describes it (the
/// seeds' format: `DWH_CLUSTER_TYPE DWH_NUM_NODES DWH_NODE_TYPE DWH_IAM_ROLE_NAME
/// DWH_CLUSTER_IDENTIFIER DWH_DB DWH_DB_USER DWH_DB_PASSWORD DWH_PORT`), and the bucket
/// uploads go to (`[S3] UPLOAD_TO`), which the role may then write. `SPARKIFY_DWH_<KEY>`
/// overrides a key, as for the other sections.
///
/// Every value is checked before any AWS call, with Redshift's own rules; a missing or
/// malformed key is one line naming the file, the section and the key. The password is never
/// part of a message.
package struct ClusterSettings: Sendable {
    /// `single-node` or `multi-node`.
    package enum ClusterType: String, Sendable {
        case singleNode = "single-node"
        case multiNode = "multi-node"
    }

    /// The settings file.
    package let configPath: String
    /// `DWH_CLUSTER_TYPE`.
    package let clusterType: ClusterType
    /// `DWH_NUM_NODES` for a multi-node cluster; 1 for a single node.
    package let numberOfNodes: Int
    /// `DWH_NODE_TYPE`, such as `dc2.large`.
    package let nodeType: String
    /// `DWH_IAM_ROLE_NAME`: the role COPY reads S3 as.
    package let roleName: String
    /// `DWH_CLUSTER_IDENTIFIER`.
    package let clusterIdentifier: String
    /// `DWH_DB`: the database created with the cluster.
    package let databaseName: String
    /// `DWH_DB_USER`: the cluster's admin user.
    package let databaseUser: String
    /// `DWH_DB_PASSWORD`: the admin user's password. Sent to Redshift only; never printed.
    package let databasePassword: String
    /// `DWH_PORT` (5439 when unset).
    package let port: Int
    /// `[S3] UPLOAD_TO`, where local folders are uploaded to, if set.
    package let uploadTo: S3Location?

    /// Reads `[DWH]` (and `[S3] UPLOAD_TO`) from the file at `path`, with overrides from
    /// `environment`.
    package init(configPath path: String, environment: [String: String]) throws(RedshiftSettingsError) {
        let file = try ConfigFile(path: path)
        func value(_ key: String) -> String? {
            file.value("DWH", key, environment: environment).flatMap { $0.isEmpty ? nil : $0 }
        }
        func required(_ key: String) throws(RedshiftSettingsError) -> String {
            guard let value = value(key) else { throw .missing(path, section: "DWH", key: key, alternatives: ["SPARKIFY_DWH_\(key)"]) }
            return value
        }
        /// The error for a value that breaks `rule`; shows the value unless it is secret.
        func invalid(_ key: String, _ value: String?, _ rule: String) -> RedshiftSettingsError {
            var reason = rule
            if let value {
                reason += ", not '\(value)'"
                if value.contains(" ;") || value.contains(" #") {
                    reason += " (configparser keeps a comment after a value as part of it: put it on a line of its own)"
                }
            }
            return .invalid(path, section: "DWH", key: key, reason: reason)
        }

        let typeText = try required("DWH_CLUSTER_TYPE")
        guard let clusterType = ClusterType(rawValue: typeText.lowercased()) else {
            throw invalid("DWH_CLUSTER_TYPE", typeText, "must be multi-node or single-node")
        }
        if clusterType == .multiNode {
            let nodes = try required("DWH_NUM_NODES")
            guard let count = Int(nodes), (2...128).contains(count) else {
                throw invalid("DWH_NUM_NODES", nodes, "must be a number of nodes from 2 to 128 for a multi-node cluster")
            }
            numberOfNodes = count
        } else {
            numberOfNodes = 1
        }
        nodeType = try required("DWH_NODE_TYPE").lowercased()
        guard Self.isNodeType(nodeType) else { throw invalid("DWH_NODE_TYPE", nodeType, "must be a node type such as dc2.large or ra3.xlplus") }
        roleName = try required("DWH_IAM_ROLE_NAME")
        guard Self.isRoleName(roleName) else {
            throw invalid("DWH_IAM_ROLE_NAME", roleName, "must be an IAM role name: 1 to 64 letters, digits or +=,.@_-")
        }
        clusterIdentifier = try required("DWH_CLUSTER_IDENTIFIER")
        guard Self.isIdentifier(clusterIdentifier, maximumLength: 63) else {
            throw invalid("DWH_CLUSTER_IDENTIFIER", clusterIdentifier,
                          "must be 1 to 63 letters, digits or hyphens, start with a letter, and have no two hyphens in a row nor one at the end")
        }
        databaseName = try required("DWH_DB")
        guard Self.isDatabaseName(databaseName) else {
            throw invalid("DWH_DB", databaseName, "must be 1 to 64 lowercase letters, digits, _ or $, starting with a letter or _")
        }
        databaseUser = try required("DWH_DB_USER")
        guard Self.isUserName(databaseUser) else {
            throw invalid("DWH_DB_USER", databaseUser, "must be 1 to 128 letters, digits, _ or $, starting with a letter or _")
        }
        databasePassword = try required("DWH_DB_PASSWORD")
        if let problem = RedshiftPasswordRule.problem(with: databasePassword) {
            throw invalid("DWH_DB_PASSWORD", nil, problem)
        }
        let portText = value("DWH_PORT") ?? "5439"
        guard let port = Int(portText), (1150...65535).contains(port) else {
            throw invalid("DWH_PORT", portText, "must be a port from 1150 to 65535, as Redshift allows")
        }
        self.port = port

        let upload = file.value("S3", "UPLOAD_TO", environment: environment).flatMap { $0.isEmpty ? nil : $0 }
        do {
            uploadTo = try upload.map { try S3Location(url: $0) }
        } catch {
            throw .invalid(path, section: "S3", key: "UPLOAD_TO", reason: "must be an s3:// URI, not '\(upload ?? "")'")
        }
        self.clusterType = clusterType
        configPath = path
    }

    private static func isNodeType(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    private static func isRoleName(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0)) }
    }

    /// Whether `text` is a Redshift identifier (of a cluster, of a snapshot): 1 to
    /// `maximumLength` ASCII letters, digits or hyphens, a letter first, no two hyphens in a
    /// row, none at the end.
    package static func isIdentifier(_ text: String, maximumLength: Int) -> Bool {
        guard (1...maximumLength).contains(text.count), let first = text.first, first.isASCII, first.isLetter,
              !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    private static func isDatabaseName(_ text: String) -> Bool {
        guard (1...64).contains(text.count), let first = text.first, first == "_" || first.isASCII && first.isLowercase else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "$") }
    }

    private static func isUserName(_ text: String) -> Bool {
        guard (1...128).contains(text.count), let first = text.first, first == "_" || first.isASCII && first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }
    }
}
