#!/usr/bin/env python3
"""The checks of Scripts/faults.sh: dumps of a warehouse that compare byte for byte, and a few
helpers around them. Standard library only (sqlite3), plus psql for PostgreSQL.

  faults_check.py sqlite-dump DB OUT       PRAGMA integrity_check must say ok; then every table's
                                           schema and rows, sorted, into OUT
  faults_check.py pg-dump DSN OUT [KEPT_IDS]
                                           every table of the public schema, sorted, into OUT;
                                           the unlogged ones (staging, which PostgreSQL empties
                                           in crash recovery) into OUT.unlogged; songplay ids
                                           above KEPT_IDS by rank (see pg_dump)
  faults_check.py pg-wait-idle DSN SECONDS wait until no other session uses the database
  faults_check.py journal PATH             absent, hot or stale: what SQLite makes of a rollback
                                           journal (see journal_state)
  faults_check.py empty-tables DUMP        succeed when every table of DUMP holds no row
  faults_check.py differences DUMP REF...  one line: the tables where DUMP differs from each REF
  faults_check.py phases REPORT WALL STARTUP
                                           the phases of a load, from its printed report, its wall
                                           time and the process's start in seconds: one
                                           `END_SECONDS NAME` a line
  faults_check.py total REPORT             the time the report of a load gives, in microseconds

A dump is text: per table a `== TABLE NAME (N rows)` line, then its schema (SQLite's is at the
top) and one line per row, in the order of every column. It holds no timestamps, sizes or ids of
the file or the server, so two warehouses with the same content dump to the same bytes.
"""

import os
import re
import sqlite3
import subprocess
import sys
import time


def fail(message):
    print(f"faults_check: {message}", file=sys.stderr)
    sys.exit(1)


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def sqlite_dump(path, out):
    """Checks the file's integrity, then dumps its schema and every table (see the module's doc)."""
    # Read-only, so that the dump cannot roll back a journal the loader should have rolled back.
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    verdict = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if verdict != ["ok"]:
        fail(f"{path}: PRAGMA integrity_check: {'; '.join(map(str, verdict))[:500]}")
    with open(out, "w", encoding="utf-8") as dump:
        for pragma in ("user_version", "application_id"):
            dump.write(f"-- {pragma} {connection.execute(f'PRAGMA {pragma}').fetchone()[0]}\n")
        schema = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        for kind, name, table, sql in schema:
            dump.write(f"-- {kind} {name} on {table}: {sql!r}\n")
        # `loads` records when each load ran, which differs between any two runs by design.
        for _, name, _, _ in (entry for entry in schema if entry[0] == "table" and entry[1] != "loads"):
            columns = len(connection.execute(f"SELECT * FROM {quoted(name)} LIMIT 0").description)
            order = ", ".join(str(position) for position in range(1, columns + 1))
            count = connection.execute(f"SELECT count(*) FROM {quoted(name)}").fetchone()[0]
            rows = connection.execute(f"SELECT * FROM {quoted(name)} ORDER BY {order}")
            write_table(dump, name, count, (repr(row) for row in rows))
    connection.close()


def write_table(dump, name, count, lines):
    dump.write(f"== TABLE {name} ({count} rows)\n")
    for line in lines:
        dump.write(line + "\n")


def psql(dsn, sql):
    """The rows of `sql`, tab-separated, or exit with psql's message on one line."""
    result = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", dsn, "-c", sql],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PGCONNECT_TIMEOUT": "10", "PGOPTIONS": "-c statement_timeout=240000"},
    )
    if result.returncode != 0:
        fail("psql: " + " ".join(result.stderr.split())[:500])
    return result.stdout


def journal_state(path):
    """What SQLite makes of a rollback journal, by its own rule (pager.c, hasHotJournal): absent;
    hot when its first byte is not zero, so that the next open plays it back; stale otherwise.
    SQLite writes a journal's header as zeros and puts the magic in only once the journal is
    synced, which it does before it first writes to the database file: a stale journal means
    the database was never touched, and SQLite ignores it until the next write replaces it."""
    try:
        with open(path, "rb") as journal:
            first = journal.read(1)
    except FileNotFoundError:
        print("absent")
        return
    print("hot" if first not in (b"", b"\0") else "stale")


def pg_dump(dsn, out, kept_ids):
    """Dumps each table of the public schema with its columns and indexes: the logged ones into
    `out`, the unlogged ones into `out`.unlogged."""
    tables = [line.split("\t") for line in psql(dsn, """
        SELECT c.relname, c.relpersistence FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'loads' ORDER BY c.relname COLLATE "C"
        """).splitlines()]
    with open(out, "w", encoding="utf-8") as logged, open(out + ".unlogged", "w", encoding="utf-8") as unlogged:
        for name, persistence in tables:
            dump = unlogged if persistence == "u" else logged
            columns = psql(dsn, f"""
                SELECT attname, format_type(atttypid, atttypmod), attnotnull, attidentity, attgenerated
                FROM pg_attribute WHERE attrelid = 'public.{quoted(name)}'::regclass AND attnum > 0 AND NOT attisdropped
                ORDER BY attnum
                """).splitlines()
            indexes = psql(dsn, f"""
                SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'public.{quoted(name)}'::regclass
                ORDER BY pg_get_indexdef(indexrelid) COLLATE "C"
                """).splitlines()
            names = [column.split("\t")[0] for column in columns]
            selected = [quoted(column) for column in names]
            if kept_ids is not None and name == "songplays" and "songplay_id" in names:
                # A load draws new ids from the identity's sequence, which no rollback resets: after
                # a failed load the next one skips the ids it drew. The ids up to kept_ids (the rows
                # loaded before) are shown as they are; the others by rank, which is what they say.
                selected[names.index("songplay_id")] = (
                    f'CASE WHEN "songplay_id" <= {kept_ids} THEN "songplay_id" ELSE {kept_ids} + '
                    f'row_number() OVER (PARTITION BY "songplay_id" <= {kept_ids} ORDER BY "songplay_id") END')
            order = ", ".join(str(position) for position in range(1, len(names) + 1))
            rows = psql(dsn, f"COPY (SELECT {', '.join(selected)} FROM public.{quoted(name)} ORDER BY {order}) TO STDOUT")
            rows = rows.splitlines()
            write_table(dump, name, len(rows), ["-- " + "; ".join([persistence] + columns + indexes)] + rows)


def pg_wait_idle(dsn, seconds):
    """Waits until no other session is connected to the database; prints how long it took."""
    start = time.monotonic()
    while True:
        others = psql(dsn, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        if others.strip() == "0":
            print(f"{time.monotonic() - start:.1f}")
            return
        if time.monotonic() - start > seconds:
            fail(f"another session still uses the database after {seconds} s")
        time.sleep(0.2)


def table_rows(path):
    """Each table of a dump: its row count, and the lines of its section (rows, schema in PG)."""
    tables, current = {}, None
    with open(path, encoding="utf-8") as dump:
        for line in dump:
            header = re.match(r"== TABLE (.*) \((\d+) rows\)$", line.rstrip("\n"))
            if header:
                current = tables.setdefault(header.group(1), (int(header.group(2)), []))[1]
            elif current is not None:
                current.append(line)
    return tables


def empty_tables(path):
    full = [name for name, (count, _) in table_rows(path).items() if count]
    if full:
        fail(f"{path}: tables still hold rows: {', '.join(full)}")


def differences(path, references):
    dump = table_rows(path)
    parts = []
    for reference in references:
        other = table_rows(reference)
        changed = [f"{name} {dump.get(name, (0,))[0]} vs {other.get(name, (0,))[0]} rows"
                   for name in sorted(set(dump) | set(other)) if dump.get(name) != other.get(name)]
        parts.append(f"vs {os.path.basename(reference)}: " + (", ".join(changed) or "schema only"))
    print("; ".join(parts))


DURATION = r"([\d.]+) (ms|s|µs)"


def seconds(value, unit):
    return float(value) * {"s": 1, "ms": 1e-3, "µs": 1e-6}[unit]


def phases(report_path, wall, startup):
    """Where a load spends its wall time, in order, estimated from its report: the process's
    start (measured apart), setup, staging (its three threads overlap, so the longest of
    discover, read and write), each transform, the checks, the rest of the reported total
    (mostly the commit), then printing and exiting, up to the measured wall time."""
    text = open(report_path, encoding="utf-8").read()
    total = re.search(r"^Loaded .* in " + DURATION + r"\.$", text, re.M)
    setup = re.search(r"^Setup " + DURATION, text, re.M)
    checks = re.search(r"checks: .* in " + DURATION, text)
    if not (total and setup and checks):
        fail(f"{report_path}: not the report of a load")
    steps = [("startup", startup), ("setup", seconds(*setup.groups()))]
    section = None
    for line in text.splitlines():
        fields = line.split()
        if not fields:
            section = None
        elif fields[0] in ("staging", "transform"):
            section = fields[0]
        elif section == "staging":
            durations = re.findall(DURATION, line)[-3:]
            steps.append(("staging " + fields[0], max(seconds(*d) for d in durations)))
        elif section == "transform":
            steps.append((fields[0], seconds(*re.findall(DURATION, line)[-1])))
    steps.append(("checks", seconds(*checks.groups())))
    steps.append(("commit", max(0.0, seconds(*total.groups()) - sum(duration for _, duration in steps[1:]))))
    end = 0.0
    for name, duration in steps:
        end += duration
        print(f"{end:.3f} {name}")
    print(f"{max(end, wall):.3f} exit")


def total(report_path):
    """The time a load's report says it took, in whole microseconds."""
    found = re.search(r"^Loaded .* in " + DURATION + r"\.$", open(report_path, encoding="utf-8").read(), re.M)
    if not found:
        fail(f"{report_path}: not the report of a load")
    print(round(seconds(*found.groups()) * 1e6))


def main(arguments):
    commands = {
        "sqlite-dump": (2, lambda a: sqlite_dump(a[0], a[1])),
        "pg-dump": (2, lambda a: pg_dump(a[0], a[1], int(a[2]) if a[2:] else None)),
        "pg-wait-idle": (2, lambda a: pg_wait_idle(a[0], float(a[1]))),
        "journal": (1, lambda a: journal_state(a[0])),
        "empty-tables": (1, lambda a: empty_tables(a[0])),
        "differences": (2, lambda a: differences(a[0], a[1:])),
        "total": (1, lambda a: total(a[0])),
        "phases": (3, lambda a: phases(a[0], float(a[1]), float(a[2]))),
    }
    if not arguments or arguments[0] not in commands or len(arguments) - 1 < commands[arguments[0]][0]:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    try:
        commands[arguments[0]][1](arguments[1:])
    except (sqlite3.Error, OSError, subprocess.TimeoutExpired) as error:
        fail(" ".join(str(error).split()))


if __name__ == "__main__":
    main(sys.argv[1:])
