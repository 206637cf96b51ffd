import Core
import LibPQ
import PostgresFamily

/// Stages by Redshift's own COPY, straight from S3 prefixes (see ``RedshiftCopy`` for how it
/// keeps the staging semantics). When a COPY fails, the load's report names the lines Redshift
/// rejected, read from its load-error tables once the transaction is rolled back.
public struct RedshiftCopyStager: Stager {
    /// The cluster COPY runs on.
    public let warehouse: RedshiftWarehouse
    /// Where the data is.
    public let location: RedshiftCopySource
    /// Lines each COPY may reject, as `MAXERROR`.
    public let maxErrors: Int

    /// A stager of `location` into `warehouse`, tolerating up to `maxErrors` rejected lines
    /// per table.
    public init(warehouse: RedshiftWarehouse, location: RedshiftCopySource, maxErrors: Int) {
        self.warehouse = warehouse
        self.location = location
        self.maxErrors = maxErrors
    }

    /// `s3://…/song_data and s3://…/log_data`.
    public var source: String { "\(location.songData) and \(location.logData)" }

    /// Runs the COPY of `dataset`, and reads back what it loaded and rejected.
    public func stage(_ dataset: Dataset) throws -> StagingReport {
        let table = dataset.stagingTable.name
        try warehouse.open()
        let connection = warehouse.session.openConnection
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try connection.execute(copyStatement(for: dataset))
        } catch {
            throw RedshiftLoadError(table: table, source: location.prefix(of: dataset), cause: error, rejectedRecords: [])
        }
        return try report(of: table, since: start, on: connection, clock: clock)
    }

    /// What the COPY just run into `table` loaded and rejected.
    private func report(of table: String, since start: ContinuousClock.Instant, on connection: PQConnection,
                        clock: ContinuousClock) throws(PQError) -> StagingReport {
        let rows = try connection.execute(RedshiftLoadErrors.lastCopyCount).rows.first?.first??.description
        let rejected = maxErrors == 0 ? [] : try connection.execute(RedshiftLoadErrors.lastCopy).rows.map(RedshiftLoadErrors.record)
        return StagingReport(table: table, files: nil, bytes: nil, rows: Int(rows ?? "") ?? 0, rejected: rejected,
                             discoverTime: .zero, readTime: .zero, writeTime: clock.now - start)
    }

    /// The COPY staging runs.
    public func stagingStatements(_ dataset: Dataset) throws -> [String] {
        [copyStatement(for: dataset)]
    }

    /// A failed COPY, with the lines Redshift recorded for it: readable only once the
    /// transaction it aborted is rolled back.
    public func explainFailure(_ error: any Error) -> any Error {
        guard let failed = error as? RedshiftLoadError, failed.rejectedRecords.isEmpty else { return error }
        return RedshiftLoadError(
            table: failed.table, source: failed.source, cause: failed.cause,
            rejectedRecords: RedshiftLoadErrors.records(warehouse.session.openConnection, queries: RedshiftLoadErrors.lastCopyInSession)
        )
    }

    private func copyStatement(for dataset: Dataset) -> String {
        RedshiftCopy.statement(for: dataset, from: location, iamRole: warehouse.settings.iamRole, maxErrors: maxErrors)
    }
}
