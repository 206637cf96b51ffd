/// An event's identity, `(user_id, session_id, item_in_session)`, as SQL over `staging_events`:
/// the key that makes loading an event twice add one songplay, not two.
public enum SongplayIdentity {
    /// What `songplay_keys` records for a missing session or item, so that two events
    /// missing the same part count as the same event, as they do within one load. The largest
    /// 32-bit integer, so that keys sort a missing part last, as orderings place NULLs.
    public static let missingPart: Int64 = Int64(Int32.max)

    /// What `staging_plays` keys a missing time as: the largest value, so plays without a time
    /// sort last.
    public static let missingTime: Int64 = Int64.max

    /// The identity's columns in the loader's tables, in key order: the session first, since
    /// events arrive session by session, so that keys grow at their end rather than all over.
    public static let keyColumns = ["session_key", "item_key", "user_id"]

    /// The event's user as an integer.
    static func user(of event: String) -> SQLExpression {
        .cast(.column("user_id", of: event), .integer)
    }

    /// The event's identity as `songplay_keys` stores it, in the order of ``keyColumns``.
    static func key(of event: String) -> [SQLExpression] {
        [
            .function(.coalesce, [.column("session_id", of: event), .integer(missingPart)]),
            .function(.coalesce, [.column("item_in_session", of: event), .integer(missingPart)]),
            user(of: event),
        ]
    }

    /// The event is a play: a `NextSong` page of a signed-in user.
    static func isPlay(_ event: String) -> SQLExpression {
        SQLExpression.column("page", of: event).equals(.text("NextSong"))
            .and(.binary(.column("user_id", of: event), .notEqual, .text("")))
    }
}
