import Core

/// Text made safe to place in HTML, in element content or in a quoted attribute.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` written as character references.
    static func escaping(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A value from the data: its control characters escaped as messages show them (`\n`,
    /// `\u{1B}`), then escaped for HTML.
    static func data(_ text: String) -> String {
        escaping(MessageText.escaping(text))
    }
}
