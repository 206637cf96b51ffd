/// What the locale says about the terminal's character set.
public enum TerminalLocale {
    /// Whether the locale's character set is UTF-8, as the C library decides the locale of
    /// character classification: the first non-empty of `LC_ALL`, `LC_CTYPE` and `LANG` names it
    /// (`en_US.UTF-8`, `C.utf8`); with none set the locale is `C`, which is not UTF-8. When this
    /// is `false`, output keeps to plain ASCII.
    public static func isUTF8(environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let codeset = name.split(separator: ".", maxSplits: 1).dropFirst().first?.split(separator: "@").first ?? ""
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8"
    }
}
