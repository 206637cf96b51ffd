import Core
import Testing

@Suite("JSONPath expressions")
struct JSONPathTests {
    @Test("Bracket and dot notation, quotes of either kind, array indexes", arguments: [
        ("$['firstName']", [JSONPath.Component.key("firstName")]),
        ("$[\"first name\"]", [.key("first name")]),
        ("$.userAgent", [.key("userAgent")]),
        ("$['a']['b.c'][0]", [.key("a"), .key("b.c"), .index(0)]),
        ("$.a.b[12]", [.key("a"), .key("b"), .index(12)]),
    ])
    func parses(expression: String, components: [JSONPath.Component]) throws {
        let path = try JSONPath(expression)
        #expect(path.components == components)
        #expect(path.description == expression)
    }

    @Test("Anything else is refused with the reason", arguments: [
        ("firstName", "does not start with $"),
        ("$", "names nothing below $"),
        ("$['a'", "is missing a ]"),
        ("$['a]", "has an unclosed quote"),
        ("$[*]", "has neither a quoted key nor an array index in [ ]"),
        ("$.", "has an empty name after a dot"),
        ("$.a*", "unexpected '*' at position 4"),
        ("$['a']x", "unexpected 'x' at position 7"),
    ])
    func refuses(expression: String, reason: String) {
        let error = #expect(throws: JSONPathError.self) { try JSONPath(expression) }
        #expect(error?.reason == reason)
        #expect(error?.expression == expression)
    }

    @Test("The standard descriptor maps the 18 event keys in the order of staging_events")
    func standardPaths() {
        #expect(StagingFormat.standardEventPaths.map(\.description) == [
            "$['artist']", "$['auth']", "$['firstName']", "$['gender']", "$['itemInSession']", "$['lastName']",
            "$['length']", "$['level']", "$['location']", "$['method']", "$['page']", "$['registration']",
            "$['sessionId']", "$['song']", "$['status']", "$['ts']", "$['userAgent']", "$['userId']",
        ])
        #expect(StarSchema.stagingEvents.columns.count == StagingFormat.standardEventPaths.count)
    }
}
