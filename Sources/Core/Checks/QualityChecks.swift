/// The checks run after every load: each star table has rows, no NULL or duplicate keys
/// (where the engine does not enforce keys), and every songplay's user is in `users`.
public enum QualityChecks {
    /// Every check, table by table.
    public static let all: [QualityCheck] = StarSchema.starTables.flatMap(checks(of:)) + [songplayUsersKnown]

    /// The checks of one table: not empty; its key neither NULL nor repeated.
    static func checks(of table: Table) -> [QualityCheck] {
        let key = table.primaryKey
        let keyColumns = key.map { SQLExpression.column($0) }
        let duplicates = SQLSelect(keyColumns.map { .init($0) }, from: .table(table.name), groupBy: keyColumns,
                                   having: .binary(.countRows, .greater, .integer(1)))
        return [
            QualityCheck(table.name, "has rows", query: count(from: .table(table.name)), expect: .positive,
                         fedBy: [StarSchema.songs, StarSchema.artists].contains(table) ? .songs : .events),
            QualityCheck(table.name, "no NULL \(key.joined(separator: ", "))",
                         query: count(from: .table(table.name), where: anyNull(keyColumns)),
                         expect: .zero, restatesKey: true),
            QualityCheck(table.name, "no duplicate \(key.joined(separator: ", "))",
                         query: count(from: .subquery(duplicates, as: "duplicate_keys")), expect: .zero, restatesKey: true),
        ]
    }

    /// Every songplay's user has a row in `users`.
    static let songplayUsersKnown = QualityCheck(
        StarSchema.songplays.name,
        "every user_id in users",
        query: SQLSelect(
            [.init(.countRows)],
            from: .table(StarSchema.songplays.name, as: "play"),
            joins: [.left(.table(StarSchema.users.name, as: "known"),
                          on: SQLExpression.column("user_id", of: "known").equals(.column("user_id", of: "play")))],
            where: .isNull(.column("user_id", of: "known"))
        ),
        expect: .zero
    )

    private static func count(from source: SQLSelect.Source, where filter: SQLExpression? = nil) -> SQLSelect {
        SQLSelect([.init(.countRows)], from: source, where: filter)
    }

    private static func anyNull(_ columns: [SQLExpression]) -> SQLExpression {
        columns.dropFirst().reduce(.isNull(columns[0])) { .binary($0, .or, .isNull($1)) }
    }
}
