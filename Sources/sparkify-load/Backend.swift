import ArgumentParser

/// The warehouses `sparkify-load` can load.
enum Backend: String, CaseIterable, ExpressibleByArgument {
    /// A local SQLite database file.
    case sqlite
}
