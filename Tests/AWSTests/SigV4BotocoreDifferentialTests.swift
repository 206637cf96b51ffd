import AWS
import AWSTestSupport
import Foundation
import Testing

/// Our signer against botocore's, on many generated requests: awkward keys and query values
/// (spaces, `+`, `%`, `~`, `=`, `&`, `/`, Unicode), empty and repeated parameters, repeated
/// headers and runs of whitespace, bodies signed and unsigned, session tokens; S3 (paths
/// encoded once) and IAM, Redshift and EC2 (paths normalized and encoded twice). botocore
/// does its own encoding from the same unencoded parts, so the two share nothing but the
/// specification.
@Suite("SigV4 agrees with botocore's signer", .enabled(if: Botocore.isEnabled, Botocore.skipReason))
struct SigV4BotocoreDifferentialTests {
    /// SplitMix64: the same cases on every run.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

        mutating func text(from alphabet: [String], length: ClosedRange<Int>) -> String {
            (0..<(length.lowerBound + below(length.count))).map { _ in pick(alphabet) }.joined()
        }
    }

    static let keyAlphabet = ["a", "Z", "0", "9", " ", "+", "%", "~", "=", "&", "?", "#", "/", "-", "_", ".", "é", "ß", "中", "🎵", "ю",
                              "!", "'", "(", ")", "*", ",", ";", ":", "@", "$", "[", "]", "\"", "<", ">", "^", "`", "{", "|", "}", "%20", "%2F"]
    static let valueAlphabet = keyAlphabet + ["", "==", "  "]

    struct Case {
        let service: String, region: String, method: String, scheme: String, host: String, path: String
        let query: [(String, String)], headers: [(String, String)], body: [UInt8], unsigned: Bool
        let credentials: AWSCredentials, timestamp: Date

        var json: [String: Any] {
            [
                "service": service, "region": region, "accessKey": credentials.accessKeyID, "secretKey": credentials.secretAccessKey,
                "sessionToken": credentials.sessionToken as Any, "timestamp": Self.format(timestamp), "method": method, "scheme": scheme,
                "host": host, "path": path, "query": query.map { [$0.0, $0.1] }, "headers": headers.map { [$0.0, $0.1] },
                "body": body.map { String(format: "%02x", $0) }.joined(), "unsignedPayload": unsigned,
            ]
        }

        static func format(_ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            return formatter.string(from: date)
        }

        func signedByUs() -> String? {
            var request = AWSRequest(method: method, scheme: scheme, host: host, path: path,
                                     query: query.map { (name: $0.0, value: $0.1) }, headers: headers.map { (name: $0.0, value: $0.1) })
            SigV4Signer(credentials: credentials, region: region, service: service)
                .sign(&request, payload: unsigned ? .unsigned : .bytes(body), date: timestamp)
            return request.header("Authorization")
        }
    }

    static func cases(count: Int) -> [Case] {
        var random = Generator(state: 2026)
        return (0..<count).map { index in
            let service = index % 2 == 0 ? "s3" : random.pick(["iam", "redshift", "ec2"])
            let region = random.pick(["us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2"])
            let s3Hosts = ["sparkify-\(index).s3.\(region).amazonaws.com", "s3.\(region).amazonaws.com", "127.0.0.1:9000"]
            let host = service == "s3" ? random.pick(s3Hosts) : random.pick(["\(service).\(region).amazonaws.com", "127.0.0.1:5000"])
            let scheme = host.hasPrefix("127.") ? "http" : "https"
            var path = "/"
            if service == "s3" {
                let key = random.text(from: keyAlphabet, length: 0...24)
                path = host.hasPrefix("sparkify-") ? "/" + key : "/sparkify-bucket/" + key
            } else if random.chance(30) {
                path = "/" + random.text(from: keyAlphabet + ["/./", "/../", "//"], length: 1...12)
            }
            var query = [(String, String)]()
            for _ in 0..<random.below(6) {
                let name = random.chance(20) ? random.pick(["prefix", "list-type", "uploads", "x"]) : random.text(from: keyAlphabet, length: 1...8)
                query.append((name, random.chance(20) ? "" : random.text(from: valueAlphabet, length: 0...10)))
                if random.chance(25) { query.append((name, random.text(from: valueAlphabet, length: 0...6))) }
            }
            var headers = [(String, String)]()
            if random.chance(40) { headers.append(("Range", "bytes=\(random.below(1000))-")) }
            if random.chance(40) { headers.append(("Content-Type", random.pick(["application/json", "text/plain; charset=utf-8", "application/x-www-form-urlencoded"]))) }
            if random.chance(50) {
                let name = "x-amz-meta-" + random.pick(["sha256", "Note", "origin"])
                headers.append((name, random.pick(["  leading", "trailing  ", "in   between", "tab\there", "plain"])))
                if random.chance(40) { headers.append((name, "second value")) }
            }
            let method = random.pick(service == "s3" ? ["GET", "PUT", "HEAD", "DELETE", "POST"] : ["POST", "GET"])
            let body = method == "PUT" || method == "POST" ? (0..<random.below(200)).map { _ in UInt8(random.below(256)) } : []
            let token = random.chance(30) ? random.text(from: ["A", "z", "0", "/", "+", "="], length: 20...60) : nil
            let credentials = AWSCredentials(accessKeyID: "AKIA" + random.text(from: ["A", "B", "7", "Q"], length: 16...16),
                                             secretAccessKey: random.text(from: ["a", "B", "3", "/", "+"], length: 40...40), sessionToken: token)
            let unsigned = service == "s3" && scheme == "https" && method == "PUT" && random.chance(50)
            let timestamp = Date(timeIntervalSince1970: TimeInterval(1_300_000_000 + random.below(600_000_000)))
            return Case(service: service, region: region, method: method, scheme: scheme, host: host, path: path, query: query,
                        headers: headers, body: body, unsigned: unsigned, credentials: credentials, timestamp: timestamp)
        }
    }

    @Test("400 generated requests sign to botocore's Authorization header, byte for byte")
    func generated() throws {
        let cases = Self.cases(count: 400)
        let input = try JSONSerialization.data(withJSONObject: cases.map(\.json))
        let expected = try Botocore.sign(input)
        try #require(expected.count == cases.count)
        var mismatches = 0
        for (index, (testCase, theirs)) in zip(cases, expected).enumerated() where testCase.signedByUs() != theirs {
            mismatches += 1
            if mismatches <= 5 {
                Issue.record("case \(index): \(testCase.service) \(testCase.method) \(testCase.path) \(testCase.query): ours \(testCase.signedByUs() ?? "none"), botocore's \(theirs)")
            }
        }
        #expect(mismatches == 0)
        #expect(Set(cases.map(\.service)) == ["s3", "iam", "redshift", "ec2"])
        #expect(cases.contains { $0.unsigned } && cases.contains { $0.credentials.sessionToken != nil })
        #expect(cases.contains { testCase in Set(testCase.query.map(\.0)).count < testCase.query.count })
    }
}
