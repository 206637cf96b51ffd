/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji
/// take 2, combining marks and format characters 0, everything else 1. Counted per grapheme
/// cluster (a `Character`), as terminals draw them.
enum DisplayWidth {
    /// The columns `text` takes.
    static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The columns one character takes: 0, 1 or 2.
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if character.isASCII { return 1 }
        if scalars.contains(where: { isWide($0) }) || scalars.contains("\u{FE0F}") && scalars.first?.properties.isEmoji == true {
            return 2
        }
        return scalars.allSatisfy(isZeroWidth) ? 0 : 1
    }

    /// `text` cut to at most `width` columns: whole when it fits, otherwise as many leading
    /// characters as fit before `mark` (`…`, or `...` in plain ASCII), then the mark.
    static func truncating(_ text: String, toWidth width: Int, mark: String) -> String {
        guard of(text) > width else { return text }
        let room = width - of(mark)
        guard room >= 0 else { return String(mark.prefix(max(width, 0))) }
        var kept = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > room { break }
            kept.append(character)
            used += columns
        }
        return kept + mark
    }

    /// `text` padded with spaces to `width` columns, on the right (`left`-aligned) or the left.
    static func padding(_ text: String, toWidth width: Int, alignedLeft: Bool) -> String {
        let spaces = String(repeating: " ", count: max(width - of(text), 0))
        return alignedLeft ? text + spaces : spaces + text
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        let value = scalar.value
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: (0x1160...0x11FF).contains(scalar.value) || scalar.value == 0x200B
        }
    }
}
