import CLibPQ
import Foundation

/// How libpq will connect: the options a connection string or a list of settings gives, read
/// by libpq itself (`PQconninfoParse`), over the values libpq fills in from the `PG*`
/// environment and its own defaults (`PQconndefaults`). It describes the server by host, port,
/// database and user only, and removes its secrets from any text before that text is shown.
public struct PQConnectionOptions: Sendable, CustomStringConvertible {
    /// The keywords and values given, as libpq parsed them; what a connection passes to libpq.
    public let given: [(keyword: String, value: String)]
    /// The value libpq takes for each keyword not given: its environment variable, else its default.
    private let defaults: [String: String]
    /// Text never to show: every password given or in the environment, and the connection string.
    private let secrets: [String]

    /// The options of `connectionString`, a `postgresql://` URL or `key=value` pairs (empty for
    /// the `PG*` environment alone), as libpq parses it. Throws, without quoting the string,
    /// when libpq cannot parse it, and when a URL holds an `@` after its user part: an `@` or
    /// `/` in a password that is not percent-encoded, which libpq would take as part of the
    /// host name and send to a name server.
    public init(connectionString: String) throws(PQError) {
        var failure: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(connectionString, &failure) else {
            let message = failure.map { PQError.oneLine(String(cString: $0)) } ?? "out of memory"
            PQfreemem(failure)
            throw PQError(message: Self.withoutQuotedInput(message))
        }
        defer { PQconninfoFree(parsed) }
        if Self.hasAtSignAfterUserPart(connectionString) {
            throw PQError(message: "the connection URL has an \"@\" after its user name and password: "
                + "write \"@\" as %40 and \"/\" as %2F in a password")
        }
        let entries = Self.entries(of: parsed)
        self.init(given: entries.compactMap { entry in entry.value.map { (entry.keyword, $0) } },
                  secrets: entries.filter(\.isSecret).compactMap(\.value) + [connectionString])
    }

    /// The options `settings` give, libpq keywords such as `host`, `port`, `dbname`, `user`,
    /// `password`, `sslmode`, taken as they are.
    public init(settings: [(String, String)]) {
        let secretKeywords = Set(Self.defaultEntries.filter(\.isSecret).map(\.keyword))
        self.init(given: settings.map { (keyword: $0.0, value: $0.1) },
                  secrets: settings.filter { secretKeywords.contains($0.0) }.map(\.1))
    }

    private init(given: [(keyword: String, value: String)], secrets: [String]) {
        let defaults = Self.defaultEntries
        self.given = given
        self.defaults = Dictionary(defaults.compactMap { entry in entry.value.map { (entry.keyword, $0) } }) { first, _ in first }
        self.secrets = (secrets + defaults.filter(\.isSecret).compactMap(\.value)).filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
    }

    /// The value libpq connects with for `keyword`: the one given, else its environment
    /// variable's, else libpq's default; `nil` when there is none or it is empty.
    public func value(_ keyword: String) -> String? {
        let value = given.last { $0.keyword == keyword }?.value ?? defaults[keyword]
        return value?.isEmpty == false ? value : nil
    }

    /// These options with `keyword` set to `value` unless they, or its environment variable, set it.
    public func defaulting(_ keyword: String, to value: String) -> PQConnectionOptions {
        guard self.value(keyword) == nil else { return self }
        return PQConnectionOptions(given: given + [(keyword, value)], secrets: secrets)
    }

    /// `text` with every occurrence of a secret (the passwords, the connection string)
    /// replaced by `***`; a secret shorter than ``shortSecretLength`` only where it stands
    /// alone, not inside a word, so that a one-letter password leaves libpq's words whole.
    public func redacting(_ text: String) -> String {
        secrets.reduce(text) { text, secret in
            var result = "", rest = text[...]
            while let range = rest.range(of: secret) {
                let insideWord = [rest[..<range.lowerBound].last, rest[range.upperBound...].first]
                    .contains { $0?.isLetter == true || $0?.isNumber == true }
                result += rest[..<range.lowerBound] + (secret.count < Self.shortSecretLength && insideWord ? rest[range] : "***")
                rest = rest[range.upperBound...]
            }
            return result + rest
        }
    }

    /// Secrets shorter than this are removed only where they stand alone.
    public static let shortSecretLength = 4

    /// Where and as whom libpq connects, as a URL without a password:
    /// `postgres://user@host:port/database`, or for a Unix socket
    /// `postgres://user@/database?host=/socket/folder&port=5432`. Host, port, user and database
    /// are libpq's own: given, from the `PG*` environment, or its defaults (the socket folder
    /// libpq was built with, port 5432, the operating-system user, a database named as the user).
    public var description: String {
        let user = value("user") ?? ""
        let database = value("dbname") ?? user
        let hosts = (value("host") ?? value("hostaddr"))?.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            ?? [""]
        let ports = (value("port") ?? "").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let servers = hosts.enumerated().map { index, host in
            let port = ports.count == 1 ? ports[0] : index < ports.count ? ports[index] : ""
            return (host: host.isEmpty ? String(cString: sparkify_default_socket_directory()) : host,
                    port: port.isEmpty ? Self.defaultPort : port)
        }
        let start = "postgres://\(Self.encoded(user, allowing: Self.unreserved))@"
        let path = "/" + Self.encoded(database, allowing: Self.unreserved)
        guard servers.allSatisfy({ !Self.isSocket($0.host) }) else {
            let hostList = servers.map { Self.encoded($0.host, allowing: Self.unreservedAndSlash) }.joined(separator: ",")
            let portList = servers.map { Self.encoded($0.port, allowing: Self.unreserved) }.joined(separator: ",")
            return start + path + "?host=\(hostList)&port=\(portList)"
        }
        let authority = servers.map { server in
            let host = server.host.contains(":") ? "[\(Self.encoded(server.host, allowing: Self.unreservedAndColon))]"
                : Self.encoded(server.host, allowing: Self.unreserved)
            return host + ":" + Self.encoded(server.port, allowing: Self.unreserved)
        }.joined(separator: ",")
        return start + authority + path
    }

    /// One option of a libpq option array: its keyword, its value if set, and whether libpq
    /// marks it as a secret (a password).
    struct Entry {
        let keyword: String
        let value: String?
        let isSecret: Bool
    }

    /// The entries of a libpq option array, as `PQconninfoParse`, `PQconndefaults` and
    /// `PQconninfo` return them.
    static func entries(of options: UnsafeMutablePointer<PQconninfoOption>) -> [Entry] {
        var entries: [Entry] = []
        var option = options
        while let keyword = option.pointee.keyword {
            entries.append(Entry(keyword: String(cString: keyword), value: option.pointee.val.map { String(cString: $0) },
                                 isSecret: option.pointee.dispchar.map { String(cString: $0) } == "*"))
            option += 1
        }
        return entries
    }

    /// libpq's defaults now: each keyword with the value of its environment variable, else its
    /// built-in default.
    private static var defaultEntries: [Entry] {
        guard let defaults = PQconndefaults() else { return [] }
        defer { PQconninfoFree(defaults) }
        return entries(of: defaults)
    }

    /// The port libpq connects to when none is given.
    private static let defaultPort = "5432"

    /// Whether libpq takes `host` for a Unix socket: a folder, or (on Linux) an abstract name
    /// starting with `@`.
    private static func isSocket(_ host: String) -> Bool {
        host.hasPrefix("/") || host.hasPrefix("@")
    }

    /// Whether the URL `connectionString` has an `@` after its user part, where libpq takes
    /// it as part of the host or database name: the tail of a password holding `@`, or a
    /// password holding `/` (which ends libpq's search for the user part).
    private static func hasAtSignAfterUserPart(_ connectionString: String) -> Bool {
        guard let scheme = ["postgresql://", "postgres://"].first(where: connectionString.hasPrefix) else { return false }
        var rest = connectionString.dropFirst(scheme.count)
        if let end = rest.firstIndex(where: { $0 == "@" || $0 == "/" }), rest[end] == "@" {
            rest = rest[rest.index(after: end)...]
        }
        return rest.prefix { $0 != "?" }.contains("@")
    }

    /// libpq's parse error `message` with every quoted piece of the connection string replaced
    /// by `…`, since any piece may be part of a password; kept are single punctuation marks
    /// (libpq's own `"="`, `"]"`) and libpq's keywords, named in the right case when only the
    /// case was wrong.
    private static func withoutQuotedInput(_ message: String) -> String {
        let keywords = Dictionary(defaultEntries.map { ($0.keyword.lowercased(), $0.keyword) }) { first, _ in first }
        var result = "", miscased: [String] = []
        let pieces = message.split(separator: "\"", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { result += "\"" }
            guard index % 2 == 1, index < pieces.count - 1 else {
                result += piece
                continue
            }
            if piece.count == 1, piece.allSatisfy({ $0.isPunctuation || $0.isSymbol }) {
                result += piece
            } else if let keyword = keywords[piece.lowercased()] {
                result += piece
                if keyword != piece { miscased.append(keyword) }
            } else {
                result += "…"
            }
        }
        return result + (miscased.isEmpty ? "" : " (options are lower case: \(miscased.joined(separator: ", ")))")
    }

    /// `text` percent-encoded, but for the characters `allowed`.
    private static func encoded(_ text: String, allowing allowed: CharacterSet) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// RFC 3986's unreserved characters, written as they are in a URL.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    private static let unreservedAndSlash = unreserved.union(CharacterSet(charactersIn: "/"))
    private static let unreservedAndColon = unreserved.union(CharacterSet(charactersIn: ":"))
}
