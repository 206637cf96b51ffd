import Foundation
import LibPQ
import PostgresTestSupport
import Testing

/// A server that takes the connection and never answers does not hang a connection.
@Suite("Connecting to a server that never answers")
struct PQConnectionTimeoutTests {
    @Test("connect_timeout=2 fails the connection after about 2 s, in one line that names the timeout")
    func timesOut() throws {
        let server = try SilentServer()
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: PQError.self) {
            try PQConnection(connectionString: "postgresql://loader:Timeout-S3cret@127.0.0.1:\(server.port)/sparkify?connect_timeout=2")
        }
        let elapsed = clock.now - start
        #expect(error?.description == "connection to server at \"127.0.0.1\", port \(server.port) failed: timeout expired (no answer within connect_timeout = 2 s)")
        #expect(elapsed >= .milliseconds(1900) && elapsed < .seconds(6), "\(elapsed)")
    }
}
