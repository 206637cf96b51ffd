import ArgumentParser

/// The warehouses `sparkify-load` can load.
enum Backend: String, CaseIterable, ExpressibleByArgument {
    /// A local SQLite database file.
    case sqlite
    /// A PostgreSQL database, loaded from local JSON with COPY FROM STDIN.
    case postgres
    /// An Amazon Redshift cluster, loaded from S3 with COPY.
    case redshift
}
