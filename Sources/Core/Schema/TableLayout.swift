/// How an MPP engine should spread a table over its nodes. Engines on one machine ignore it.
public enum TableDistribution: Sendable, Hashable {
    /// Let the engine choose.
    case automatic
    /// Round-robin rows over the slices.
    case even
    /// A full copy on every node: for small dimensions joined often.
    case all
    /// Rows with the same value of this column on the same slice: for the largest join.
    case key(String)
}

/// Physical layout hints for a ``Table``: distribution and sort order.
public struct TableLayout: Sendable, Hashable {
    /// How rows are spread over nodes.
    public let distribution: TableDistribution
    /// The columns rows are stored sorted by, most significant first.
    public let sortKey: [String]

    /// Creates a layout; by default the engine decides everything.
    public init(distribution: TableDistribution = .automatic, sortKey: [String] = []) {
        self.distribution = distribution
        self.sortKey = sortKey
    }
}
