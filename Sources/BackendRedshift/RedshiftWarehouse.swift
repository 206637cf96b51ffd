import Core
import LibPQ
import PostgresFamily

/// A warehouse in an Amazon Redshift cluster: staged by COPY straight from S3 (see
/// ``RedshiftCopyStager``), transformed by the same Core transforms as every backend, in one
/// transaction.
public final class RedshiftWarehouse: PQWarehouse {
    /// The connection, made on first use.
    public let session: PQSession
    /// The settings from `dwh.cfg`.
    public let settings: RedshiftSettings

    /// A warehouse on the cluster `settings` name, not yet connected.
    public init(settings: RedshiftSettings) {
        self.settings = settings
        self.session = PQSession(settings: settings.connection)
    }

    /// The dialect of Redshift.
    public var dialect: any SQLDialect { RedshiftDialect() }

    /// `database on host:port (redshift)`.
    public var location: String { "\(settings.endpoint) (redshift)" }
}
