import Core
import LibPQ

/// Streams staged rows into `COPY … FROM STDIN` in PostgreSQL's text format: tab-separated,
/// `\N` for NULL, backslash escapes for tabs, newlines, carriage returns and backslashes.
struct PostgresCopySink: StagingSink {
    private let writer: PQCopyWriter
    private var buffer: [UInt8] = []

    init(writer: PQCopyWriter) {
        self.writer = writer
        buffer.reserveCapacity(1 << 20)
    }

    /// `COPY "table" ("column", …) FROM STDIN`.
    static func copySQL(for table: Table) -> String {
        let dialect = PostgresDialect()
        return "COPY \(dialect.quoteIdentifier(table.name)) (\(table.columnNames.map(dialect.quoteIdentifier).joined(separator: ", "))) FROM STDIN"
    }

    mutating func write(_ batch: StagedBatch) throws {
        buffer.removeAll(keepingCapacity: true)
        batch.withRows { rows in
            for row in 0..<rows.count {
                for column in 0..<rows.columnCount {
                    if column > 0 { buffer.append(0x09) }
                    append(rows[row, column])
                }
                buffer.append(0x0A)
            }
        }
        try buffer.withUnsafeBytes { try writer.send($0) }
    }

    private mutating func append(_ value: StagedValue) {
        switch value {
        case .null:
            buffer.append(contentsOf: [0x5C, 0x4E])
        case .integer(let number):
            buffer.append(contentsOf: String(number).utf8)
        case .double(let number):
            buffer.append(contentsOf: String(number).utf8)
        case .text(let bytes):
            for byte in bytes {
                switch byte {
                case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
                case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
                case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
                default: buffer.append(byte)
                }
            }
        }
    }
}
