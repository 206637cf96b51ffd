import Core

/// The star tables a load of `samples/` must produce, worked out by hand from the sample files
/// (see samples/README.md for what each file exercises). Rows are in key order.
public enum SampleTables {
    private static let chicago = SQLValue.text("Chicago-Naperville-Elgin, IL-IN-WI")
    private static let sanJose = SQLValue.text("San Jose-Sunnyvale-Santa Clara, CA")
    private static let washington = SQLValue.text("Washington-Arlington-Alexandria, DC-VA-MD-WV")
    private static let coeurDAlene = SQLValue.text("Coeur d'Alene, ID")
    private static let newYork = SQLValue.text("New York-Newark-Jersey City, NY-NJ-PA")
    private static let waterloo = SQLValue.text("Waterloo-Cedar Falls, IA")
    // The logs escape "/" as "\/" and wrap most agents in quotes; staging decodes the escapes.
    private static let windowsChrome = SQLValue.text(#""Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36""#)
    private static let macChrome = SQLValue.text(#""Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36""#)
    private static let firefox = SQLValue.text("Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0")
    private static let iPhone = SQLValue.text(#""Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53""#)

    private static func t(_ text: String) -> SQLValue { .text(text) }
    private static func i(_ number: Int64) -> SQLValue { .integer(number) }
    private static func d(_ number: Double) -> SQLValue { .double(number) }
    private static let null = SQLValue.null

    /// 15 plays: the 16 NextSong events of signed-in users, less one line repeated in the
    /// 2018-11-02 log; numbered by time. Matches need title, artist and duration within 0.001.
    public static let songplays: [[SQLValue]] = [
        // Harmonia's "Sehr kosmisch", 655.77751 both in the log and the song file.
        [i(1), t("2018-11-01 08:00:05.123"), i(15), t("free"), t("SOAAAAA12A8C13C001"), t("ARH6W4X1187B99274F"), i(100), chicago, windowsChrome],
        // "Some Unknown Song" by "Nobody": no such song.
        [i(2), t("2018-11-01 08:10:59.005"), i(15), t("free"), null, null, i(100), chicago, windowsChrome],
        // "Clocks" 307.5135 against 307.51302: 0.00048 apart, a match.
        [i(3), t("2018-11-01 12:30:00.250"), i(10), t("free"), t("SOIIIII12A8C13C010"), t("ARCLD2P1187B9B3D55"), i(103), washington, macChrome],
        // "Clocks" 307.515: 0.00198 apart, no match.
        [i(4), t("2018-11-01 12:35:07.763"), i(10), t("free"), null, null, i(103), washington, macChrome],
        // "Yesterday" 125.3: both songs last 125.0.
        [i(5), t("2018-11-01 12:37:15.000"), i(10), t("free"), null, null, i(103), washington, macChrome],
        // "I Didn't Mean To", one millisecond before midnight.
        [i(6), t("2018-11-01 23:59:59.999"), i(26), t("free"), t("SOBBBBB12A8C13C002"), t("ARD7TVE1187B99BFB1"), i(102), sanJose, firefox],
        // "Yesterday" 125.0 matches two songs: the smaller song_id, SOFFFFA…009, wins.
        [i(7), t("2018-11-02 00:03:38.930"), i(26), t("free"), t("SOFFFFA12A8C13C009"), t("ARBTL4K1187B9A1F33"), i(102), sanJose, firefox],
        // Lily is paid from 2018-11-02.
        [i(8), t("2018-11-02 10:00:00.000"), i(15), t("paid"), t("SOCCCCC12A8C13C003"), t("ARGNR5X1187B9B4A2C"), i(200), chicago, windowsChrome],
        // "Jóga" raw in the log, escaped in the song file; "Björk" escaped in both.
        [i(9), t("2018-11-02 10:05:55.546"), i(15), t("paid"), t("SOEEEEE12A8C13C005"), t("ARBJK3E1187FB4E2C1"), i(200), chicago, windowsChrome],
        // "Hoppípolla" by "Sigur Rós" escaped in the log, raw in the song file.
        [i(10), t("2018-11-02 10:10:21.000"), i(15), t("paid"), t("SOGGGGG12A8C13C006"), t("ARSGR8Q1187B9A6E7D"), i(200), chicago, windowsChrome],
        // "AC\/DC": this line appears twice in the log; one play.
        [i(11), t("2018-11-02 15:20:30.030"), i(80), t("paid"), t("SOHHHHH12A8C13C007"), t("ARACDC71187B98B7C2"), i(201), coeurDAlene, iPhone],
        // "Don't Cry" by "Guns N Roses", as its own song file names the artist.
        [i(12), t("2018-11-02 18:00:00.000"), i(101), t("free"), t("SODDDDD12A8C13C004"), t("ARGNR5X1187B9B4A2C"), i(203), newYork, firefox],
        [i(13), t("2018-11-03 07:07:07.007"), i(26), t("free"), null, null, i(300), sanJose, firefox],
        // Two users play the same song at the same millisecond.
        [i(14), t("2018-11-03 21:45:00.000"), i(10), t("free"), t("SOAAAAA12A8C13C001"), t("ARH6W4X1187B99274F"), i(301), washington, macChrome],
        [i(15), t("2018-11-03 21:45:00.000"), i(44), t("paid"), t("SOAAAAA12A8C13C001"), t("ARH6W4X1187B99274F"), i(302), waterloo, macChrome],
    ]

    /// The six signed-in users, each as of their latest event of any page.
    public static let users: [[SQLValue]] = [
        [i(10), t("Sylvie"), t("Cruz"), t("F"), t("free")],
        // free on 2018-11-01, paid on 2018-11-02.
        [i(15), t("Lily"), t("Koch"), t("F"), t("paid")],
        [i(26), t("Ryan"), t("Smith"), t("M"), t("free")],
        [i(44), t("Aleena"), t("Kirby"), t("F"), t("paid")],
        // The latest event is the Logout page.
        [i(80), t("Jordan"), t("O'Neil"), t("M"), t("paid")],
        // Escaped as "Jos\u00e9" "Pe\u00f1a".
        [i(101), t("José"), t("Peña"), t("M"), t("free")],
    ]

    /// Every song file.
    public static let songs: [[SQLValue]] = [
        [t("SOAAAAA12A8C13C001"), t("Sehr kosmisch"), t("ARH6W4X1187B99274F"), i(1974), d(655.77751)],
        [t("SOBBBBB12A8C13C002"), t("I Didn't Mean To"), t("ARD7TVE1187B99BFB1"), i(0), d(218.93179)],
        [t("SOCCCCC12A8C13C003"), t("Sweet Child O' Mine"), t("ARGNR5X1187B9B4A2C"), i(1987), d(355.3171)],
        [t("SODDDDD12A8C13C004"), t("Don't Cry"), t("ARGNR5X1187B9B4A2C"), i(1991), d(284.76036)],
        [t("SOEEEEE12A8C13C005"), t("Jóga"), t("ARBJK3E1187FB4E2C1"), i(1997), d(305.47546)],
        [t("SOFFFFA12A8C13C009"), t("Yesterday"), t("ARBTL4K1187B9A1F33"), i(1965), d(125)],
        [t("SOFFFFF12A8C13C008"), t("Yesterday"), t("ARBTL4K1187B9A1F33"), i(1965), d(125)],
        [t("SOGGGGG12A8C13C006"), t("Hoppípolla"), t("ARSGR8Q1187B9A6E7D"), i(2005), d(268.30322)],
        [t("SOHHHHH12A8C13C007"), t("Back In Black"), t("ARACDC71187B98B7C2"), i(1980), d(255.29424)],
        [t("SOIIIII12A8C13C010"), t("Clocks"), t("ARCLD2P1187B9B3D55"), i(2002), d(307.51302)],
        [t("SOJJJJJ12A8C13C011"), t("Blue Monday"), t("ARNWO9R1187B98E4A1"), i(1983), d(449.98485)],
    ]

    /// Nine artists; Guns N' Roses from SOCCCCC…003, not the SODDDDD…004 whose file is read first.
    public static let artists: [[SQLValue]] = [
        [t("ARACDC71187B98B7C2"), t("AC/DC"), t("Sydney, Australia"), d(-33.86), d(151)],
        [t("ARBJK3E1187FB4E2C1"), t("Björk"), t("Reykjavík, Iceland"), d(64.13548), d(-21.89541)],
        [t("ARBTL4K1187B9A1F33"), t("The Beatles"), t("Liverpool, England"), d(53.41), d(-2.99)],
        [t("ARCLD2P1187B9B3D55"), t("Coldplay"), t("London, England"), d(51.50632), d(-0.12714)],
        [t("ARD7TVE1187B99BFB1"), t("Casual"), t(""), null, null],
        [t("ARGNR5X1187B9B4A2C"), t("Guns N' Roses"), t("Los Angeles, CA"), d(34.05349), d(-118.24532)],
        [t("ARH6W4X1187B99274F"), t("Harmonia"), t("Forst, Germany"), d(51.73), d(14.64)],
        [t("ARNWO9R1187B98E4A1"), t("New Order"), t("Manchester, England"), d(53.4796), d(-2.24881)],
        [t("ARSGR8Q1187B9A6E7D"), t("Sigur Rós"), t("Reykjavík"), null, null],
    ]

    /// 14 distinct play times (two plays share 21:45 on 2018-11-03). 2018-11-01 is a Thursday
    /// of ISO week 44.
    public static let time: [[SQLValue]] = [
        ("2018-11-01 08:00:05.123", 8, 1, 4), ("2018-11-01 08:10:59.005", 8, 1, 4),
        ("2018-11-01 12:30:00.250", 12, 1, 4), ("2018-11-01 12:35:07.763", 12, 1, 4),
        ("2018-11-01 12:37:15.000", 12, 1, 4), ("2018-11-01 23:59:59.999", 23, 1, 4),
        ("2018-11-02 00:03:38.930", 0, 2, 5), ("2018-11-02 10:00:00.000", 10, 2, 5),
        ("2018-11-02 10:05:55.546", 10, 2, 5), ("2018-11-02 10:10:21.000", 10, 2, 5),
        ("2018-11-02 15:20:30.030", 15, 2, 5), ("2018-11-02 18:00:00.000", 18, 2, 5),
        ("2018-11-03 07:07:07.007", 7, 3, 6), ("2018-11-03 21:45:00.000", 21, 3, 6),
    ].map { start, hour, day, weekday in [t(start), i(hour), i(day), i(44), i(11), i(2018), i(weekday)] }
}
