import Core
import Foundation
import Testing

/// The behaviour every backend must show. Each backend's tests create the suite with a way to
/// make a fresh, empty warehouse, and run every check of it against that backend, so that
/// results can be compared across backends row by row.
public struct WarehouseConformance {
    /// Makes a new, empty warehouse, not yet opened, each time it is called.
    public let makeWarehouse: () throws -> any BulkLoadingWarehouse

    /// A suite for the warehouses `makeWarehouse` makes.
    public init(makeWarehouse: @escaping () throws -> any BulkLoadingWarehouse) {
        self.makeWarehouse = makeWarehouse
    }

    /// Each behaviour the suite checks.
    public enum Behaviour: String, CaseIterable, Sendable {
        case samplesLoadAsWorkedOutByHand, reloadingChangesNothing, loadsInPartsEqualOneLoad,
             rejectedLinesWithinTheLimitLoadTheRest, failedLoadsLeaveTheWarehouseAsItWas, createTablesAndETL,
             songplaysMatchAndDeduplicate, songplaysAreIdempotentAcrossLoads, usersComeFromTheLatestEvent,
             artistsAndSongsPickOneRowPerKey, timeHasCalendarParts, userIDsMustBeWholeNumbers,
             songsArrivingAfterTheirPlaysMatchThem, laterCopiesOfAPlayWinByTheRule, smallerSongIDsArrivingLaterNameTheArtist,
             failedLoadsBetweenGoodOnesAreRecordedAndChangeNothing, reportOnSamples,
             tablesOfAnOlderLoaderAreNamed
    }

    /// Checks `behaviour` on a new warehouse.
    public func check(_ behaviour: Behaviour) throws {
        switch behaviour {
        case .samplesLoadAsWorkedOutByHand: try samplesLoadAsWorkedOutByHand()
        case .reloadingChangesNothing: try reloadingChangesNothing()
        case .loadsInPartsEqualOneLoad: try loadsInPartsEqualOneLoad()
        case .rejectedLinesWithinTheLimitLoadTheRest: try rejectedLinesWithinTheLimitLoadTheRest()
        case .failedLoadsLeaveTheWarehouseAsItWas: try failedLoadsLeaveTheWarehouseAsItWas()
        case .createTablesAndETL: try createTablesAndETL()
        case .songplaysMatchAndDeduplicate: try songplaysMatchAndDeduplicate()
        case .songplaysAreIdempotentAcrossLoads: try songplaysAreIdempotentAcrossLoads()
        case .usersComeFromTheLatestEvent: try usersComeFromTheLatestEvent()
        case .artistsAndSongsPickOneRowPerKey: try artistsAndSongsPickOneRowPerKey()
        case .timeHasCalendarParts: try timeHasCalendarParts()
        case .userIDsMustBeWholeNumbers: try userIDsMustBeWholeNumbers()
        case .songsArrivingAfterTheirPlaysMatchThem: try songsArrivingAfterTheirPlaysMatchThem()
        case .laterCopiesOfAPlayWinByTheRule: try laterCopiesOfAPlayWinByTheRule()
        case .smallerSongIDsArrivingLaterNameTheArtist: try smallerSongIDsArrivingLaterNameTheArtist()
        case .failedLoadsBetweenGoodOnesAreRecordedAndChangeNothing: try failedLoadsBetweenGoodOnesAreRecordedAndChangeNothing()
        case .reportOnSamples: try reportOnSamples()
        case .tablesOfAnOlderLoaderAreNamed: try tablesOfAnOlderLoaderAreNamed()
        }
    }

    /// The `samples/` folder of this package.
    public static let samplesPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("samples").path
    }()

    /// Runs `job` on `warehouse` reading `folder`.
    @discardableResult
    public func run(_ job: Job, on warehouse: any BulkLoadingWarehouse, from folder: String = samplesPath,
                    maxErrors: Int = 0) throws -> RunReport {
        let stager = job.readsSource ? LocalRowsStager(source: try SourceFolder(path: folder), into: warehouse, maxErrors: maxErrors) : nil
        return try Pipeline(warehouse: warehouse, stager: stager).run(job)
    }

    /// Every row of `table`, in a total order: by each column in turn, text compared as bytes.
    public func rows(of table: Table, in warehouse: any Warehouse) throws -> [[SQLValue]] {
        let select = SQLSelect(
            table.columns.map { SQLSelect.Item(.column($0.name)) },
            from: .table(table.name),
            orderBy: table.columns.map { column in
                if case .text = column.type { .ascending(.binaryText(.column(column.name))) } else { .ascending(.column(column.name)) }
            }
        )
        return try warehouse.query(SQLRenderer(dialect: warehouse.dialect).render(select))
    }

    /// Every row of every table by table name, but `loads` (which records every load) and the
    /// loader's per-load intermediates (a load that changes nothing need not fill them).
    public func snapshot(of warehouse: any Warehouse) throws -> [String: [[SQLValue]]] {
        var tables: [String: [[SQLValue]]] = [:]
        let intermediates = StarSchema.stagingTables.filter { ![StarSchema.stagingEvents, StarSchema.stagingSongs].contains($0) }
        for table in StarSchema.allTables where table != StarSchema.loads && !intermediates.contains(table) {
            tables[table.name] = try rows(of: table, in: warehouse)
        }
        return tables
    }

    /// The `loads` table's rows, in order of `load_id`.
    public func history(of warehouse: any Warehouse) throws -> [[SQLValue]] {
        try rows(of: StarSchema.loads, in: warehouse)
    }

    /// Creates the tables of `warehouse`, inserts `rows` into the staging tables (values by
    /// column name, missing columns NULL) and runs the transforms, as a load would after staging.
    public func transform(_ warehouse: any BulkLoadingWarehouse, songs: [[String: SQLValue]] = [], events: [[String: SQLValue]] = []) throws {
        let existing = try warehouse.existingTables()
        if !existing.contains(StarSchema.songplays.name) {
            try run(.createTables, on: warehouse)
        }
        let renderer = SQLRenderer(dialect: warehouse.dialect)
        try warehouse.transaction {
            for table in StarSchema.stagingTables {
                try warehouse.execute(renderer.render(.delete(from: table.name, where: nil)))
            }
            for (table, rows) in [(StarSchema.stagingSongs, songs), (StarSchema.stagingEvents, events)] {
                for row in rows {
                    try warehouse.execute(insert(row, into: table, dialect: warehouse.dialect))
                }
            }
            for transform in StarTransforms.all {
                for statement in transform.statements(for: warehouse.dialect) {
                    try warehouse.execute(renderer.render(statement))
                }
            }
        }
    }

    /// `INSERT INTO table (…) VALUES (…)` of one row given as literals.
    private func insert(_ row: [String: SQLValue], into table: Table, dialect: any SQLDialect) -> String {
        precondition(Set(row.keys).isSubset(of: table.columnNames), "unknown column in \(row.keys)")
        let values = table.columns.map { column -> String in
            switch row[column.name] ?? .null {
            case .null: "NULL"
            case .integer(let number): String(number)
            case .double(let number): String(number)
            case .text(let text): dialect.quoteLiteral(text)
            }
        }
        return "INSERT INTO \(dialect.quoteIdentifier(table.name)) (\(table.columnNames.map(dialect.quoteIdentifier).joined(separator: ", "))) "
            + "VALUES (\(values.joined(separator: ", ")))"
    }
}
