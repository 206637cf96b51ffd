import Core
import Foundation
import LibPQ
import PostgresFamily

/// Amazon Redshift's SQL: VARCHAR widths in bytes, `IDENTITY(0, 1)` surrogate keys,
/// distribution and sort keys, no indexes, and no `ON CONFLICT` (keys are not enforced, so
/// upserts delete then insert).
public struct RedshiftDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}


    /// Redshift reads a backslash in a literal as an escape: both it and the quote are doubled,
    /// so no value can end the literal early.
    public func quoteLiteral(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `INTEGER`, `BIGINT`, `DOUBLE PRECISION`, `VARCHAR(bytes)`, `TIMESTAMP`.
    public func typeName(_ type: ColumnType) -> String {
        PostgresFamilySQL.typeName(type) { "VARCHAR(\($0))" }
    }

    /// `BIGINT IDENTITY(0, 1)`: numbered by the cluster from 0; unique, not necessarily dense.
    public func identityColumnType(_ type: ColumnType) -> String {
        "\(typeName(type)) IDENTITY(0, 1)"
    }

    /// `DISTSTYLE …` with its `DISTKEY`, then `SORTKEY`.
    public func tableAttributes(_ table: Table) -> String? {
        var clauses: [String] = switch table.layout.distribution {
        case .automatic: ["DISTSTYLE AUTO"]
        case .even: ["DISTSTYLE EVEN"]
        case .all: ["DISTSTYLE ALL"]
        case .key(let column): ["DISTSTYLE KEY", "DISTKEY (\(quoteIdentifier(column)))"]
        }
        if !table.layout.sortKey.isEmpty {
            clauses.append("SORTKEY (\(table.layout.sortKey.map(quoteIdentifier).joined(separator: ", ")))")
        }
        return clauses.joined(separator: "\n")
    }

    /// Redshift has no secondary indexes; it hashes or merges, helped by sort keys.
    public var joinsByIndexLookups: Bool { false }

    /// Redshift does not enforce keys and has no `ON CONFLICT`: anti-joins, delete then
    /// insert, and `ROW_NUMBER()`.
    public var upsertStrategy: UpsertStrategy {
        UpsertStrategy(skipping: .antiJoin, replacing: .deleteThenInsert, picking: .rowNumber)
    }

    /// Redshift takes keys as hints for the planner and enforces none.
    public var enforcesKeys: Bool { false }

    /// COPY skips statistics (`STATUPDATE OFF`); the transforms' joins want them.
    public var analyzesStagedTables: Bool { true }

    /// Exact decimal seconds (`ts / 1000.0` keeps the milliseconds) as an interval after the epoch.
    public func timestampFromEpochMilliseconds(_ milliseconds: String) -> String {
        "TIMESTAMP 'epoch' + \(milliseconds) / 1000.0 * INTERVAL '1 second'"
    }

    /// `EXTRACT` of the part.
    public func datePart(_ part: DatePart, of timestamp: String) -> String {
        PostgresFamilySQL.datePart(part, of: timestamp)
    }

    /// Redshift compares text byte by byte unless told otherwise.
    public func binaryText(_ text: String) -> String { text }
}
