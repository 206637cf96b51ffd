import Crypto
import Foundation

extension SHA256 {
    /// The lower-case hex SHA-256 of `bytes`.
    static func hexDigest(of bytes: some DataProtocol) -> String {
        Data(SHA256.hash(data: bytes)).hexString
    }
}
