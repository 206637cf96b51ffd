/// One column of a ``Table``.
public struct Column: Sendable, Hashable {
    /// The column's name, as analysts and checks refer to it.
    public let name: String
    /// The neutral type of its values.
    public let type: ColumnType
    /// Whether the column may hold NULL.
    public let isNullable: Bool
    /// Whether the warehouse numbers the column itself (a surrogate key).
    public let isIdentity: Bool

    /// Creates a column; columns are nullable and not identities unless said otherwise.
    public init(_ name: String, _ type: ColumnType, nullable: Bool = true, identity: Bool = false) {
        self.name = name
        self.type = type
        self.isNullable = nullable && !identity
        self.isIdentity = identity
    }
}
