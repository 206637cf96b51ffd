/// How a dialect numbers rows one after another in an order (new songplays after the largest
/// `songplay_id`).
public enum NumberingStrategy: Sendable, Hashable {
    /// `ROW_NUMBER() OVER (ORDER BY …)`.
    case rowNumber
    /// The rows go in order into a temporary table whose integer key the engine assigns one
    /// above the largest as each row comes (SQLite's rowid), then on into the target: no
    /// window to buffer the rows in.
    case insertionOrder
}
