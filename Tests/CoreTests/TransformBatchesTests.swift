import Core
import Testing

@Suite("Transforms run batch by batch")
struct TransformBatchesTests {
    let upserting = OddDialect(upsertStrategy: .conflictClauses)
    let sorting = OddDialect(upsertStrategy: .rankingAndAntiJoins)

    @Test("Picks by a conditional upsert and reads of one table distribute over batches; picks by ROW_NUMBER(), joins and replacements do not")
    func distribution() {
        #expect(StarTransforms.ofEvents.allSatisfy { $0.distributesOverBatches(in: upserting) })
        #expect(!StarTransforms.ofEvents.contains { $0.distributesOverBatches(in: sorting) })
        // Joins its requests with the catalogue; replaces songplays by key; numbers new keys.
        for transform in [StarTransforms.plays, StarTransforms.songplays, StarTransforms.songplayKeys] {
            #expect(!transform.distributesOverBatches(in: upserting), "\(transform.name)")
        }
        // Skipping keys that exist distributes where it is a DO NOTHING, not where it is an anti-join.
        #expect(StarTransforms.identitiesBrought.distributesOverBatches(in: upserting))
        #expect(!StarTransforms.identitiesBrought.distributesOverBatches(in: sorting))
    }

    @Test("A transform limited to some rows of its source keeps its filter and adds the condition under the source's alias")
    func limitedRows() throws {
        let limited = try #require(StarTransforms.latestUsers.limited(toRowsOf: "staging_events") { alias in
            .binary(.column("rowid", of: alias), .greater, .parameter(1))
        })
        #expect(limited.select.filter == SQLExpression.binary(.column("user_id", of: "event"), .notEqual, .text(""))
            .and(.binary(.column("rowid", of: "event"), .greater, .parameter(1))))
        #expect(limited.target.name == "staging_users" && limited.name == "staging_users" && limited.mode == StarTransforms.latestUsers.mode)
        #expect(SQLRenderer(dialect: OddDialect()).render(.parameter(1)) == "$1")
        // It reads staging_songs, not staging_events.
        #expect(StarTransforms.songs.limited(toRowsOf: "staging_events") { _ in .integer(1) } == nil)
    }
}
