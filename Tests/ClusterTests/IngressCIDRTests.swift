import Cluster
import Testing

/// The ranges `--open-to` takes.
@Suite("IPv4 ranges for the cluster's port")
struct IngressCIDRTests {
    @Test("Ranges as AWS writes them; a bare address is that address alone")
    func valid() throws {
        #expect(try IngressCIDR("203.0.113.7/32").description == "203.0.113.7/32")
        #expect(try IngressCIDR("203.0.113.7").description == "203.0.113.7/32")
        #expect(try IngressCIDR("10.0.0.0/8").description == "10.0.0.0/8")
        #expect(try IngressCIDR("0.0.0.0/0").isEverywhere)
        #expect(try !IngressCIDR("0.0.0.0/1").isEverywhere)
    }

    @Test("Not ranges: one line each", arguments: [
        ("203.0.113.7/33", "'203.0.113.7/33' is not an IPv4 range: the prefix length after / must be 0 to 32"),
        ("256.0.0.1/32", "'256.0.0.1/32' is not an IPv4 range: write an IPv4 range such as 203.0.113.7/32"),
        ("10.0.0.5/24", "'10.0.0.5/24' is not an IPv4 range: it has bits set past the prefix: the range is 10.0.0.0/24"),
        ("my-laptop", "'my-laptop' is not an IPv4 range: write an IPv4 range such as 203.0.113.7/32"),
        ("1.2.3/24", "'1.2.3/24' is not an IPv4 range: write an IPv4 range such as 203.0.113.7/32"),
        ("2001:db8::/32", "'2001:db8::/32' is not an IPv4 range: write an IPv4 range such as 203.0.113.7/32"),
        ("", "'' is not an IPv4 range: write an IPv4 range such as 203.0.113.7/32"),
    ])
    func invalid(_ text: String, _ message: String) {
        #expect(throws: IngressCIDRError.self) { try IngressCIDR(text) }
        do {
            _ = try IngressCIDR(text)
        } catch {
            #expect(error.description == message)
        }
    }
}
