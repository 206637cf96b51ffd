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
            let before = ordering.nullsFirst
                ? SQLExpression.isNotNull(current).and(.isNull(candidate).or(beyond))
                : SQLExpression.isNotNull(candidate).and(.isNull(current).or(beyond))
            alternatives.append(SQLExpression.all(earlierTermsEqual + [before])!)
            earlierTermsEqual.append(candidate.equals(current).or(.isNull(candidate).and(.isNull(current))))
        }
        return alternatives.dropFirst().reduce(alternatives[0]) { $0.or($1) }
    }
}
