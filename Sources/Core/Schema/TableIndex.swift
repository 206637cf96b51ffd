/// A secondary index a transform's joins look rows up in. Engines that join by hashing skip it.
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
