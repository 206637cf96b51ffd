import Core
import LibPQ

/// A warehouse in an Amazon Redshift cluster: staged by COPY straight from S3, transformed by
/// the same Core transforms as every backend, in one transaction.
public final class RedshiftWarehouse: PQWarehouse {
    /// The connection, made on first use.
    public let session: PQSession
    /// The settings from `dwh.cfg`.
    public let settings: RedshiftSettings
    /// The COPY that failed in the current transaction, to explain once it is rolled back.
    private var failedCopy: (table: String, source: String, error: PQError)?

    /// A warehouse on the cluster `settings` name, not yet connected.
    public init(settings: RedshiftSettings) {
        self.settings = settings
        self.session = PQSession(settings: settings.connection)
    }

    /// The dialect of Redshift.
    public var dialect: any SQLDialect { RedshiftDialect() }

    /// `database on host:port (redshift)`.
    public var location: String { "\(settings.endpoint) (redshift)" }

    /// Runs `body` in one transaction; when a COPY failed in it, the error carries the lines
    /// Redshift recorded, read after the rollback.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try open()
        do {
            return try session.openConnection.transaction(body)
        } catch {
            guard let failed = failedCopy else { throw error }
            failedCopy = nil
            throw RedshiftLoadError(
                table: failed.table, source: failed.source, cause: failed.error,
                rejectedRecords: RedshiftLoadErrors.records(session.openConnection, queries: RedshiftLoadErrors.lastCopyInSession)
            )
        }
    }

    /// Runs the COPY of `dataset` from S3.
    public func stage(_ dataset: Dataset, from source: DataSource, maxErrors: Int) throws -> StagingReport {
        guard case .s3(let location) = source else {
            throw WarehouseError.unsupportedSource(warehouse: self.location, source: source.description)
        }
        let copy = RedshiftCopy.statement(for: dataset, from: location, iamRole: settings.iamRole, maxErrors: maxErrors)
        let table = dataset.stagingTable.name
        try open()
        let connection = session.openConnection
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try connection.execute(copy)
        } catch {
            failedCopy = (table, location.prefix(of: dataset), error)
            throw error
        }
        let rows = try connection.execute(RedshiftLoadErrors.lastCopyCount).rows.first?.first??.description
        let rejected = maxErrors == 0 ? [] : try connection.execute(RedshiftLoadErrors.lastCopy).rows.map(RedshiftLoadErrors.record)
        return StagingReport(table: table, files: nil, bytes: nil, rows: Int(rows ?? "") ?? 0, rejected: rejected,
                             discoverTime: .zero, readTime: .zero, writeTime: clock.now - start)
    }

    /// The COPY staging runs.
    public func stagingStatements(_ dataset: Dataset, from source: DataSource, maxErrors: Int) throws -> [String] {
        guard case .s3(let location) = source else {
            throw WarehouseError.unsupportedSource(warehouse: location, source: source.description)
        }
        return [RedshiftCopy.statement(for: dataset, from: location, iamRole: settings.iamRole, maxErrors: maxErrors)]
    }
}
