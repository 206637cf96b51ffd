/// The event logs of a data set: sessions of signed-in users and signed-out visitors, one JSON
/// Lines file per day, as Sparkify's app writes them.
struct EventLog {
    struct User {
        let id: Int
        let firstName: String
        let lastName: String
        let gender: String
        var level: String
        let location: String
        let agent: String
        let registration: Int64
    }

    /// What one line says.
    private struct Event {
        var artist: String?
        var firstName: String?
        var gender: String?
        var item: Int64
        var lastName: String?
        var length: Double?
        var level: String
        var location: String?
        var method: String
        var page: String
        var registration: Int64?
        var session: Int64
        var song: String?
        var status: Int64
        var ts: Int64
        var agent: String?
        var userID: String
    }

    private(set) var users: [User] = []
    private var nextSession: Int64

    init(userCount: Int, random: inout SeededRandom) {
        let base: Int64 = 1_540_000_000_000
        users = (0..<userCount).map { index in
            User(id: index + 2, firstName: random.pick(Vocabulary.firstNames), lastName: random.pick(Vocabulary.lastNames),
                 gender: random.chance(0.5) ? "F" : "M", level: random.chance(0.7) ? "free" : "paid",
                 location: random.pick(Vocabulary.cities), agent: random.pick(Vocabulary.userAgents),
                 registration: base + Int64.random(in: 0..<2_000_000_000, using: &random))
        }
        nextSession = Int64.random(in: 1...1000, using: &random)
    }

    /// Writes `total` events spread over `days` days from 2018-11-01, one file a day under
    /// `log_data/YYYY/MM/`, each sorted by time. Returns how many lines were written (a few
    /// events are written twice, as at-least-once delivery does).
    mutating func write(events total: Int, days: Int, catalogue: Catalogue, to root: String, random: inout SeededRandom,
                        createFolder: (String) throws -> Void) throws -> Int {
        let firstDay: Int64 = 1_541_030_400_000
        var lines = 0
        for day in 0..<days {
            let dayStart = firstDay + Int64(day) * 86_400_000
            let wanted = total / days + (day == days - 1 ? total % days : 0)
            var events: [Event] = []
            while events.count < wanted {
                session(startingAt: dayStart + Int64.random(in: 0..<86_000_000, using: &random), limit: wanted - events.count,
                        catalogue: catalogue, random: &random, into: &events)
            }
            events.sort { ($0.ts, $0.session, $0.item) < ($1.ts, $1.session, $1.item) }
            var writer = JSONWriter()
            for event in events {
                let copies = random.chance(0.001) ? 2 : 1
                for _ in 0..<copies { Self.encode(event, into: &writer) }
                lines += copies
            }
            let date = Self.date(ofDay: day)
            let folder = "\(root)/log_data/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))"
            try createFolder(folder)
            try writer.flush(to: "\(folder)/\(date)-events.json")
        }
        return lines
    }

    /// One session of up to `limit` events: a signed-out visit that may sign in, or a signed-in user's.
    private mutating func session(startingAt start: Int64, limit: Int, catalogue: Catalogue, random: inout SeededRandom,
                                  into events: inout [Event]) {
        let session = nextSession
        nextSession += Int64.random(in: 1...3, using: &random)
        var ts = start, item: Int64 = 0
        var user: Int? = random.chance(0.12) ? nil : Int.random(in: 0..<users.count, using: &random)
        let length = min(limit, Int.random(in: 1...40, using: &random))
        for _ in 0..<length {
            var event = Event(item: item, level: "free", method: "GET", page: "Home", session: session, status: 200, ts: ts, userID: "")
            if let index = user {
                let person = users[index]
                event.firstName = person.firstName
                event.lastName = person.lastName
                event.gender = person.gender
                event.location = person.location
                event.registration = person.registration
                event.agent = person.agent
                event.userID = String(person.id)
                event.level = person.level
                if random.chance(0.82) {
                    play(&event, catalogue: catalogue, random: &random)
                } else if person.level == "free", random.chance(0.1) {
                    (event.page, event.method, event.status) = ("Submit Upgrade", "PUT", 307)
                    users[index].level = "paid"
                } else if person.level == "paid", random.chance(0.03) {
                    (event.page, event.method, event.status) = ("Submit Downgrade", "PUT", 307)
                    users[index].level = "free"
                } else if random.chance(0.05) {
                    (event.page, event.method, event.status) = ("Logout", "PUT", 307)
                    user = nil
                } else {
                    event.page = random.pick(Vocabulary.signedInPages)
                    event.status = event.page == "Error" ? 404 : 200
                }
            } else {
                event.level = random.chance(0.7) ? "free" : "paid"
                event.page = random.pick(Vocabulary.signedOutPages)
                if event.page == "Login" {
                    (event.method, event.status) = ("PUT", 307)
                    user = Int.random(in: 0..<users.count, using: &random)
                }
            }
            events.append(event)
            item += 1
            ts += event.length.map { Int64($0 * 1000) } ?? Int64.random(in: 1_000...60_000, using: &random)
        }
    }

    /// Makes `event` a play: of a catalogue song about a third of the time (its duration exact,
    /// within 0.001, or just outside), otherwise of a song the catalogue lacks.
    private func play(_ event: inout Event, catalogue: Catalogue, random: inout SeededRandom) {
        (event.page, event.method) = ("NextSong", "PUT")
        if random.chance(0.35) {
            let song = random.pick(catalogue.songs)
            event.song = song.title
            event.artist = song.artistName
            let drift = Double.random(in: 0..<1, using: &random)
            let offset = drift < 0.7 ? 0 : drift < 0.95 ? Double(Int.random(in: -90...90, using: &random)) / 100_000
                : Double(Int.random(in: 200...5000, using: &random)) / 100_000
            event.length = ((song.duration + offset) * 100_000).rounded() / 100_000
        } else {
            event.song = Catalogue.title(&random)
            event.artist = Catalogue.name(&random)
            event.length = Double(Int.random(in: 3_000_000...60_000_000, using: &random)) / 100_000
        }
    }

    private static func encode(_ event: Event, into writer: inout JSONWriter) {
        writer.raw("{\"artist\":")
        writer.string(event.artist, .escaped)
        writer.raw(",\"auth\":")
        writer.string(event.userID.isEmpty ? "Logged Out" : "Logged In", .escaped)
        writer.raw(",\"firstName\":")
        writer.string(event.firstName, .plain)
        writer.raw(",\"gender\":")
        writer.string(event.gender, .plain)
        writer.raw(",\"itemInSession\":")
        writer.number(event.item)
        writer.raw(",\"lastName\":")
        writer.string(event.lastName, .escaped)
        writer.raw(",\"length\":")
        writer.number(event.length)
        writer.raw(",\"level\":")
        writer.string(event.level, .plain)
        writer.raw(",\"location\":")
        writer.string(event.location, .plain)
        writer.raw(",\"method\":")
        writer.string(event.method, .plain)
        writer.raw(",\"page\":")
        writer.string(event.page, .plain)
        writer.raw(",\"registration\":")
        writer.number(event.registration.map(Double.init))
        writer.raw(",\"sessionId\":")
        writer.number(event.session)
        writer.raw(",\"song\":")
        writer.string(event.song, .plain)
        writer.raw(",\"status\":")
        writer.number(event.status)
        writer.raw(",\"ts\":")
        writer.number(event.ts)
        writer.raw(",\"userAgent\":")
        writer.string(event.agent, .escaped)
        writer.raw(",\"userId\":")
        writer.string(event.userID, .plain)
        writer.raw("}\n")
    }

    /// `YYYY-MM-DD` of the day `offset` days after 2018-11-01.
    static func date(ofDay offset: Int) -> String {
        var (year, month, day) = (2018, 11, 1 + offset)
        while true {
            let length = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            guard day > length else { break }
            day -= length
            month += 1
            if month > 12 { (month, year) = (1, year + 1) }
        }
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
