import Core

/// Everything the Redshift backend needs from `dwh.cfg`, in the format Sparkify teams already
/// have: `[CLUSTER] HOST DB_NAME DB_USER DB_PASSWORD DB_PORT` (and optionally `SSLMODE`),
/// `[IAM_ROLE] ARN`, `[S3] LOG_DATA LOG_JSONPATH SONG_DATA` (and optionally `REGION`).
///
/// Each value can be overridden by the environment variable `SPARKIFY_<SECTION>_<KEY>`, such
/// as `SPARKIFY_CLUSTER_DB_PASSWORD`. Cluster settings missing from both fall back to libpq's
/// own variables (`PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSSLMODE`,
/// `PGCONNECT_TIMEOUT`), as libpq users expect.
public struct RedshiftSettings: Sendable {
    /// The settings libpq connects with. The password is among them: never print them.
    let connection: [(String, String)]
    /// The IAM role COPY reads S3 as.
    public let iamRole: String
    /// Where the data is.
    public let s3: S3Location
    /// Where the cluster is, for messages: `database on host:port`, no secrets.
    public let endpoint: String

    /// Reads the file at `path`, with overrides from `environment`.
    public init(configPath path: String, environment: [String: String]) throws(RedshiftSettingsError) {
        let file = try ConfigFile(path: path)
        func value(_ section: String, _ key: String) -> String? {
            environment["SPARKIFY_\(section)_\(key)"] ?? file[section, key]?.value
        }
        func required(_ section: String, _ key: String, orLibPQ variable: String? = nil) throws(RedshiftSettingsError) -> String? {
            if let value = value(section, key), !value.isEmpty { return value }
            if let variable, environment[variable] != nil { return nil }
            throw .missing(path, section: section, key: key, alternatives: ["SPARKIFY_\(section)_\(key)"] + (variable.map { [$0] } ?? []))
        }
        func check(_ section: String, _ key: String, _ value: String?, _ isValid: (String) -> Bool, _ reason: String) throws(RedshiftSettingsError) {
            if let value, !isValid(value) {
                throw .invalid(path, section: section, key: key, reason: "\(reason), not '\(value)'")
            }
        }

        let host = try required("CLUSTER", "HOST", orLibPQ: "PGHOST")
        let database = try required("CLUSTER", "DB_NAME", orLibPQ: "PGDATABASE")
        let user = try required("CLUSTER", "DB_USER", orLibPQ: "PGUSER")
        let password = value("CLUSTER", "DB_PASSWORD")
        let port = value("CLUSTER", "DB_PORT") ?? (environment["PGPORT"] == nil ? "5439" : nil)
        try check("CLUSTER", "DB_PORT", port, { UInt16($0).map { $0 > 0 } ?? false }, "must be a port number")
        let sslMode = value("CLUSTER", "SSLMODE") ?? (environment["PGSSLMODE"] == nil ? "require" : nil)
        try check("CLUSTER", "SSLMODE", sslMode, Self.sslModes.contains, "must be one of \(Self.sslModes.joined(separator: ", "))")

        let arn = try required("IAM_ROLE", "ARN")!
        try check("IAM_ROLE", "ARN", arn, { $0.hasPrefix("arn:") && $0.contains(":role/") }, "must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)")
        var s3: [String: String] = [:]
        for key in ["LOG_DATA", "LOG_JSONPATH", "SONG_DATA"] {
            let uri = try required("S3", key)!
            try check("S3", key, uri, { $0.hasPrefix("s3://") && $0.count > 5 }, "must be an s3:// URI")
            s3[key] = uri
        }
        let region = value("S3", "REGION") ?? value("CLUSTER", "REGION")
        try check("S3", "REGION", region, Self.isRegion, "must be an AWS region such as us-west-2")

        var connection: [(String, String)] = []
        for (keyword, setting) in [("host", host), ("port", port), ("dbname", database), ("user", user),
                                   ("password", password), ("sslmode", sslMode)] {
            if let setting { connection.append((keyword, setting)) }
        }
        if environment["PGCONNECT_TIMEOUT"] == nil { connection.append(("connect_timeout", "15")) }
        connection.append(("application_name", "sparkify-load"))
        self.connection = connection
        self.iamRole = arn
        self.s3 = S3Location(songData: s3["SONG_DATA"]!, logData: s3["LOG_DATA"]!, logJSONPaths: s3["LOG_JSONPATH"]!, region: region)
        self.endpoint = "\(database ?? environment["PGDATABASE"] ?? "?") on \(host ?? environment["PGHOST"] ?? "?"):\(port ?? environment["PGPORT"] ?? "?")"
    }

    private static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    private static func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isLowercase || $0.isNumber } }
            && parts.last!.allSatisfy(\.isNumber)
    }
}
