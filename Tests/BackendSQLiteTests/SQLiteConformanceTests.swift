import BackendSQLite
import Core
import Foundation
import Testing
import WarehouseConformance

/// The conformance suite, run against SQLite database files.
@Suite("SQLite conforms")
final class SQLiteConformanceTests {
    let folder = TemporaryFolder()
    private var count = 0

    lazy var suite = WarehouseConformance { [unowned self] in
        count += 1
        return SQLiteWarehouse(path: "\(folder.path)/warehouse-\(count).db")
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
