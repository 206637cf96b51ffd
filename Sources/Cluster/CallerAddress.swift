import AsyncHTTPClient
import Foundation
import NIOCore

/// The caller's own public IPv4 address, as a service that echoes it says: by default AWS's
/// `https://checkip.amazonaws.com`, or the URL in `SPARKIFY_CHECKIP_URL`. The port of a
/// cluster is opened to that one address (`/32`) when no `--open-to` is given.
package enum CallerAddress {
    /// The service asked by default.
    package static let defaultURL = "https://checkip.amazonaws.com"

    /// The URL to ask, from `environment`.
    package static func url(environment: [String: String]) -> String {
        environment["SPARKIFY_CHECKIP_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultURL
    }

    /// The address `url` answers with, as a `/32` range; throws a one-line reason when it
    /// cannot be learned within `timeout`.
    package static func learn(from url: String, timeout: Duration = .seconds(5)) async throws -> IngressCIDR {
        let body: ByteBuffer
        do {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
            guard response.status == .ok else { throw CallerAddressError(url: url, reason: "it answered HTTP \(response.status.code)") }
            body = try await response.body.collect(upTo: 1024)
        } catch let error as CallerAddressError {
            throw error
        } catch {
            throw CallerAddressError(url: url, reason: "\(error)")
        }
        let text = String(decoding: body.readableBytesView, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.contains("/"), let address = try? IngressCIDR(text) else {
            throw CallerAddressError(url: url, reason: "its answer is not an IPv4 address")
        }
        return address
    }
}
