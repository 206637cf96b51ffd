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
    /// What a staged value must be, beyond its type; `nil` for any value of the type.
    public let check: ValueCheck?

    /// Creates a column; columns are nullable, not identities and unchecked unless said
    /// otherwise.
    public init(_ name: String, _ type: ColumnType, nullable: Bool = true, identity: Bool = false, check: ValueCheck? = nil) {
        self.name = name
        self.type = type
        self.isNullable = nullable && !identity
        self.isIdentity = identity
        self.check = check
    }
}
