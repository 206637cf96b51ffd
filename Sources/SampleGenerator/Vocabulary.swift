/// The words generated data is made of, with the quirks real Sparkify data has: apostrophes,
/// non-ASCII letters, slashes, quotes.
enum Vocabulary {
    static let nameParts = [
        "Black", "Sigur", "Rós", "Björk", "Motörhead", "Céline", "Beyoncé", "N'", "Guns", "Roses", "AC/DC", "Daft",
        "Punk", "Harmonia", "Casual", "Kings", "of", "Leon", "Florence", "Machine", "The", "Killers", "Muse", "Coldplay",
        "Søren", "Ñandú", "Züri", "Dvořák", "Mötley", "Crüe", "Blue", "Öyster", "Cult", "Los", "Lobos", "Señor", "Coconut",
        "Frère", "Jacques", "Queen", "Pink", "Floyd", "Kraftwerk", "Tiësto", "Moby", "\"Weird Al\"", "Yankovic", "D'Angelo",
        "O'Connor", "Sinéad", "Röyksopp", "Mum", "Éric", "Serra", "Jean", "Michel", "Jarre", "Ólafur", "Arnalds",
    ]
    static let titleWords = [
        "Sehr", "kosmisch", "Yesterday", "Don't", "Stop", "Me", "Now", "I", "Didn't", "Mean", "To", "Clocks", "Jóga",
        "Hoppípolla", "Back", "In", "Black", "Sweet", "Child", "O'", "Mine", "Blue", "Monday", "Rock/Pop", "Live", "at",
        "Montréal", "Für", "Elise", "Canción", "del", "Mariachi", "Yellow", "You're", "The", "One", "That", "I", "Want",
        "Love", "Song", "Night", "Café", "Noir", "Øresund", "Ça", "plane", "pour", "moi", "Señorita", "Hey", "Jude",
        "(Remix)", "[Live]", "Part", "II", "Ärger", "Déjà", "Vu", "Naïve", "Über", "Alles", "\"Heroes\"",
    ]
    static let places = [
        "California - LA", "Forst, Germany", "Los Angeles, CA", "Hollywood, CA", "Reykjavík, Iceland", "Sydney, Australia",
        "Liverpool, England", "London, England", "Manchester, England", "Montréal, Québec", "Coeur d'Alene, ID",
        "São Paulo, Brazil", "Zürich, Switzerland", "Köln, Germany", "New York, NY", "Nashville, TN", "Detroit, MI",
        "Bogotá, Colombia", "Düsseldorf", "Tromsø, Norway", "Québec City", "Martha's Vineyard, MA",
    ]
    static let cities = [
        "Chicago-Naperville-Elgin, IL-IN-WI", "San Jose-Sunnyvale-Santa Clara, CA", "Coeur d'Alene, ID",
        "Washington-Arlington-Alexandria, DC-VA-MD-WV", "New York-Newark-Jersey City, NY-NJ-PA",
        "Waterloo-Cedar Falls, IA", "Atlanta-Sandy Springs-Roswell, GA", "Lansing-East Lansing, MI",
        "Portland-South Portland, ME", "San Francisco-Oakland-Hayward, CA", "Houston-The Woodlands-Sugar Land, TX",
        "Los Angeles-Long Beach-Anaheim, CA", "Tampa-St. Petersburg-Clearwater, FL", "Salinas, CA",
        "Santa Maria-Santa Barbara, CA", "Miami-Fort Lauderdale-West Palm Beach, FL", "Mayagüez, PR",
    ]
    static let firstNames = [
        "Lily", "Ryan", "Sylvie", "Jordan", "José", "Aleena", "Kate", "Tegan", "Chloe", "Jacqueline", "Jayden", "Zoë",
        "Mohammad", "Rylan", "Layla", "Kaylee", "Jacob", "Ava", "Noémie", "Anabelle", "Wyatt", "Theodore", "Björn",
    ]
    static let lastNames = [
        "Koch", "Smith", "Cruz", "O'Neil", "Peña", "Kirby", "Harrell", "Levine", "Cuevas", "Lynch", "Fox", "D'Souza",
        "Rodriguez", "George", "Griffin", "Søndergaard", "Simpson", "Allen", "Müller", "Garrison", "Barrett", "Larson",
    ]
    static let userAgents = [
        #""Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36""#,
        #""Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36""#,
        "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0",
        #""Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53""#,
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0",
        #""Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36""#,
        "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)",
    ]
    /// Pages other than NextSong, for signed-in users.
    static let signedInPages = [
        "Home", "Settings", "Help", "About", "Thumbs Up", "Thumbs Down", "Add to Playlist", "Add Friend", "Roll Advert",
        "Error", "Save Settings",
    ]
    /// Pages of signed-out visitors.
    static let signedOutPages = ["Home", "Login", "About", "Help", "Register", "Submit Registration"]
}
