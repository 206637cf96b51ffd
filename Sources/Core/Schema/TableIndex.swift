/// A secondary index a transform needs for its lookups. Engines without indexes skip it.
public struct TableIndex: Sendable, Hashable {
    /// The index's name, unique in the warehouse.
    public let name: String
    /// The indexed columns, in order.
    public let columns: [String]

    /// Creates an index over `columns`.
    public init(_ name: String, on columns: [String]) {
        self.name = name
        self.columns = columns
    }
}
