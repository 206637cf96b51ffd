/// Transforms run part by part: a transform that reads one staging table alone may run over each
/// batch of rows as staging writes it, while the next batch is still being parsed, instead of
/// once over them all afterwards.
extension Transform {
    /// Whether running this transform over parts of its source's rows, one part after another,
    /// leaves what one run over all of them leaves in `dialect`: it reads one table alone (no
    /// join) and writes each incoming row on its own, whatever came before it. Appends do;
    /// skipping existing keys by `ON CONFLICT DO NOTHING` does; picking one row per key by a
    /// conditional `ON CONFLICT DO UPDATE` does, since the row kept is the first of all in a
    /// total order whichever way they come. Replacing by key (the last row wins), numbering and
    /// picks by `ROW_NUMBER()` over all the rows do not.
    public func distributesOverBatches(in dialect: any SQLDialect) -> Bool {
        guard case .table = select.from, select.joins.isEmpty, select.groupBy.isEmpty, !select.isDistinct else { return false }
        switch mode {
        case .append:
            return true
        case .insertMissing:
            return dialect.upsertStrategy.skipping == .onConflictDoNothing
        case .firstPerKey, .keepFirstPerKey:
            return dialect.upsertStrategy.picking == .conditionalUpdateOnConflict
        case .appendNumbered, .replaceByKey, .removeWhere:
            return false
        }
    }

    /// This transform over only those rows of `table` where `condition` holds (`condition` is
    /// given the name the select reads `table` under), or `nil` when it does not read `table`
    /// as its one source.
    public func limited(toRowsOf table: String, where condition: (String) -> SQLExpression) -> Transform? {
        guard case .table(table, let alias) = select.from, select.joins.isEmpty else { return nil }
        var limited = select
        let restriction = condition(alias ?? table)
        limited.filter = limited.filter.map { $0.and(restriction) } ?? restriction
        return Transform(into: target, limited, mode: mode, writesIdentity: writesIdentity, named: name)
    }
}
