#!/usr/bin/env python3
"""An independent implementation of DESIGN.md's semantics, in plain Python, to check a
SQLite warehouse built by sparkify-load table by table, row by row.

    python3 Scripts/reference_star.py SOURCE_DIR [SOURCE_DIR ...] DATABASE

It reads each SOURCE_DIR's JSON with Python's own json module (not sparkify-load's reader),
builds the star tables by the rules of DESIGN.md, and compares them with DATABASE's. Several
SOURCE_DIRs are parts loaded one after another, in that order: the star must be that of one
load of all of them, each songplay numbered by the load that first brought it. It exits 0 when
every table matches, 1 with the first differences otherwise. It models well-formed input (what
the data generator writes): a malformed object stops it.
"""
import datetime
import json
import os
import sqlite3
import sys

EVENT_PATHS = ["artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level",
               "location", "method", "page", "registration", "sessionId", "song", "status", "ts",
               "userAgent", "userId"]
EVENT_COLUMNS = ["artist", "auth", "first_name", "gender", "item_in_session", "last_name", "length", "level",
                 "location", "method", "page", "registration", "session_id", "song", "status", "ts",
                 "user_agent", "user_id"]
SONG_COLUMNS = ["num_songs", "artist_id", "artist_latitude", "artist_longitude", "artist_location",
                "artist_name", "song_id", "title", "duration", "year"]
INTEGERS = {"item_in_session", "session_id", "status", "ts", "num_songs", "year"}
DOUBLES = {"length", "registration", "artist_latitude", "artist_longitude", "duration"}


def json_files(folder):
    """Every .json file below folder, skipping hidden files and folders, in path order."""
    found = []
    for directory, subfolders, files in os.walk(folder):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found += [os.path.join(directory, name) for name in files
                  if name.endswith(".json") and not name.startswith(".")]
    return sorted(found, key=lambda path: path.encode())


def objects(path):
    """The JSON values of a file: any number, separated by whitespace."""
    with open(path, encoding="utf-8-sig") as file:
        text = file.read()
    decoder, position = json.JSONDecoder(), 0
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if position == len(text):
            return
        value, position = decoder.raw_decode(text, position)
        if not isinstance(value, dict):
            raise ValueError(f"{path}: a value that is not an object")
        yield value


def coerce(column, value):
    """A JSON value as COPY stores it in the column: NULL, number or text."""
    if value is None:
        return None
    if column in INTEGERS or column in DOUBLES:
        if isinstance(value, bool):
            raise ValueError(f"{column}: a boolean")
        if isinstance(value, str):
            if value == "":
                return None
            value = json.loads(value)
        if column in DOUBLES:
            return float(value)
        if value != int(value):
            raise ValueError(f"{column}: {value} is not whole")
        return int(value)
    if not isinstance(value, str):
        raise ValueError(f"{column}: the reference models text columns holding strings only")
    return value


def stage(source):
    songs = [{column: coerce(column, song.get(column)) for column in SONG_COLUMNS}
             for path in json_files(os.path.join(source, "song_data")) for song in objects(path)]
    paths = EVENT_PATHS
    descriptor = os.path.join(source, "log_json_path.json")
    if os.path.exists(descriptor):
        with open(descriptor) as file:
            paths = [path[3:-2] for path in json.load(file)["jsonpaths"]]  # $['key'] -> key
    events = [{column: coerce(column, event.get(key)) for column, key in zip(EVENT_COLUMNS, paths)}
              for path in json_files(os.path.join(source, "log_data")) for event in objects(path)]
    kept = [event for event in events if stageable(event)]
    if len(kept) < len(events):
        print(f"staging_events: {len(events) - len(kept)} events rejected (a time outside years 1-9999, or a user id"
              " that is not a whole number)")
    return songs, kept


# Epoch milliseconds of 0001-01-01 00:00:00.000 and 9999-12-31 23:59:59.999 UTC.
FIRST_MS = (datetime.datetime(1, 1, 1) - datetime.datetime(1970, 1, 1)) // datetime.timedelta(milliseconds=1)
LAST_MS = (datetime.datetime(9999, 12, 31, 23, 59, 59, 999000) - datetime.datetime(1970, 1, 1)) // datetime.timedelta(milliseconds=1)


def stageable(event):
    """Whether staging accepts the event: a time every engine holds, and a user id that is
    empty or a 32-bit whole number (as CAST reads text: spaces and a sign allowed)."""
    if event["ts"] is not None and not FIRST_MS <= event["ts"] <= LAST_MS:
        return False
    user = event["user_id"]
    if user is None or user == "":
        return True
    text = user.strip(" \t\n\r\v\f")
    digits = text[1:] if text[:1] in "+-" and text[:1] != "" else text
    return digits.isascii() and digits.isdigit() and -2**31 <= int(text) <= 2**31 - 1


def ascending(value):
    """A sort key: NULLs last, text by its UTF-8 bytes."""
    return (value is None, value.encode() if isinstance(value, str) else (0 if value is None else value))


def descending(value):
    """A sort key, largest first, NULLs last."""
    return (value is None, -value if value is not None else 0)


def timestamp(ts):
    moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ts)
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def star(songs, events, numbering=None):
    """The star of one load of songs and events. `numbering` maps the identities numbered by
    earlier loads to their songplay_id; new identities are numbered after the largest, in order
    of time, user, session and item (it is updated)."""
    numbering = {} if numbering is None else numbering
    # songplays: NextSong events of signed-in users, one per (user_id, session_id, item_in_session).
    playable = [song for song in songs if song["song_id"] is not None]
    by_title = {}
    for song in playable:
        by_title.setdefault((song["title"], song["artist_name"]), []).append(song)
    chosen = {}
    for event in events:
        if event["page"] != "NextSong" or event["user_id"] in (None, ""):
            continue
        matches = [song for song in by_title.get((event["song"], event["artist"]), [])
                   if event["length"] is not None and song["duration"] is not None
                   and abs(song["duration"] - event["length"]) <= 0.001]
        best = min(matches, key=lambda song: (ascending(song["song_id"]), ascending(song["artist_id"])), default=None)
        play = dict(event, match_song=best and best["song_id"], match_artist=best and best["artist_id"])
        identity = (int(event["user_id"]), event["session_id"], event["item_in_session"])
        rank = (ascending(play["match_song"]), ascending(play["match_artist"]), ascending(event["ts"]),
                ascending(event["level"]), ascending(event["location"]), ascending(event["user_agent"]))
        if identity not in chosen or rank < chosen[identity][0]:
            chosen[identity] = (rank, play)
    plays = sorted(((identity, play) for identity, (_, play) in chosen.items()),
                   key=lambda item: (ascending(item[1]["ts"]), ascending(item[0][0]), ascending(item[0][1]),
                                     ascending(item[0][2])))
    largest = max(numbering.values(), default=0)
    for identity, _ in plays:
        if identity not in numbering:
            largest += 1
            numbering[identity] = largest
    songplays = [(numbering[identity], timestamp(play["ts"]) if play["ts"] is not None else None, identity[0],
                  play["level"], play["match_song"], play["match_artist"], play["session_id"], play["location"],
                  play["user_agent"])
                 for identity, play in plays]

    # users: each signed-in user as of their latest event of any page.
    latest = {}
    for event in events:
        if event["user_id"] in (None, ""):
            continue
        rank = (descending(event["ts"]), descending(event["item_in_session"]), descending(event["session_id"]),
                ascending(event["first_name"]), ascending(event["last_name"]), ascending(event["gender"]),
                ascending(event["level"]))
        user = int(event["user_id"])
        if user not in latest or rank < latest[user][0]:
            latest[user] = (rank, event)
    users = [(user, event["first_name"], event["last_name"], event["gender"], event["level"])
             for user, (_, event) in latest.items()]

    # songs: one per song_id; artists: from the song with the smallest song_id.
    first_song, first_artist = {}, {}
    for song in songs:
        if song["song_id"] is not None:
            rank = (ascending(song["artist_id"]), ascending(song["title"]), ascending(song["year"]),
                    ascending(song["duration"]))
            if song["song_id"] not in first_song or rank < first_song[song["song_id"]][0]:
                first_song[song["song_id"]] = (rank, song)
        if song["artist_id"] is not None:
            rank = (ascending(song["song_id"]), ascending(song["artist_name"]), ascending(song["artist_location"]),
                    ascending(song["artist_latitude"]), ascending(song["artist_longitude"]))
            if song["artist_id"] not in first_artist or rank < first_artist[song["artist_id"]][0]:
                first_artist[song["artist_id"]] = (rank, song)
    songs_table = [(song_id, song["title"], song["artist_id"], song["year"], song["duration"])
                   for song_id, (_, song) in first_song.items()]
    artists = [(artist_id, song["artist_name"], song["artist_location"], song["artist_latitude"],
                song["artist_longitude"]) for artist_id, (_, song) in first_artist.items()]

    # time: every distinct play time, in UTC parts; ISO week; weekday 0 = Sunday.
    time = []
    for start in sorted({row[1] for row in songplays if row[1] is not None}):
        moment = datetime.datetime.strptime(start, "%Y-%m-%d %H:%M:%S.%f")
        time.append((start, moment.hour, moment.day, moment.isocalendar()[1], moment.month, moment.year,
                     (moment.weekday() + 1) % 7))
    return {"songplays": songplays, "users": users, "songs": songs_table, "artists": artists, "time": time}


def sequence(parts):
    """The star after loading `parts` one after another: the star of all of them at once, its
    songplays numbered as each load numbers the identities it is the first to bring."""
    numbering, songs, events = {}, [], []
    for part in parts:
        part_songs, part_events = stage(part)
        songs += part_songs
        events += part_events
        result = star(songs, events, numbering)
    return result


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    *parts, database = sys.argv[1:]
    expected = sequence(parts)
    connection = sqlite3.connect(database)
    failed = False
    for table, rows in expected.items():
        actual = sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        rows = sorted(rows, key=repr)
        if actual == rows:
            print(f"{table}: {len(rows)} rows match")
            continue
        failed = True
        missing = [row for row in rows if row not in set(actual)]
        extra = [row for row in actual if row not in set(rows)]
        print(f"{table}: {len(actual)} rows, expected {len(rows)}; {len(missing)} missing, {len(extra)} unexpected")
        for row in missing[:5]:
            print(f"  missing:    {row}")
        for row in extra[:5]:
            print(f"  unexpected: {row}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
