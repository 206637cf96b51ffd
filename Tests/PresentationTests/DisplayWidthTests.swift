import Testing
@testable import Presentation

@Suite("Display width: columns a terminal gives text")
struct DisplayWidthTests {
    @Test("ASCII and Latin letters take 1, East Asian wide characters and emoji 2, combining marks 0")
    func widths() {
        #expect(DisplayWidth.of("Harmonia") == 8)
        #expect(DisplayWidth.of("Björk") == 5)
        #expect(DisplayWidth.of("Jo\u{301}ga") == 4)          // o + combining acute: one character
        #expect(DisplayWidth.of("夜に駆ける") == 10)
        #expect(DisplayWidth.of("ＡＢ") == 4)                 // fullwidth Latin
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("𠮷") == 2)                   // plane 2 ideograph
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)                 // one ZWJ sequence
        #expect(DisplayWidth.of("❤️") == 2)                   // text-default heart with VS16
        #expect(DisplayWidth.of("a\u{200B}b") == 2)           // zero-width space
        #expect(DisplayWidth.of("…") == 1)
    }

    @Test("Cut text ends with the mark and never exceeds the width, even between the halves of a wide character")
    func truncating() {
        #expect(DisplayWidth.truncating("Sehr kosmisch", toWidth: 13, mark: "…") == "Sehr kosmisch")
        #expect(DisplayWidth.truncating("Sehr kosmisch", toWidth: 8, mark: "…") == "Sehr ko…")
        #expect(DisplayWidth.truncating("Sehr kosmisch", toWidth: 8, mark: "...") == "Sehr ...")
        #expect(DisplayWidth.truncating("夜に駆ける", toWidth: 7, mark: "…") == "夜に駆…")
        #expect(DisplayWidth.truncating("夜に駆ける", toWidth: 6, mark: "…") == "夜に…")     // 5 columns: 駆 would make 7
        #expect(DisplayWidth.truncating("abc", toWidth: 2, mark: "...") == "..")
        #expect(DisplayWidth.truncating("abc", toWidth: 0, mark: "…") == "")
    }

    @Test("Padding counts columns, not characters")
    func padding() {
        #expect(DisplayWidth.padding("夜に", toWidth: 6, alignedLeft: true) == "夜に  ")
        #expect(DisplayWidth.padding("12", toWidth: 5, alignedLeft: false) == "   12")
        #expect(DisplayWidth.padding("toolong", toWidth: 3, alignedLeft: true) == "toolong")
    }
}
