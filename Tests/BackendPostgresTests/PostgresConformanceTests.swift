import BackendPostgres
import Core
import PostgresTestSupport
import Testing
import WarehouseConformance

/// The conformance suite, run against databases of a real PostgreSQL server.
@Suite("PostgreSQL conforms", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct PostgresConformanceTests {
    let suite = WarehouseConformance {
        PostgresWarehouse(connectionString: try PostgresServer.require().makeDatabase())
    }

    @Test func samplesLoadAsWorkedOutByHand() throws { try suite.samplesLoadAsWorkedOutByHand() }
    @Test func reloadingChangesNothing() throws { try suite.reloadingChangesNothing() }
    @Test func loadsInPartsEqualOneLoad() throws { try suite.loadsInPartsEqualOneLoad() }
    @Test func rejectedLinesWithinTheLimitLoadTheRest() throws { try suite.rejectedLinesWithinTheLimitLoadTheRest() }
    @Test func failedLoadsLeaveTheWarehouseAsItWas() throws { try suite.failedLoadsLeaveTheWarehouseAsItWas() }
    @Test func createTablesAndETL() throws { try suite.createTablesAndETL() }
    @Test func songplaysMatchAndDeduplicate() throws { try suite.songplaysMatchAndDeduplicate() }
    @Test func songplaysAreIdempotentAcrossLoads() throws { try suite.songplaysAreIdempotentAcrossLoads() }
    @Test func usersComeFromTheLatestEvent() throws { try suite.usersComeFromTheLatestEvent() }
    @Test func artistsAndSongsPickOneRowPerKey() throws { try suite.artistsAndSongsPickOneRowPerKey() }
    @Test func timeHasCalendarParts() throws { try suite.timeHasCalendarParts() }
}
