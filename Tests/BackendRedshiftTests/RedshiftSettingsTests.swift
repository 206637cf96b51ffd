@testable import BackendRedshift
import Core
import Testing
import WarehouseConformance

@Suite("dwh.cfg")
struct RedshiftSettingsTests {
    static let password = "pa$$w0rd-'never-shown'\\"
    static let udacityConfig = """
        [CLUSTER]
        HOST=dwhcluster.abc123.us-west-2.redshift.amazonaws.com
        DB_NAME=dwh
        DB_USER=dwhuser
        DB_PASSWORD=\(password)
        DB_PORT=5439

        [IAM_ROLE]
        ARN='arn:aws:iam::123456789012:role/dwhRole'

        ; the public data set
        [S3]
        LOG_DATA='s3://udacity-dend/log_data'
        LOG_JSONPATH='s3://udacity-dend/log_json_path.json'
        SONG_DATA='s3://udacity-dend/song_data'
        """

    let folder = TemporaryFolder()

    func settings(_ text: String, environment: [String: String] = [:]) throws -> RedshiftSettings {
        folder.write("dwh.cfg", text)
        return try RedshiftSettings(configPath: folder.path + "/dwh.cfg", environment: environment)
    }

    func error(_ text: String, environment: [String: String] = [:]) -> String? {
        do {
            _ = try settings(text, environment: environment)
            return nil
        } catch let error as RedshiftSettingsError {
            #expect(!error.description.contains(Self.password), "the password leaked")
            return error.description.replacingOccurrences(of: folder.path + "/", with: "")
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("The file Sparkify teams have: quotes removed, Redshift's port, sslmode=require, a connect timeout")
    func udacityFormat() throws {
        let settings = try settings(Self.udacityConfig)
        #expect(settings.connection.map { "\($0.0)=\($0.1)" } == [
            "host=dwhcluster.abc123.us-west-2.redshift.amazonaws.com", "port=5439", "dbname=dwh", "user=dwhuser",
            "password=\(Self.password)", "sslmode=require", "connect_timeout=15", "application_name=sparkify-load",
        ])
        #expect(settings.iamRole == "arn:aws:iam::123456789012:role/dwhRole")
        #expect(settings.s3 == RedshiftCopySource(songData: "s3://udacity-dend/song_data", logData: "s3://udacity-dend/log_data",
                                          logJSONPaths: "s3://udacity-dend/log_json_path.json", region: nil))
        #expect(settings.endpoint == "dwh on dwhcluster.abc123.us-west-2.redshift.amazonaws.com:5439")
    }

    @Test("SPARKIFY_<SECTION>_<KEY> overrides the file; lower-case names and ':' work as in configparser")
    func overrides() throws {
        let text = Self.udacityConfig.replacingOccurrences(of: "DB_PORT=5439", with: "db_port: 5440\nregion = \"eu-west-1\"")
        let settings = try settings(text, environment: [
            "SPARKIFY_CLUSTER_DB_PASSWORD": "from-env", "SPARKIFY_S3_LOG_DATA": "s3://other/logs", "SPARKIFY_CLUSTER_SSLMODE": "verify-full",
        ])
        let connection = Dictionary(uniqueKeysWithValues: settings.connection)
        #expect(connection["password"] == "from-env")
        #expect(connection["port"] == "5440")
        #expect(connection["sslmode"] == "verify-full")
        #expect(settings.s3?.logData == "s3://other/logs")
        #expect(settings.s3?.region == "eu-west-1")
    }

    @Test("A password left out of [CLUSTER] is the cluster's own from [DWH], as cluster create leaves it")
    func passwordOfTheCluster() throws {
        let withoutPassword = Self.udacityConfig.split(separator: "\n").filter { !$0.hasPrefix("DB_PASSWORD=") }.joined(separator: "\n")
        let fromDWH = try settings(withoutPassword + "\n[DWH]\nDWH_DB_PASSWORD = 'Passw0rdOfDWH'\n")
        #expect(Dictionary(uniqueKeysWithValues: fromDWH.connection)["password"] == "Passw0rdOfDWH")
        let both = try settings(Self.udacityConfig + "\n[DWH]\nDWH_DB_PASSWORD=Passw0rdOfDWH\n")
        #expect(Dictionary(uniqueKeysWithValues: both.connection)["password"] == Self.password)
    }

    @Test("Cluster settings left out fall back to libpq's PG* variables")
    func libpqEnvironment() throws {
        let text = Self.udacityConfig.split(separator: "\n")
            .filter { line in !["HOST=", "DB_NAME=", "DB_USER=", "DB_PASSWORD=", "DB_PORT="].contains { line.hasPrefix($0) } }
            .joined(separator: "\n")
        let settings = try settings(text, environment: [
            "PGHOST": "h", "PGDATABASE": "d", "PGUSER": "u", "PGPORT": "6000", "PGSSLMODE": "disable", "PGCONNECT_TIMEOUT": "3",
        ])
        #expect(settings.connection.map { $0.0 } == ["application_name"])
        #expect(settings.endpoint == "d on h:6000")
    }

    @Test("Each mistake is one line naming the file, section and key", arguments: [
        ("[CLUSTER]\nHOST example.com\n", "dwh.cfg:2: expected KEY = VALUE, a [SECTION] or a # comment"),
        ("HOST=example.com\n", "dwh.cfg:1: KEY = VALUE before any [SECTION]"),
        ("[CLUSTER\n", "dwh.cfg:1: a section header is [NAME]"),
        ("[CLUSTER]\nHOST=a\nhost=b\n", "dwh.cfg:3: [CLUSTER] HOST is set twice"),
        ("[CLUSTER]\nDB_NAME=d\n", "dwh.cfg: [CLUSTER] HOST is missing (or set SPARKIFY_CLUSTER_HOST or PGHOST)"),
        ("MISSING_ARN", "dwh.cfg: [IAM_ROLE] ARN is missing (or set SPARKIFY_IAM_ROLE_ARN)"),
        ("MISSING_SONG_DATA", "dwh.cfg: [S3] SONG_DATA is missing (or set SPARKIFY_S3_SONG_DATA)"),
        ("DB_PORT=54x", "dwh.cfg: [CLUSTER] DB_PORT must be a port number, not '54x'"),
        ("SSLMODE=maybe", "dwh.cfg: [CLUSTER] SSLMODE must be one of disable, allow, prefer, require, verify-ca, verify-full, not 'maybe'"),
        ("ARN=dwhRole", "dwh.cfg: [IAM_ROLE] ARN must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), not 'dwhRole'"),
        ("LOG_DATA=udacity-dend/log_data", "dwh.cfg: [S3] LOG_DATA must be an s3:// URI, not 'udacity-dend/log_data'"),
        ("REGION=Oregon", "dwh.cfg: [S3] REGION must be an AWS region such as us-west-2, not 'Oregon'"),
    ])
    func mistakes(change: String, message: String) {
        var text = Self.udacityConfig
        switch change {
        case "MISSING_ARN": text = text.replacingOccurrences(of: "ARN='arn:aws:iam::123456789012:role/dwhRole'", with: "")
        case "MISSING_SONG_DATA": text = text.replacingOccurrences(of: "SONG_DATA='s3://udacity-dend/song_data'", with: "")
        case let line where line.hasPrefix("[") || line.hasPrefix("HOST"): text = line
        case let line:
            let key = String(line.split(separator: "=")[0])
            let section = ["ARN": "[IAM_ROLE]", "LOG_DATA": "[S3]", "REGION": "[S3]"][key] ?? "[CLUSTER]"
            text = text.split(separator: "\n").filter { !$0.hasPrefix(key + "=") }.joined(separator: "\n")
                .replacingOccurrences(of: section, with: section + "\n" + line)
        }
        #expect(error(text) == message)
    }

    @Test("A missing file says how to make one")
    func missingFile() {
        #expect(throws: RedshiftSettingsError.missingFile("nowhere/dwh.cfg")) {
            try RedshiftSettings(configPath: "nowhere/dwh.cfg", environment: [:])
        }
        #expect(RedshiftSettingsError.missingFile("dwh.cfg").description
            == "dwh.cfg: no such file; copy dwh.cfg.example to dwh.cfg and fill it in, or name another with --config")
    }
}
