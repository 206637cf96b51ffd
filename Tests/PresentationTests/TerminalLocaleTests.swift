import Presentation
import Testing

@Suite("Whether the locale is UTF-8")
struct TerminalLocaleTests {
    @Test("LC_ALL, then LC_CTYPE, then LANG decide; the first non-empty one counts")
    func precedence() {
        #expect(TerminalLocale.isUTF8(environment: ["LANG": "en_US.UTF-8"]))
        #expect(TerminalLocale.isUTF8(environment: ["LANG": "C.utf8"]))
        #expect(TerminalLocale.isUTF8(environment: ["LANG": "de_DE.UTF-8@euro"]))
        #expect(!TerminalLocale.isUTF8(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "C"]))
        #expect(!TerminalLocale.isUTF8(environment: ["LANG": "en_US.UTF-8", "LC_CTYPE": "en_US.ISO-8859-1"]))
        #expect(TerminalLocale.isUTF8(environment: ["LANG": "C", "LC_CTYPE": "en_US.UTF-8"]))
        #expect(TerminalLocale.isUTF8(environment: ["LC_ALL": "", "LANG": "en_US.UTF-8"]))
    }

    @Test("No locale, C, POSIX or another character set is not UTF-8")
    func notUTF8() {
        #expect(!TerminalLocale.isUTF8(environment: [:]))
        #expect(!TerminalLocale.isUTF8(environment: ["LANG": "C"]))
        #expect(!TerminalLocale.isUTF8(environment: ["LANG": "POSIX"]))
        #expect(!TerminalLocale.isUTF8(environment: ["LANG": "ja_JP.eucJP"]))
        #expect(!TerminalLocale.isUTF8(environment: ["LANG": "UTF-8"]))   // a name with no codeset part
    }
}
