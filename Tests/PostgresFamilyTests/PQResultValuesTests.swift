import LibPQ
import PostgresFamily
import PostgresTestSupport
import Testing

@Suite("libpq results as the warehouse's values", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct PQResultValuesTests {
    @Test("Values read back typed; timestamps with their milliseconds")
    func values() throws {
        let connection = try PQConnection(connectionString: PostgresServer.require().makeDatabase())
        let result = try connection.execute("""
            SELECT 1::smallint, 2::integer, 3::bigint, 0.5::double precision, 'x'::text, NULL::integer,
                   TIMESTAMP '2018-11-01 12:37:15', TIMESTAMP '2018-11-02 15:20:30.03', TIMESTAMP '2018-11-01 08:00:05.123'
            """)
        #expect(result.values == [[.integer(1), .integer(2), .integer(3), .double(0.5), .text("x"), .null,
                                   .text("2018-11-01 12:37:15.000"), .text("2018-11-02 15:20:30.030"),
                                   .text("2018-11-01 08:00:05.123")]])
    }
}
