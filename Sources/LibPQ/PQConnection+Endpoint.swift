import CLibPQ

extension PQConnection {
    /// Where the connection goes, for messages: `database on host:port`; never the password.
    public var endpoint: String {
        func text(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "?" }
        return "\(text(PQdb(handle))) on \(text(PQhost(handle))):\(text(PQport(handle)))"
    }
}
