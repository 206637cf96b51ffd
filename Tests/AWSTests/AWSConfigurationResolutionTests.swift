import AWS
import Foundation
import Testing

/// Credentials, region and endpoints are found where the AWS tools find them, in their order.
@Suite("AWS settings resolve as the AWS tools resolve them")
struct AWSConfigurationResolutionTests {
    /// A temporary home folder with the given shared files, removed when the test ends.
    final class Home {
        let path: String

        deinit {
            try? FileManager.default.removeItem(atPath: path)
        }

        init(credentials: String? = nil, config: String? = nil) throws {
            path = NSTemporaryDirectory() + "sparkify-aws-home-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
            try credentials?.write(toFile: path + "/.aws/credentials", atomically: true, encoding: .utf8)
            try config?.write(toFile: path + "/.aws/config", atomically: true, encoding: .utf8)
        }

        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            extra.merging(["HOME": path]) { first, _ in first }
        }
    }

    static let credentialsFile = """
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = default/secret+key

        # a comment
        [loader]
        aws_access_key_id=AKIALOADER
        aws_secret_access_key=loader-secret ; trailing comment
        aws_session_token = loader-token
        """
    static let configFile = """
        [default]
        region = eu-west-1

        [profile loader]
        region = us-west-2

        [profile configonly]
        aws_access_key_id = AKIACONFIG
        aws_secret_access_key = config-secret
        region = ap-south-1

        [profile assumed]
        role_arn = arn:aws:iam::123456789012:role/x
        source_profile = default
        """
    static let seed = AWSSeed(credentials: AWSCredentials(accessKeyID: "AKIASEED", secretAccessKey: "seed-secret"), region: "us-east-2", label: "dwh.cfg [AWS]")

    @Test("The environment's keys come first, with the session token")
    func environmentFirst() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(seed: Self.seed, environment: home.environment([
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
            "AWS_PROFILE": "loader",
        ]))
        #expect(configuration.credentials == AWSCredentials(accessKeyID: "AKIAENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
        #expect(configuration.credentialSource == .environment)
        #expect(configuration.region == "us-west-2")
    }

    @Test("Without environment keys, the default profile of ~/.aws/credentials, and the region of ~/.aws/config")
    func defaultProfile() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(seed: Self.seed, environment: home.environment())
        #expect(configuration.credentials == AWSCredentials(accessKeyID: "AKIADEFAULT", secretAccessKey: "default/secret+key"))
        #expect(configuration.credentialSource == .profile(name: "default", file: home.path + "/.aws/credentials"))
        #expect(configuration.region == "eu-west-1")
    }

    @Test("AWS_PROFILE picks a section; comments after values are dropped; the config file uses [profile NAME]")
    func namedProfile() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(seed: Self.seed, environment: home.environment(["AWS_PROFILE": "loader"]))
        #expect(configuration.credentials == AWSCredentials(accessKeyID: "AKIALOADER", secretAccessKey: "loader-secret", sessionToken: "loader-token"))
        #expect(configuration.region == "us-west-2")
    }

    @Test("Keys only in the config file are used too")
    func configOnlyProfile() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment(["AWS_PROFILE": "configonly"]))
        #expect(configuration.credentials?.accessKeyID == "AKIACONFIG")
        #expect(configuration.credentialSource == .profile(name: "configonly", file: home.path + "/.aws/config"))
        #expect(configuration.region == "ap-south-1")
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE name other files")
    func otherFiles() throws {
        let home = try Home()
        let folder = home.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "[default]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other\n".write(toFile: folder + "/creds", atomically: true, encoding: .utf8)
        try "[default]\nregion = sa-east-1\n".write(toFile: folder + "/conf", atomically: true, encoding: .utf8)
        let configuration = try AWSConfiguration.resolve(environment: home.environment([
            "AWS_SHARED_CREDENTIALS_FILE": folder + "/creds", "AWS_CONFIG_FILE": folder + "/conf",
        ]))
        #expect(configuration.credentials?.accessKeyID == "AKIAOTHER")
        #expect(configuration.region == "sa-east-1")
    }

    @Test("With no environment keys and no profile, the seed's keys and region")
    func seedLast() throws {
        let home = try Home()
        let configuration = try AWSConfiguration.resolve(seed: Self.seed, environment: home.environment())
        #expect(configuration.credentials?.accessKeyID == "AKIASEED")
        #expect(configuration.credentialSource == .seed("dwh.cfg [AWS]"))
        #expect(configuration.region == "us-east-2")
    }

    @Test("AWS_REGION wins over AWS_DEFAULT_REGION, which wins over the profile's region")
    func regionOrder() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let both = try AWSConfiguration.resolve(environment: home.environment(["AWS_REGION": "ca-central-1", "AWS_DEFAULT_REGION": "eu-north-1"]))
        #expect(both.region == "ca-central-1")
        let defaultOnly = try AWSConfiguration.resolve(environment: home.environment(["AWS_DEFAULT_REGION": "eu-north-1"]))
        #expect(defaultOnly.region == "eu-north-1")
    }

    @Test("Anonymous access needs no credentials and keeps the region")
    func anonymous() throws {
        let home = try Home(config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(anonymous: true, environment: home.environment(["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "x"]))
        #expect(configuration.credentials == nil)
        #expect(configuration.credentialSource == .anonymous)
        #expect(configuration.region == "eu-west-1")
    }

    @Test("Endpoint variables: per service, then for all; S3 at an override is path-style")
    func endpoints() throws {
        let home = try Home(credentials: Self.credentialsFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment([
            "AWS_ENDPOINT_URL": "http://127.0.0.1:4566/", "AWS_ENDPOINT_URL_S3": "https://s3.local.test:9000",
        ]))
        #expect(configuration.endpoint(for: .s3, region: "us-east-1") == AWSEndpoint(url: "https://s3.local.test:9000"))
        #expect(configuration.endpoint(for: .iam, region: "us-east-1").description == "http://127.0.0.1:4566")
        let plain = try AWSConfiguration.resolve(environment: home.environment())
        #expect(plain.endpoint(for: .s3, region: "eu-west-1").description == "https://s3.eu-west-1.amazonaws.com")
        #expect(plain.endpoint(for: .iam, region: "eu-west-1").description == "https://iam.amazonaws.com")
        #expect(plain.endpoint(for: .redshift, region: "us-west-2").description == "https://redshift.us-west-2.amazonaws.com")
        let ignored = try AWSConfiguration.resolve(environment: home.environment([
            "AWS_ENDPOINT_URL": "http://127.0.0.1:4566", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true",
        ]))
        #expect(ignored.endpointOverride == nil)
    }

    @Test("Unusable settings are one line each, naming the setting, never the secret")
    func mistakes() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let cases: [([String: String], String)] = [
            (["AWS_ACCESS_KEY_ID": "AKIAENV"], "AWS_SECRET_ACCESS_KEY: InvalidConfiguration: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"),
            (["AWS_SECRET_ACCESS_KEY": "lonely-secret"], "AWS_ACCESS_KEY_ID: InvalidConfiguration: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"),
            (["AWS_PROFILE": "nosuch"], "AWS_PROFILE: InvalidConfiguration: profile nosuch is in neither \(home.path)/.aws/credentials nor \(home.path)/.aws/config"),
            (["AWS_ENDPOINT_URL_S3": "localhost:9000"], "AWS_ENDPOINT_URL_S3: InvalidConfiguration: localhost:9000 is not an http:// or https:// URL with a host"),
        ]
        for (environment, expected) in cases {
            #expect(throws: AWSError.self) { try AWSConfiguration.resolve(environment: home.environment(environment)) }
            do {
                _ = try AWSConfiguration.resolve(environment: home.environment(environment))
            } catch {
                #expect("\(error)" == expected)
                #expect(!"\(error)".contains("lonely-secret"))
            }
        }
    }

    @Test("A profile that gets its keys another way is refused by name, not skipped")
    func unsupportedProfile() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        do {
            _ = try AWSConfiguration.resolve(seed: Self.seed, environment: home.environment(["AWS_PROFILE": "assumed"]))
            Issue.record("a role_arn profile resolved")
        } catch {
            #expect("\(error)".hasPrefix("\(home.path)/.aws/config: InvalidConfiguration: profile assumed gets its keys by role_arn"))
        }
    }

    @Test("No credentials anywhere is one line that says where it looked")
    func noCredentials() throws {
        let home = try Home()
        do {
            _ = try AWSConfiguration.resolve(seed: AWSSeed(label: "dwh.cfg [AWS]"), environment: home.environment())
            Issue.record("resolved without credentials")
        } catch {
            #expect("\(error)" == "AWS credentials: InvalidConfiguration: none found: not in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
                + "not in profile default of \(home.path)/.aws/credentials or \(home.path)/.aws/config, not in dwh.cfg [AWS]")
        }
    }

    @Test("The configuration's description names where the keys are from, never the secret")
    func description() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment(["AWS_PROFILE": "loader"]))
        let text = "\(configuration)"
        #expect(text.contains("profile loader in \(home.path)/.aws/credentials"))
        #expect(text.contains("AKIALOADER"))
        #expect(!text.contains("loader-secret"))
        #expect(!text.contains("loader-token"))
    }
}
