import Core
import LibPQ

/// Where PostgreSQL numbers new songplays: right after the largest `songplay_id`, as SQLite
/// does. The sequence behind the identity column is not transactional: a load that fails or
/// is killed after inserting songplays keeps the numbers it took, so without this the next
/// load would leave a gap where SQLite leaves none.
enum PostgresSongplayNumbering {
    /// In the load's transaction, before any transform: waits for any other load to finish
    /// (the lock lets readers in, not writers), then sets the identity's sequence so that its
    /// next value is `MAX(songplay_id) + 1`, or 1 for an empty table. Does nothing before the
    /// table exists: a table created in this transaction numbers from 1.
    static func continueAfterLargestID(on connection: PQConnection) throws {
        let dialect = PostgresDialect()
        let table = StarSchema.songplays
        let name = dialect.quoteIdentifier(table.name)
        guard let identity = table.columns.first(where: \.isIdentity),
              try connection.execute("SELECT to_regclass($1) IS NOT NULL", parameters: [name]).rows == [["t"]]
        else { return }
        try connection.execute("LOCK TABLE \(name) IN SHARE ROW EXCLUSIVE MODE")
        try connection.execute(
            "SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(\(dialect.quoteIdentifier(identity.name))), 0) + 1, false) FROM \(name)",
            parameters: [name, identity.name]
        )
    }
}
