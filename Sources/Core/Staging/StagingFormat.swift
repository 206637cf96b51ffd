import Foundation

/// How the keys of a JSON object map onto a staging table's columns, as in Redshift's COPY.
public enum StagingFormat: Sendable, Hashable {
    /// `JSON 'auto'`: each top-level key fills the column of the same name; matching is
    /// case-sensitive, other keys are ignored, and a column without a key is NULL.
    case auto
    /// A jsonpaths descriptor: the n-th path fills the n-th column; a path that finds nothing
    /// gives NULL.
    case jsonPaths([JSONPath])

    /// The descriptor Sparkify publishes as `log_json_path.json`: the event keys, in the order
    /// of `staging_events`' columns. Used when a source folder has no descriptor of its own.
    public static let standardEventPaths: [JSONPath] = [
        "artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level", "location",
        "method", "page", "registration", "sessionId", "song", "status", "ts", "userAgent", "userId",
    ].map { JSONPath(key: $0) }

    /// Reads a jsonpaths descriptor, `{"jsonpaths": ["$['artist']", …]}`, from the bytes of
    /// `file`, checking that it holds one path per column of `table`.
    public static func jsonPaths(contentsOf bytes: [UInt8], file: String, for table: Table) throws(StagingError) -> StagingFormat {
        func failure(_ reason: String) -> StagingError { .badJSONPaths(file: file, reason: reason) }
        let data = Data(bytes)
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw failure("is not a JSON object")
        }
        guard let entries = root["jsonpaths"] as? [Any] else {
            throw failure("has no \"jsonpaths\" array")
        }
        var paths: [JSONPath] = []
        for (position, entry) in entries.enumerated() {
            guard let expression = entry as? String, !expression.isEmpty else {
                throw failure("entry \(position + 1) is not a JSONPath string")
            }
            let path: JSONPath
            do {
                path = try JSONPath(expression)
            } catch {
                throw failure("entry \(position + 1): \(error)")
            }
            guard case .key = path.components[0] else {
                throw failure("entry \(position + 1): \(expression) indexes an array, but each record is a JSON object")
            }
            paths.append(path)
        }
        guard paths.count == table.columns.count else {
            throw failure("has \(paths.count) paths for the \(table.columns.count) columns of \(table.name)")
        }
        return .jsonPaths(paths)
    }
}
