import AWS
import Core
import LibPQ
import PostgresFamily

/// Stages by Redshift's own COPY, straight from S3 prefixes (see ``RedshiftCopy`` for how it
/// keeps the staging semantics). When a COPY fails, the load's report names the lines Redshift
/// rejected, read from its load-error tables once the transaction is rolled back.
///
/// When `location` names no region (`[S3] REGION`) and a `regionClient` is given,
/// ``discoverRegions()`` asks S3 where each dataset's bucket is, and the COPY of a bucket in
/// another region than the cluster's names it as `REGION`.
public struct RedshiftCopyStager: Stager {
    /// The cluster COPY runs on.
    public let warehouse: RedshiftWarehouse
    /// Where the data is.
    public let location: RedshiftCopySource
    /// Lines each COPY may reject, as `MAXERROR`.
    public let maxErrors: Int
    /// The client that asks S3 for the buckets' regions when `location` names none; nil asks
    /// nothing.
    public let regionClient: S3Client?
    /// The region of each dataset's bucket that differs from the cluster's, once
    /// ``discoverRegions()`` has run; shared by the stager's copies.
    private let discovered = Locked<[Dataset: String]?>(nil)

    /// A stager of `location` into `warehouse`, tolerating up to `maxErrors` rejected lines
    /// per table, asking S3 with `regionClient` for the regions `location` does not name.
    public init(warehouse: RedshiftWarehouse, location: RedshiftCopySource, maxErrors: Int, regionClient: S3Client? = nil) {
        self.warehouse = warehouse
        self.location = location
        self.maxErrors = maxErrors
        self.regionClient = regionClient
    }

    /// Connects to the cluster (so that one that cannot be reached fails the load first),
    /// then asks S3, once, where the bucket of each dataset is (one request a bucket), unless
    /// `location` names a region or there is no `regionClient`; the COPY of a bucket in another
    /// region than the cluster's then names it. Call it before staging, outside the load's
    /// transaction. When S3 cannot tell (no network, credentials it refuses), the load goes
    /// on: the COPY names no `REGION`, which works when the bucket is in the cluster's region,
    /// and the one line returned says so, for the user. Throws when the cluster cannot be
    /// reached, or the load is interrupted meanwhile.
    @discardableResult
    public func discoverRegions() throws -> String? {
        try discoverRegions(connectingFirst: true)
    }

    /// ``discoverRegions()``, connecting to the cluster first or not.
    func discoverRegions(connectingFirst: Bool) throws -> String? {
        guard location.region == nil, let client = regionClient else { return nil }
        if connectingFirst { try warehouse.open() }
        return try discovered.withLock { found throws -> String? in
            guard found == nil else { return nil }
            var regions: [Dataset: String] = [:]
            var asked: [String: String?] = [:]
            var warning: String?
            for dataset in [Dataset.songs, .events] {
                guard let bucket = try? S3Location(url: location.prefix(of: dataset)).bucket else { continue }
                if asked[bucket] == nil {
                    do {
                        asked[bucket] = .some(try RedshiftCopyRegion.discover(bucket: bucket, client: client,
                                                                              clusterRegion: warehouse.settings.clusterRegion))
                    } catch let interrupted as LoadInterrupted {
                        throw interrupted
                    } catch {
                        asked[bucket] = .some(nil)
                        warning = warning ?? "cannot learn the region of s3://\(bucket) (\(error)): its COPY names no REGION, which works when the bucket is in the cluster's region; else set [S3] REGION"
                    }
                }
                regions[dataset] = asked[bucket] ?? nil
            }
            found = regions
            return warning
        }
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

    /// The COPY staging runs. Connects to nothing: before ``discoverRegions()`` has run, a
    /// comment says that a `REGION` may be added.
    public func stagingStatements(_ dataset: Dataset) throws -> [String] {
        let asksS3 = location.region == nil && regionClient != nil && discovered.withLock { $0 == nil }
        return [(asksS3 ? RedshiftCopyRegion.dryRunNote + "\n" : "") + copyStatement(for: dataset)]
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

    /// The COPY of `dataset`, naming the region found for its bucket, if any.
    private func copyStatement(for dataset: Dataset) -> String {
        let region = discovered.withLock { $0?[dataset] }
        return RedshiftCopy.statement(for: dataset, from: region.map(location.naming(region:)) ?? location,
                                      iamRole: warehouse.settings.iamRole, maxErrors: maxErrors)
    }
}
