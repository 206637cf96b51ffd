extension SQLOrdering {
    /// SQL that holds when the row named `incoming` comes strictly before the row named
    /// `existing` in the order `orderings`, NULLs placed as each term says: the first term
    /// that differs decides.
    public static func precedes(_ orderings: [SQLOrdering], incoming: String, existing: String) -> SQLExpression {
        var earlierTermsEqual: [SQLExpression] = []
        var alternatives: [SQLExpression] = []
        for ordering in orderings {
            let candidate = ordering.expression.qualified(by: incoming)
            let current = ordering.expression.qualified(by: existing)
            let beyond = SQLExpression.binary(candidate, ordering.isDescending ? .greater : .less, current)
            let before = switch ordering.nulls {
            case .first: SQLExpression.isNotNull(current).and(.isNull(candidate).or(beyond))
            case .last: SQLExpression.isNotNull(candidate).and(.isNull(current).or(beyond))
            case .neverNull: beyond
            }
            alternatives.append(SQLExpression.all(earlierTermsEqual + [before])!)
            let bothNull = SQLExpression.isNull(candidate).and(.isNull(current))
            earlierTermsEqual.append(ordering.nulls == .neverNull ? candidate.equals(current) : candidate.equals(current).or(bothNull))
        }
        return alternatives.dropFirst().reduce(alternatives[0]) { $0.or($1) }
    }
}
