/// Redshift's rules for an admin user's password, checked before CreateCluster so that a bad
/// one fails at once, in one line, without AWS: 8 to 64 characters of printable ASCII, at
/// least one uppercase letter, one lowercase letter and one digit, and none of `'` `"` `\`
/// `/` `@` or a space.
package enum RedshiftPasswordRule {
    /// The characters Redshift refuses in a password.
    static let forbidden: Set<Character> = ["'", "\"", "\\", "/", "@", " "]

    /// What is wrong with `password`, without quoting any of it; nil when Redshift takes it.
    package static func problem(with password: String) -> String? {
        guard (8...64).contains(password.count) else {
            return "must be 8 to 64 characters long (it has \(password.count)), as Redshift requires"
        }
        if password.contains(where: forbidden.contains) {
            return "must not contain ', \", \\, /, @ or a space, as Redshift requires"
        }
        guard password.unicodeScalars.allSatisfy({ (33...126).contains($0.value) }) else {
            return "must hold only printable ASCII characters, as Redshift requires"
        }
        var missing: [String] = []
        if !password.contains(where: \.isUppercase) { missing.append("an uppercase letter") }
        if !password.contains(where: \.isLowercase) { missing.append("a lowercase letter") }
        if !password.contains(where: \.isNumber) { missing.append("a digit") }
        guard missing.isEmpty else { return "must contain \(missing.joined(separator: ", ")), as Redshift requires" }
        return nil
    }
}
