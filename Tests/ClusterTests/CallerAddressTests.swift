import AWSTestSupport
import Cluster
import Testing

/// Learning the caller's public address from a service that echoes it (here a local one).
@Suite("The caller's own address")
struct CallerAddressTests {
    @Test("An address with a line break after it is that address alone")
    func learned() async throws {
        let server = try ScriptedHTTPServer(answers: [.init(status: 200, body: "198.51.100.23\n")])
        #expect(try await CallerAddress.learn(from: server.url).description == "198.51.100.23/32")
        #expect(server.requests.first?.method == "GET")
    }

    @Test("An answer that is no address, an error status, or no server: one line naming the service", arguments: [
        (ScriptedHTTPServer.Answer(status: 200, body: "<html>captive portal</html>"), "its answer is not an IPv4 address"),
        (ScriptedHTTPServer.Answer(status: 200, body: "0.0.0.0/0"), "its answer is not an IPv4 address"),
        (ScriptedHTTPServer.Answer(status: 503, body: "busy"), "it answered HTTP 503"),
    ])
    func unlearned(_ answer: ScriptedHTTPServer.Answer, _ reason: String) async throws {
        let server = try ScriptedHTTPServer(answers: [answer])
        do {
            _ = try await CallerAddress.learn(from: server.url)
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "cannot learn your public address from \(server.url): \(reason)")
        }
    }

    @Test("SPARKIFY_CHECKIP_URL names the service; AWS's by default")
    func url() {
        #expect(CallerAddress.url(environment: [:]) == "https://checkip.amazonaws.com")
        #expect(CallerAddress.url(environment: ["SPARKIFY_CHECKIP_URL": "http://127.0.0.1:9/"]) == "http://127.0.0.1:9/")
    }
}
