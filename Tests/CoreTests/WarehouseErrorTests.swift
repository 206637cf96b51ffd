import Core
import Testing

@Suite("Warehouse errors")
struct WarehouseErrorTests {
    @Test("Tables of an older loader: one line naming up to five missing columns, past five the first four and how many more")
    func outdatedTables() {
        let few = WarehouseError.outdatedTables(location: "old.db (sqlite)", missingColumns: ["staging_plays.start_time", "songplay_keys.load_id"])
        #expect(few.description == "old.db (sqlite) was made by an older sparkify-load: its tables lack staging_plays.start_time, "
            + "songplay_keys.load_id; `sparkify-load create-tables` makes every table afresh, empty; then load all of the data again")
        let many = WarehouseError.outdatedTables(location: "old.db (sqlite)", missingColumns: ["a.x", "b.x", "c.x", "d.x", "e.x", "f.x"])
        #expect(many.description == "old.db (sqlite) was made by an older sparkify-load: its tables lack a.x, b.x, c.x, d.x and 2 more "
            + "columns; `sparkify-load create-tables` makes every table afresh, empty; then load all of the data again")
        #expect(!many.description.contains("\n"))
    }
}
