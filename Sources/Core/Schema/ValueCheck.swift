/// What a staged value must be, beyond fitting its column's type, for the transforms to use
/// it. A value that is not rejects its record at staging (FILE:LINE, counted against
/// `--max-errors`) rather than failing the load, or loading something else, later.
public enum ValueCheck: Sendable, Hashable {
    /// A whole number within `range`; `meaning` says what the range is, for messages.
    case within(ClosedRange<Int64>, meaning: String)
    /// Text that is empty or spells a whole number within `range`, as `CAST` reads text;
    /// `meaning` says what such a value is, for messages.
    case emptyOrWholeNumber(ClosedRange<Int64>, meaning: String)

    /// Epoch milliseconds of the times every engine holds: from 0001-01-01 00:00:00.000 to
    /// 9999-12-31 23:59:59.999 UTC (719,162 days before 1970 to 2,932,897 days after, less 1 ms).
    public static let epochMilliseconds: ValueCheck = .within(
        -62_135_596_800_000...253_402_300_799_999, meaning: "a time from year 1 to 9999"
    )

    /// A user id as events carry it: a 32-bit whole number in text, or `""` when signed out.
    public static let userID: ValueCheck = .emptyOrWholeNumber(
        ColumnType.integer.integerRange!, meaning: #"a user id (a whole number, or "" when signed out)"#
    )

    /// Why `number` fails the check, or `nil` when it passes (text checks pass every number).
    func failure(of number: Int64) -> String? {
        guard case .within(let range, let meaning) = self, !range.contains(number) else { return nil }
        return "\(number) is not \(meaning) (\(range.lowerBound) to \(range.upperBound))"
    }

    /// Why `text` fails the check, or `nil` when it passes (number checks pass all text).
    func failure(ofText text: UnsafeBufferPointer<UInt8>) -> String? {
        guard case .emptyOrWholeNumber(let range, let meaning) = self, !text.isEmpty else { return nil }
        if let number = IntegerText.value(of: text), range.contains(number) { return nil }
        var shown = String(decoding: text.prefix(40), as: UTF8.self)
        if text.count > 40 { shown += "…" }
        return "\"\(shown)\" is not \(meaning)"
    }
}
