import Core

/// The COPY statements that stage Sparkify's JSON from S3, faithful to the staging semantics
/// the local backends apply: songs by key (`'auto'`, case-sensitive), events by the jsonpaths
/// file, empty strings kept as empty strings (no `EMPTYASNULL`/`BLANKSASNULL`), values too wide
/// or not UTF-8 rejected rather than cut or replaced (no `TRUNCATECOLUMNS`/`ACCEPTINVCHARS`),
/// `MAXERROR` as `--max-errors`; from a manifest (`MANIFEST`) when the objects are named one by
/// one, as after an upload. Compression analysis and statistics are skipped: staging is
/// emptied every load, so they would cost time and serve nothing.
public enum RedshiftCopy {
    /// The largest `MAXERROR` Redshift accepts.
    public static let maximumErrors = 100_000

    /// `COPY` of `dataset` from `location`, every value a quoted literal.
    static func statement(for dataset: Dataset, from location: RedshiftCopySource, iamRole: String, maxErrors: Int) -> String {
        let dialect = RedshiftDialect()
        let table = dataset.stagingTable
        let format = switch dataset {
        case .songs: "'auto'"
        case .events: dialect.quoteLiteral(location.logJSONPaths)
        }
        var clauses = [
            "COPY \(dialect.quoteIdentifier(table.name)) (\(table.columnNames.map(dialect.quoteIdentifier).joined(separator: ", ")))",
            "FROM \(dialect.quoteLiteral(location.prefix(of: dataset)))",
            "IAM_ROLE \(dialect.quoteLiteral(iamRole))",
            "FORMAT AS JSON \(format)",
        ]
        if location.usesManifests {
            clauses.append("MANIFEST")
        }
        if let region = location.region {
            clauses.append("REGION \(dialect.quoteLiteral(region))")
        }
        clauses += ["MAXERROR \(maxErrors)", "COMPUPDATE OFF", "STATUPDATE OFF"]
        return clauses.joined(separator: "\n")
    }
}
