/// A table of the warehouse: its columns, keys and layout, independent of any engine.
public struct Table: Sendable, Hashable {
    /// The part a table plays in the load.
    public enum Role: Sendable, Hashable {
        /// Holds exactly one load of raw JSON; emptied before each load.
        case staging
        /// The fact table analysts query.
        case fact
        /// A dimension of the star.
        case dimension
        /// The loader's own records, kept beside the star.
        case bookkeeping
    }

    /// The table's name.
    public let name: String
    /// Its part in the load.
    public let role: Role
    /// Its columns, in order.
    public let columns: [Column]
    /// The columns that identify a row; empty when rows have no identity.
    public let primaryKey: [String]
    /// Other sets of columns whose values no two rows share.
    public let uniqueKeys: [[String]]
    /// Distribution and sort hints.
    public let layout: TableLayout
    /// Secondary indexes the transforms need.
    public let indexes: [TableIndex]

    /// Creates a table description.
    public init(
        _ name: String,
        role: Role,
        columns: [Column],
        primaryKey: [String] = [],
        uniqueKeys: [[String]] = [],
        layout: TableLayout = TableLayout(),
        indexes: [TableIndex] = []
    ) {
        self.name = name
        self.role = role
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueKeys = uniqueKeys
        self.layout = layout
        self.indexes = indexes
    }

    /// The names of the columns, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The columns a load writes: every column but an identity the warehouse numbers itself.
    public var insertableColumns: [Column] { columns.filter { !$0.isIdentity } }

    /// The order of the primary key, for the table named `alias` (unqualified when `nil`):
    /// key columns are never NULL, so engines may read it off the key's index.
    public func keyOrder(of alias: String? = nil) -> [SQLOrdering] {
        primaryKey.map { .ascendingNeverNull(.column($0, of: alias)) }
    }
}
