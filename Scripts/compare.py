#!/usr/bin/env python3
"""Compare sparkify-load with today's alternatives on the same generated data, in one run.

    python3 Scripts/compare.py [--events 1000000] [--songs 50000] [--install]

The alternatives, each doing the whole job (stage the JSON, build the star), timed by wall clock
beside sparkify-load (SQLite backend), all measured in this run on this machine:

  * DuckDB: read_json over the folders, then the star built with the same transform rules in
    DuckDB's SQL (window functions for the one-row-per-key picks).
  * sqlite-utils: its insert_all of the parsed JSON into SQLite, then exactly the SQL that
    sparkify-load runs on SQLite (from its --dry-run), with the two SQL functions it registers
    written again in Python.

  * Polars: scan_ndjson over the files, the same rules as joins, sorts and unique(keep="first"),
    each table written to Parquet.
  * chDB (ClickHouse in-process): file(..., 'JSONEachRow') into MergeTree tables, then the star in
    ClickHouse SQL with the same window functions as DuckDB.

Each runs in a process of its own, so that its wall time and peak memory are its own, and each
must give sparkify-load's row counts (the run fails otherwise). They come from PyPI (polars, chdb,
duckdb, sqlite-utils, at the versions in PACKAGES). Where one is not installed it is skipped and
said so; --install puts them all into .venv-compare and runs there. The data set is generated
once under .benchmark, as Scripts/benchmark.py does.
"""
import argparse
import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchmark  # noqa: E402  (release_binaries, data_set, run_measured)

EVENT_KEYS = ["artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level", "location",
              "method", "page", "registration", "sessionId", "song", "status", "ts", "userAgent", "userId"]
EVENT_TYPES = ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR", "DOUBLE", "VARCHAR", "VARCHAR",
               "VARCHAR", "VARCHAR", "DOUBLE", "INTEGER", "VARCHAR", "INTEGER", "BIGINT", "VARCHAR", "VARCHAR"]
EVENT_COLUMNS = ["artist", "auth", "first_name", "gender", "item_in_session", "last_name", "length", "level",
                 "location", "method", "page", "registration", "session_id", "song", "status", "ts", "user_agent",
                 "user_id"]
SONG_COLUMNS = {"num_songs": "INTEGER", "artist_id": "VARCHAR", "artist_latitude": "DOUBLE",
                "artist_longitude": "DOUBLE", "artist_location": "VARCHAR", "artist_name": "VARCHAR",
                "song_id": "VARCHAR", "title": "VARCHAR", "duration": "DOUBLE", "year": "INTEGER"}


def duckdb_load(source):
    import duckdb
    folder = tempfile.mkdtemp(prefix="sparkify-compare-duckdb-")
    connection = duckdb.connect(os.path.join(folder, "star.duckdb"))
    event_columns = ", ".join(f"'{key}': '{kind}'" for key, kind in zip(EVENT_KEYS, EVENT_TYPES))
    song_columns = ", ".join(f"'{key}': '{kind}'" for key, kind in SONG_COLUMNS.items())
    renames = ", ".join(f'"{key}" AS {column}' for key, column in zip(EVENT_KEYS, EVENT_COLUMNS))
    match = "s.title = e.song AND s.artist_name = e.artist AND abs(s.duration - e.length) <= 0.001 AND s.song_id IS NOT NULL"
    connection.execute(f"""
        CREATE TABLE staging_events AS SELECT {renames} FROM read_json('{source}/log_data/**/*.json',
            format = 'newline_delimited', columns = {{{event_columns}}});
        CREATE TABLE staging_songs AS SELECT * FROM read_json('{source}/song_data/**/*.json', columns = {{{song_columns}}});
        CREATE TABLE plays AS SELECT * FROM (
            SELECT e.*, s.song_id AS matched_song, s.artist_id AS matched_artist,
                   row_number() OVER (PARTITION BY CAST(e.user_id AS INTEGER), e.session_id, e.item_in_session
                                      ORDER BY s.song_id NULLS LAST, s.artist_id NULLS LAST, e.ts, e.level, e.location, e.user_agent) AS rank
            FROM staging_events e LEFT JOIN staging_songs s ON {match}
            WHERE e.page = 'NextSong' AND e.user_id <> '') WHERE rank = 1;
        CREATE TABLE songplays AS SELECT
            row_number() OVER (ORDER BY ts, CAST(user_id AS INTEGER), session_id, item_in_session) AS songplay_id,
            epoch_ms(ts) AS start_time, CAST(user_id AS INTEGER) AS user_id, level, matched_song AS song_id,
            matched_artist AS artist_id, session_id, location, user_agent FROM plays;
        CREATE TABLE users AS SELECT user_id, first_name, last_name, gender, level FROM (
            SELECT CAST(user_id AS INTEGER) AS user_id, first_name, last_name, gender, level,
                   row_number() OVER (PARTITION BY CAST(user_id AS INTEGER)
                                      ORDER BY ts DESC NULLS LAST, item_in_session DESC NULLS LAST, session_id DESC NULLS LAST,
                                               first_name, last_name, gender, level) AS rank
            FROM staging_events WHERE user_id <> '') WHERE rank = 1;
        CREATE TABLE songs AS SELECT song_id, title, artist_id, year, duration FROM (
            SELECT *, row_number() OVER (PARTITION BY song_id ORDER BY artist_id, title, year, duration) AS rank
            FROM staging_songs WHERE song_id IS NOT NULL) WHERE rank = 1;
        CREATE TABLE artists AS SELECT artist_id, artist_name AS name, artist_location AS location,
            artist_latitude AS latitude, artist_longitude AS longitude FROM (
            SELECT *, row_number() OVER (PARTITION BY artist_id ORDER BY song_id NULLS LAST, artist_name,
                                         artist_location, artist_latitude, artist_longitude) AS rank
            FROM staging_songs WHERE artist_id IS NOT NULL) WHERE rank = 1;
        CREATE TABLE time AS SELECT DISTINCT start_time, hour(start_time) AS hour, day(start_time) AS day,
            weekofyear(start_time) AS week, month(start_time) AS month, year(start_time) AS year,
            dayofweek(start_time) AS weekday FROM songplays WHERE start_time IS NOT NULL;
        """)
    counts = [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("songplays", "users", "time")]
    connection.close()
    return counts


def polars_load(source):
    import polars as pl
    folder = tempfile.mkdtemp(prefix="sparkify-compare-polars-")
    kinds = {"VARCHAR": pl.String, "INTEGER": pl.Int64, "BIGINT": pl.Int64, "DOUBLE": pl.Float64}
    event_schema = {key: kinds[kind] for key, kind in zip(EVENT_KEYS, EVENT_TYPES)}
    events = (pl.scan_ndjson(sorted(glob.glob(f"{source}/log_data/**/*.json", recursive=True)), schema=event_schema)
              .rename(dict(zip(EVENT_KEYS, EVENT_COLUMNS))))
    songs = pl.scan_ndjson(sorted(glob.glob(f"{source}/song_data/**/*.json", recursive=True)),
                           schema={key: kinds[kind] for key, kind in SONG_COLUMNS.items()})
    identity = ["user_key", "session_id", "item_in_session"]
    plays = events.filter((pl.col("page") == "NextSong") & (pl.col("user_id") != "")).with_columns(
        pl.col("user_id").cast(pl.Int64).alias("user_key"))
    # Each play, and each play with every song it matches (title, artist, duration within 0.001):
    # the copy with the smallest matched song wins, then the earliest ts, level, location, agent.
    matched = plays.join(songs.filter(pl.col("song_id").is_not_null())
                         .select("title", "artist_name", "duration", pl.col("song_id").alias("matched_song"),
                                 pl.col("artist_id").alias("matched_artist")),
                         left_on=["song", "artist"], right_on=["title", "artist_name"], how="inner") \
        .filter((pl.col("duration") - pl.col("length")).abs() <= 0.001).drop("duration")
    unmatched = plays.with_columns(pl.lit(None, pl.String).alias("matched_song"), pl.lit(None, pl.String).alias("matched_artist"))
    picked = (pl.concat([matched, unmatched], how="diagonal")
              .sort(["matched_song", "matched_artist", "ts", "level", "location", "user_agent"], nulls_last=True)
              .unique(subset=identity, keep="first", maintain_order=True))
    songplays = (picked.sort(["ts", "user_key", "session_id", "item_in_session"], nulls_last=True)
                 .with_row_index("songplay_id", offset=1)
                 .select("songplay_id", pl.from_epoch("ts", time_unit="ms").alias("start_time"),
                         pl.col("user_key").alias("user_id"), "level", pl.col("matched_song").alias("song_id"),
                         pl.col("matched_artist").alias("artist_id"), "session_id", "location", "user_agent"))
    users = (events.filter(pl.col("user_id") != "").with_columns(pl.col("user_id").cast(pl.Int64))
             .sort(["ts", "item_in_session", "session_id", "first_name", "last_name", "gender", "level"],
                   descending=[True, True, True, False, False, False, False], nulls_last=True)
             .unique(subset=["user_id"], keep="first", maintain_order=True)
             .select("user_id", "first_name", "last_name", "gender", "level"))
    song_rows = (songs.filter(pl.col("song_id").is_not_null())
                 .sort(["artist_id", "title", "year", "duration"], nulls_last=True)
                 .unique(subset=["song_id"], keep="first", maintain_order=True)
                 .select("song_id", "title", "artist_id", "year", "duration"))
    artists = (songs.filter(pl.col("artist_id").is_not_null())
               .sort(["song_id", "artist_name", "artist_location", "artist_latitude", "artist_longitude"], nulls_last=True)
               .unique(subset=["artist_id"], keep="first", maintain_order=True)
               .select("artist_id", pl.col("artist_name").alias("name"), pl.col("artist_location").alias("location"),
                       pl.col("artist_latitude").alias("latitude"), pl.col("artist_longitude").alias("longitude")))
    songplays_file = os.path.join(folder, "songplays.parquet")
    songplays.sink_parquet(songplays_file)
    start = pl.col("start_time")
    times = (pl.scan_parquet(songplays_file).filter(start.is_not_null()).select(start).unique()
             .with_columns(start.dt.hour().alias("hour"), start.dt.day().alias("day"), start.dt.week().alias("week"),
                           start.dt.month().alias("month"), start.dt.year().alias("year"),
                           (start.dt.weekday() % 7).alias("weekday")))
    for name, frame in [("users", users), ("songs", song_rows), ("artists", artists), ("time", times)]:
        frame.sink_parquet(os.path.join(folder, f"{name}.parquet"))
    return [pl.scan_parquet(os.path.join(folder, f"{table}.parquet")).select(pl.len()).collect().item()
            for table in ("songplays", "users", "time")]


def chdb_load(source):
    from chdb import session
    folder = tempfile.mkdtemp(prefix="sparkify-compare-chdb-")
    connection = session.Session(os.path.join(folder, "chdb"))
    clickhouse = {"VARCHAR": "Nullable(String)", "INTEGER": "Nullable(Int64)", "BIGINT": "Nullable(Int64)", "DOUBLE": "Nullable(Float64)"}
    event_structure = ", ".join(f"{key} {clickhouse[kind]}" for key, kind in zip(EVENT_KEYS, EVENT_TYPES))
    song_structure = ", ".join(f"{key} {clickhouse[kind]}" for key, kind in SONG_COLUMNS.items())
    renames = ", ".join(f"{key} AS {column}" for key, column in zip(EVENT_KEYS, EVENT_COLUMNS))
    # Each play, and each play with every song it matches: the copy with the smallest matched
    # song wins, then the earliest ts, level, location, agent (NULLs last, as ClickHouse sorts).
    for statement in f"""
        CREATE DATABASE star;
        CREATE TABLE star.staging_events ENGINE = MergeTree ORDER BY tuple() AS SELECT {renames}
            FROM file('{source}/log_data/**/*.json', 'JSONEachRow', '{event_structure}');
        CREATE TABLE star.staging_songs ENGINE = MergeTree ORDER BY tuple() AS SELECT *
            FROM file('{source}/song_data/**/*.json', 'JSONEachRow', '{song_structure}');
        CREATE TABLE star.plays ENGINE = MergeTree ORDER BY tuple() AS SELECT * EXCEPT rank FROM (
            SELECT *, row_number() OVER (PARTITION BY user_key, session_id, item_in_session
                                         ORDER BY matched_song, matched_artist, ts, level, location, user_agent) AS rank
            FROM (
                SELECT e.*, toInt64(e.user_id) AS user_key, s.song_id AS matched_song, s.artist_id AS matched_artist
                FROM star.staging_events AS e INNER JOIN star.staging_songs AS s ON s.title = e.song AND s.artist_name = e.artist
                WHERE e.page = 'NextSong' AND e.user_id != '' AND abs(s.duration - e.length) <= 0.001 AND s.song_id IS NOT NULL
                UNION ALL
                SELECT *, toInt64(user_id) AS user_key, CAST(NULL AS Nullable(String)), CAST(NULL AS Nullable(String))
                FROM star.staging_events WHERE page = 'NextSong' AND user_id != ''))
            WHERE rank = 1;
        CREATE TABLE star.songplays ENGINE = MergeTree ORDER BY tuple() AS SELECT
            row_number() OVER (ORDER BY ts, user_key, session_id, item_in_session) AS songplay_id,
            fromUnixTimestamp64Milli(ts, 'UTC') AS start_time, user_key AS user_id, level, matched_song AS song_id,
            matched_artist AS artist_id, session_id, location, user_agent FROM star.plays;
        CREATE TABLE star.users ENGINE = MergeTree ORDER BY tuple() AS SELECT user_key AS user_id, first_name, last_name, gender, level FROM (
            SELECT toInt64(user_id) AS user_key, first_name, last_name, gender, level,
                   row_number() OVER (PARTITION BY toInt64(user_id) ORDER BY ts DESC NULLS LAST,
                                      item_in_session DESC NULLS LAST, session_id DESC NULLS LAST,
                                      first_name, last_name, gender, level) AS rank
            FROM star.staging_events WHERE user_id != '') WHERE rank = 1;
        CREATE TABLE star.songs ENGINE = MergeTree ORDER BY tuple() AS SELECT song_id, title, artist_id, year, duration FROM (
            SELECT *, row_number() OVER (PARTITION BY song_id ORDER BY artist_id, title, year, duration) AS rank
            FROM star.staging_songs WHERE song_id IS NOT NULL) WHERE rank = 1;
        CREATE TABLE star.artists ENGINE = MergeTree ORDER BY tuple() AS SELECT artist_id, artist_name AS name,
            artist_location AS location, artist_latitude AS latitude, artist_longitude AS longitude FROM (
            SELECT *, row_number() OVER (PARTITION BY artist_id ORDER BY song_id, artist_name, artist_location,
                                         artist_latitude, artist_longitude) AS rank
            FROM star.staging_songs WHERE artist_id IS NOT NULL) WHERE rank = 1;
        CREATE TABLE star.time ENGINE = MergeTree ORDER BY tuple() AS SELECT DISTINCT start_time, toHour(start_time) AS hour,
            toDayOfMonth(start_time) AS day, toISOWeek(start_time) AS week, toMonth(start_time) AS month,
            toYear(start_time) AS year, toDayOfWeek(start_time) % 7 AS weekday FROM star.songplays WHERE start_time IS NOT NULL
        """.split(";"):
        connection.query(statement)
    counts = [int(str(connection.query(f"SELECT count() FROM star.{table}", "CSV")).strip())
              for table in ("songplays", "users", "time")]
    connection.close()
    return counts


def sqlite_utils_load(source, sparkify_load):
    import sqlite_utils
    folder = tempfile.mkdtemp(prefix="sparkify-compare-sqlite-utils-")
    database = os.path.join(folder, "star.db")
    dry_run = subprocess.run([sparkify_load, "--database", database, "--dry-run", source], check=True,
                             capture_output=True, text=True).stdout
    statements = [statement for statement in dry_run.split(";\n\n") if statement.strip() and not statement.startswith("--")]
    db = sqlite_utils.Database(database)
    db.conn.create_function("sparkify_timestamp", 1, sqlite_timestamp, deterministic=True)
    db.conn.create_function("sparkify_iso_week", 1, lambda text: None if text is None else
                            datetime.date.fromisoformat(text[:10]).isocalendar()[1], deterministic=True)
    db.conn.create_function("sparkify_weekday", 1, lambda text: None if text is None else
                            (datetime.date.fromisoformat(text[:10]).weekday() + 1) % 7, deterministic=True)
    db.conn.create_function("sparkify_integer", 2, lambda value, bits: None if value is None else int(value),
                            deterministic=True)
    staging = [statement for statement in statements if statement.lstrip().startswith(("DELETE FROM \"staging_events\"", "DELETE FROM \"staging_songs\""))]
    before_staging = statements[:statements.index(staging[-1]) + 1]
    after_staging = [statement for statement in statements[len(before_staging):] if not statement.startswith("SELECT")]
    with db.conn:
        for statement in before_staging:
            db.execute(statement)
        songs = (json.load(open(path, encoding="utf-8-sig")) for path in glob.iglob(f"{source}/song_data/**/*.json", recursive=True))
        db["staging_songs"].insert_all(({column: song.get(column) for column in SONG_COLUMNS} for song in songs), batch_size=10000)
        def events():
            for path in sorted(glob.iglob(f"{source}/log_data/**/*.json", recursive=True)):
                with open(path, encoding="utf-8-sig") as file:
                    for line in file:
                        if line.strip():
                            event = json.loads(line)
                            yield {column: event.get(key) for key, column in zip(EVENT_KEYS, EVENT_COLUMNS)}
        db["staging_events"].insert_all(events(), batch_size=10000)
        for statement in after_staging:
            db.execute(statement)
    return [db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in ("songplays", "users", "time")]


def sqlite_timestamp(milliseconds):
    if milliseconds is None:
        return None
    moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=milliseconds)
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


PEERS = [("Polars", "polars", polars_load), ("chDB", "chdb", chdb_load), ("DuckDB", "duckdb", duckdb_load),
         ("sqlite-utils + the same SQL", "sqlite_utils", sqlite_utils_load)]
PACKAGES = ["polars==2.1.0", "chdb==4.4.0", "duckdb==2.0.0", "sqlite-utils==4.2.1"]


def measure_all(load, source, database):
    """Runs sparkify-load into `database`, then each installed peer, each in a process of its own:
    (name, wall seconds, peak MB, row counts or why it was skipped) per tool, ours first."""
    rows = []
    wall, memory, output = benchmark.run_measured([load, "--database", database, source])
    ours = [int(re.search(rf"^{table}\s+\d+\s+(\d+)", output, re.M).group(1)) for table in ("songplays", "users", "time")]
    rows.append(("sparkify-load (sqlite)", wall, memory, ours))
    for name, module, function in PEERS:
        try:
            __import__(module)
        except ImportError:
            rows.append((name, None, None, f"not installed (pip install {module.replace('_', '-')}, or run with --install)"))
            continue
        print(f"running {name} …", file=sys.stderr)
        extra = [load] if function is sqlite_utils_load else []
        wall, memory, output = benchmark.run_measured([sys.executable, os.path.abspath(__file__), "--peer", name, source, *extra])
        rows.append((name, wall, memory, json.loads(output)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--songs", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default=os.path.join(ROOT, ".benchmark"))
    parser.add_argument("--install", action="store_true", help="install the peers into .venv-compare")
    parser.add_argument("--peer", nargs="+", metavar=("NAME", "ARGUMENT"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()

    if arguments.peer:
        # One peer's whole job in a process of its own, so that its peak memory is its own.
        name, *peer_arguments = arguments.peer
        function = next(function for peer, _, function in PEERS if peer == name)
        print(json.dumps(function(*peer_arguments)))
        return

    if arguments.install and not os.environ.get("SPARKIFY_COMPARE_VENV"):
        venv = os.path.join(ROOT, ".venv-compare")
        if not os.path.exists(os.path.join(venv, "bin", "python")):
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", *PACKAGES], check=True)
        os.environ["SPARKIFY_COMPARE_VENV"] = venv
        os.execv(os.path.join(venv, "bin", "python"), [os.path.join(venv, "bin", "python"), *sys.argv])

    load, generate = benchmark.release_binaries()
    os.makedirs(arguments.data, exist_ok=True)
    source, size = benchmark.data_set(generate, arguments.data, arguments.events, arguments.songs, arguments.seed)
    # Every tool writes under one folder of this run, removed at the end: the peers make theirs
    # with tempfile, which follows TMPDIR in their processes.
    work = tempfile.mkdtemp(prefix="sparkify-compare-")
    os.environ["TMPDIR"] = work
    try:
        rows = measure_all(load, source, os.path.join(work, "star.db"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ours = rows[0][3]

    print(f"\n{arguments.events:,} events and {arguments.songs:,} song files ({size / 1e6:.0f} MB of JSON), "
          f"{os.cpu_count()} cores, every tool measured in this run, each in a process of its own\n")
    print(f"{'tool':<32}{'wall':>9}{'peak':>10}{'× ours':>9}   songplays / users / time rows")
    differing = []
    for name, wall, memory, detail in rows:
        if wall is None:
            print(f"{name:<32}{'-':>9}{'-':>10}{'-':>9}   {detail}")
            continue
        print(f"{name:<32}{wall:>8.1f}s{memory:>7.0f} MB{wall / rows[0][1]:>8.2f}×   {' / '.join(f'{count:,}' for count in detail)}")
        if detail != ours:
            differing.append(name)
    if differing:
        sys.exit(f"row counts differ from sparkify-load's: {', '.join(differing)}")


if __name__ == "__main__":
    main()
