import Core

/// A staged value, copied out of its batch.
enum Cell: Equatable, CustomStringConvertible {
    case null
    case integer(Int64)
    case double(Double)
    case text(String)

    init(_ value: StagedValue) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .double(let number): self = .double(number)
        case .text(let bytes): self = .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let number): "\(number)"
        case .double(let number): "\(number)"
        case .text(let text): "'\(text)'"
        }
    }
}

/// A staging sink that keeps every row in memory, keyed by column name.
struct CollectingSink: StagingSink {
    let table: Table
    private(set) var rows: [[String: Cell]] = []
    private(set) var batches = 0

    init(_ table: Table) {
        self.table = table
    }

    mutating func write(_ batch: StagedBatch) throws {
        batches += 1
        batch.withRows { staged in
            for row in 0..<staged.count {
                rows.append(Dictionary(uniqueKeysWithValues: table.columns.indices.map { column in
                    (table.columns[column].name, Cell(staged[row, column]))
                }))
            }
        }
    }
}
