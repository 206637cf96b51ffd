import Foundation

/// Connection strings as users write them, shown without their secrets.
enum PostgresConnectionString {
    /// `connectionString` with any password replaced by `***`: in a URL's user info, or a
    /// `password=` pair. Empty shows as libpq's environment.
    static func redacted(_ connectionString: String) -> String {
        guard !connectionString.isEmpty else { return "the PG* environment" }
        if connectionString.contains("://") {
            guard var components = URLComponents(string: connectionString) else { return "a connection URL" }
            if components.password != nil { components.password = "***" }
            components.queryItems = components.queryItems?.map { item in
                item.name == "password" ? URLQueryItem(name: item.name, value: "***") : item
            }
            return components.string ?? "a connection URL"
        }
        return connectionString.replacingOccurrences(
            of: #"password\s*=\s*('([^'\\]|\\.)*'|\S*)"#, with: "password=***", options: .regularExpression)
    }
}
