import Core
import Foundation
import Testing

extension WarehouseConformance {
    /// Loading `samples/` gives exactly the tables worked out by hand.
    public func samplesLoadAsWorkedOutByHand() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        let report = try run(.load, on: warehouse)
        #expect(try rows(of: StarSchema.songplays, in: warehouse) == SampleTables.songplays)
        #expect(try rows(of: StarSchema.users, in: warehouse) == SampleTables.users)
        #expect(try rows(of: StarSchema.songs, in: warehouse) == SampleTables.songs)
        #expect(try rows(of: StarSchema.artists, in: warehouse) == SampleTables.artists)
        #expect(try rows(of: StarSchema.time, in: warehouse) == SampleTables.time)
        #expect(report.staging.map(\.rows) == [11, 23])
        #expect(report.staging.map(\.files) == [11, 3])
        #expect(report.rejected.isEmpty)
        #expect(report.checksPassed)
        #expect(report.tableRows.map(\.rows) == [15, 6, 11, 9, 14])
        let star = Set(StarSchema.starTables.map(\.name))
        #expect(report.transforms.filter { star.contains($0.table) }.map(\.table) == ["songs", "artists", "songplays", "time", "users"])
        #expect(report.transforms.filter { star.contains($0.table) }.map(\.rowsWritten) == [11, 9, 15, 14, 6])
        #expect(try history(of: warehouse).map { [$0[0], $0[3]] } == [[.integer(1), .text("loaded")]])
    }

    /// Loading the same input again leaves every table exactly as it was.
    public func reloadingChangesNothing() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        try run(.load, on: warehouse)
        let first = try snapshot(of: warehouse)
        let again = try run(.load, on: warehouse)
        #expect(try snapshot(of: warehouse) == first)
        #expect(again.transforms.first { $0.table == "songplays" }?.rowsWritten == 0)
        #expect(again.transforms.first { $0.table == "time" }?.rowsWritten == 0)
    }

    /// Loading the logs day by day gives the same star as loading them at once.
    public func loadsInPartsEqualOneLoad() throws {
        let firstDays = TemporaryFolder(), lastDay = TemporaryFolder()
        for folder in [firstDays, lastDay] {
            folder.copyContents(of: Self.samplesPath)
        }
        try FileManager.default.removeItem(atPath: firstDays.path + "/log_data/2018/11/2018-11-03-events.json")
        for day in ["01", "02"] {
            try FileManager.default.removeItem(atPath: lastDay.path + "/log_data/2018/11/2018-11-\(day)-events.json")
        }
        let inParts = try makeWarehouse(), atOnce = try makeWarehouse()
        defer { inParts.close(); atOnce.close() }
        try run(.load, on: inParts, from: firstDays.path)
        #expect(try rows(of: StarSchema.songplays, in: inParts) == Array(SampleTables.songplays.prefix(12)))
        try run(.load, on: inParts, from: lastDay.path)
        try run(.load, on: atOnce)
        for table in StarSchema.starTables {
            #expect(try rows(of: table, in: inParts) == rows(of: table, in: atOnce), "\(table.name)")
        }
        // Each identity keeps the load that first brought it: 12 plays in load 1, 3 in load 2.
        let loadsOfPlays = try rows(of: StarSchema.songplayKeys, in: inParts).map { $0[4] }
        #expect(loadsOfPlays.filter { $0 == .integer(1) }.count == 12 && loadsOfPlays.filter { $0 == .integer(2) }.count == 3)
    }

    /// Within `--max-errors`, the rest loads and the rejected lines are counted.
    public func rejectedLinesWithinTheLimitLoadTheRest() throws {
        let folder = TemporaryFolder()
        folder.copyContents(of: Self.samplesPath)
        let day = "log_data/2018/11/2018-11-02-events.json"
        var lines = folder.read(day).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[6] = String(lines[6].prefix(40))  // the logged-out Home event, cut short
        folder.write(day, lines.joined(separator: "\n"))
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        #expect(throws: StagingError.self) { try run(.load, on: warehouse, from: folder.path) }
        let report = try run(.load, on: warehouse, from: folder.path, maxErrors: 1)
        #expect(report.rejected.map(\.description) == [
            "\(folder.path)/\(day):7: malformed JSON at column 41: the line ends inside a string (skipped 40 bytes on this line)",
        ])
        #expect(report.staging.map(\.rows) == [11, 22])
        #expect(try rows(of: StarSchema.songplays, in: warehouse) == SampleTables.songplays)
    }
}
