/// Rows staged from JSON, ready for a warehouse to write: a block of typed fields with their
/// text in one buffer, so that staging a row allocates nothing.
public struct StagedBatch: Sendable {
    /// A field as stored: text is a range of ``text``.
    enum Field: Sendable {
        case null
        case integer(Int64)
        case double(Double)
        case text(offset: UInt32, count: UInt32)
    }

    /// How many columns each row has.
    public let columnCount: Int
    /// The fields, row after row.
    private(set) var fields: [Field] = []
    /// The UTF-8 bytes of every text field.
    private(set) var text: [UInt8] = []

    /// An empty batch of rows with `columnCount` columns.
    public init(columnCount: Int) {
        self.columnCount = columnCount
    }

    /// How many rows the batch holds.
    public var rowCount: Int { fields.count / columnCount }

    /// Whether the batch holds no rows.
    public var isEmpty: Bool { fields.isEmpty }

    /// How many bytes of text the batch holds.
    public var textByteCount: Int { text.count }

    /// Reads the rows: `body` sees every value, text as UTF-8 bytes valid only inside `body`.
    public func withRows<Result>(_ body: (StagedRows) throws -> Result) rethrows -> Result {
        try fields.withUnsafeBufferPointer { fields in
            try text.withUnsafeBytes { text in
                try body(StagedRows(fields: fields, text: text, columnCount: columnCount))
            }
        }
    }

    /// Empties the batch, keeping its storage for the next rows.
    public mutating func removeAll() {
        fields.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    /// Where the row being built starts, to undo it if the row is rejected.
    var mark: (fields: Int, text: Int) { (fields.count, text.count) }

    /// Undoes everything appended since `mark`.
    mutating func rollBack(to mark: (fields: Int, text: Int)) {
        fields.removeSubrange(mark.fields...)
        text.removeSubrange(mark.text...)
    }

    mutating func appendNull() { fields.append(.null) }

    mutating func append(_ value: Int64) { fields.append(.integer(value)) }

    mutating func append(_ value: Double) { fields.append(.double(value)) }

    /// Appends a text field whose bytes `write` appends to the text buffer.
    mutating func appendText(_ write: (inout [UInt8]) -> Void) {
        let start = text.count
        write(&text)
        fields.append(.text(offset: UInt32(start), count: UInt32(text.count - start)))
    }
}

/// A read-only view of a ``StagedBatch``'s rows.
public struct StagedRows {
    let fields: UnsafeBufferPointer<StagedBatch.Field>
    let text: UnsafeRawBufferPointer
    /// How many columns each row has.
    public let columnCount: Int

    /// How many rows there are.
    public var count: Int { fields.count / columnCount }

    /// The value of `column` in `row`.
    public subscript(row: Int, column: Int) -> StagedValue {
        switch fields[row * columnCount + column] {
        case .null: .null
        case .integer(let value): .integer(value)
        case .double(let value): .double(value)
        case .text(let offset, let count): .text(UnsafeRawBufferPointer(rebasing: text[Int(offset)..<Int(offset + count)]))
        }
    }
}

/// One staged value, as a warehouse writes it.
public enum StagedValue {
    /// SQL NULL: JSON `null`, or a key that is missing.
    case null
    /// A whole number, for an integer column.
    case integer(Int64)
    /// A number, for a double column.
    case double(Double)
    /// UTF-8 text, for a text column; valid only while the rows are being read.
    case text(UnsafeRawBufferPointer)
}
