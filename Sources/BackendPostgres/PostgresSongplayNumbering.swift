import Core
import LibPQ

/// Loads into one PostgreSQL database, one at a time. The transforms number new songplays
/// themselves, after the largest `songplay_id`, so a failed or killed load takes no numbers;
/// two loads at once would pick the same ones. So a load first waits for any other writer of
/// `songplays`, and keeps the identity's sequence (not transactional, used by rows others
/// insert) after the largest id.
enum PostgresSongplayNumbering {
    /// In the load's transaction, before any transform: waits for any other writer to finish
    /// (the lock lets readers in, not writers), then sets the identity's sequence so that its
    /// next value is `MAX(songplay_id) + 1`, or 1 for an empty table. Does nothing before the
    /// table exists.
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
