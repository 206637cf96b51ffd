#!/usr/bin/env bash
# Fault injection: proves that a failed or killed load never corrupts a warehouse or changes it.
#
# It loads a small data set A into a new warehouse and dumps every table, sorted (the reference).
# It loads a large data set B on top of a copy, cleanly, twice: that gives the dump of A+B and the
# time a full load of B takes (the faster of the two). Then, round after round, it starts loading
# B into the warehouse holding A and interrupts it at a random moment, uniform over that time, so
# that the faults land in staging, in the transforms, in the checks and around the commit (a round
# whose load finishes first, on a busy machine, makes the later rounds use its shorter time):
#   SQLite      the loader is killed with SIGKILL. The next open (the loader's own `check`, which
#               opens the file as a load does) must play a hot journal back and leave no journal
#               SQLite would call hot, and no WAL; PRAGMA integrity_check must say ok. (A kill
#               before the journal's first sync leaves a stale journal, which SQLite ignores.)
#   PostgreSQL  the server is stopped with `pg_ctl stop -m immediate` (a crash): the loader must
#               fail within a time limit, printing one line `error: …`; the server is started
#               again and pg_amcheck must find nothing. Other rounds kill the loader instead.
# After each round the warehouse must dump to the reference byte for byte, or, when the fault
# came after the commit, to the dump of A+B. Anything else is a corruption or a partial load.
# In PostgreSQL the staging tables are UNLOGGED, and crash recovery empties unlogged tables: after
# a crash they must be empty, and every other table must match. A new songplay's id comes from
# PostgreSQL's identity sequence, which no rollback resets, so a load after a failed one skips the
# ids it drew (DESIGN.md lets ids differ between histories of loads): the PostgreSQL dumps show
# the ids of A's plays as they are, and the later ones by rank.
#
# Usage: bash Scripts/faults.sh [--bin DIR] [--rounds N] [--pg-rounds N] [--pg-kill-rounds N]
#                               [--events N] [--songs N] [--seed N] [--no-postgres] [--keep]
# Exit status: 0 when every round passed, 1 when one did not, 2 when the run itself could not.
set -euo pipefail
cd "$(dirname "$0")/.."
check_py=$PWD/Scripts/faults_check.py

usage() {
    cat <<'EOF'
Usage: bash Scripts/faults.sh [options]
  --bin DIR            the built sparkify-load and sparkify-generate (default: swift build -c release)
  --rounds N           SQLite rounds, the loader killed with SIGKILL (default 20)
  --pg-rounds N        PostgreSQL rounds, the server stopped with pg_ctl stop -m immediate (default 5)
  --pg-kill-rounds N   PostgreSQL rounds, the loader killed with SIGKILL (default: as --pg-rounds)
  --events N           events in the large data set B (default 200000: a load of several seconds)
  --songs N            song files in B (default: one per 10 events)
  --seed N             seed of the random moments (default: random; printed, to repeat a run)
  --no-postgres        SQLite only
  --keep               keep the work folder (data, databases, dumps, logs)
EOF
}

rounds=20 pg_rounds=5 pg_kill_rounds="" events=200000 songs="" seed="" bin="" postgres=1 keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --pg-rounds) pg_rounds=$2; shift 2 ;;
        --pg-kill-rounds) pg_kill_rounds=$2; shift 2 ;;
        --events) events=$2; shift 2 ;;
        --songs) songs=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --no-postgres) postgres=0; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "faults: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
for number in "$rounds" "$pg_rounds" "${pg_kill_rounds:-0}" "$events" "${songs:-1}" "${seed:-0}"; do
    [[ "$number" =~ ^[0-9]+$ ]] || { echo "faults: not a whole number: $number" >&2; exit 2; }
done
pg_kill_rounds=${pg_kill_rounds:-$pg_rounds}
songs=${songs:-$(( events / 10 > 0 ? events / 10 : 1 ))}
seed=${seed:-$(( RANDOM * 32768 + RANDOM ))}
RANDOM=$seed

die() { echo "faults: $*" >&2; exit 2; }

# ---- the work folder, and everything that must go when the script ends, however it ends
work=$(mktemp -d "${TMPDIR:-/tmp}/sparkify-faults.XXXXXX")
chmod 755 "$work"
loader_pid="" pg_data="" pg_bin=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$loader_pid" ]; then
        kill -TERM "$loader_pid" 2>/dev/null || true
        kill -KILL "$loader_pid" 2>/dev/null || true
    fi
    if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w -t 30 stop > /dev/null 2>&1 || true
    fi
    if [ "$keep" -eq 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- time, in microseconds
now() { echo "${EPOCHREALTIME/./}"; }
seconds() { printf '%d.%02d' $(( $1 / 1000000 )) $(( $1 % 1000000 / 10000 )); }
# A moment uniform over [0, $1] microseconds.
random_moment() { echo $(( ((RANDOM << 15) | RANDOM) * $1 / (1 << 30) )); }
exact() { printf '%d.%06d' $(( $1 / 1000000 )) $(( $1 % 1000000 )); }
sleep_for() { sleep "$(exact "$1")"; }

# The phase of a SQLite load at a moment, estimated from the phases of the clean load (file $2).
# (A PostgreSQL round shows what the server was running instead.)
phase_at() {
    local moment=$1 file=$2 end name
    while read -r end name; do
        if [ "$moment" -le "$(awk -v s="$end" 'BEGIN { printf "%d", s * 1000000 }')" ]; then echo "$name"; return; fi
    done < "$file"
    echo "past the reference load's end"
}

# ---- the round's verdict; counts per group
failures=0
declare -A unchanged loaded corrupted other
count() { # group outcome
    case "$2" in
        unchanged) unchanged[$1]=$(( ${unchanged[$1]:-0} + 1 )) ;;
        loaded) loaded[$1]=$(( ${loaded[$1]:-0} + 1 )) ;;
        corrupted) corrupted[$1]=$(( ${corrupted[$1]:-0} + 1 )); failures=$(( failures + 1 )) ;;
        *) other[$1]=$(( ${other[$1]:-0} + 1 )); failures=$(( failures + 1 )) ;;
    esac
}
summary() { # group rounds
    local line="$2 rounds: ${unchanged[$1]:-0} unchanged, ${loaded[$1]:-0} fully loaded, ${corrupted[$1]:-0} corrupted"
    [ "${other[$1]:-0}" -eq 0 ] || line+=", ${other[$1]} other failures (a hang, a message, a failed check)"
    echo "$1: $line"
}

# Keeps the dump of a failed round ($1 names it) for a look after the run (with --keep).
keep_failed() { for file in "$work"/round.dump*; do cp "$file" "$work/failed-$1${file#"$work"/round}"; done; }

# Which reference dump the dump $1 equals, byte for byte: A ($2), AB ($3), or none.
matches() {
    if cmp -s "$1" "$2"; then echo A; elif cmp -s "$1" "$3"; then echo AB; else echo none; fi
}

# A round's load that finished before its fault was faster than the reference (the machine is
# shared): when its report ($2) says so, the moments of later rounds are drawn over its time.
faster() { # variable report
    local took
    took=$(( startup + $(python3 "$check_py" total "$2") ))
    if [ "$took" -lt "${!1}" ]; then
        printf -v "$1" '%d' "$took"
        echo "(a full load of B took $(seconds "$took") s: the next moments are drawn over that)"
    fi
}

# ---- the binaries and the data
if [ -z "$bin" ]; then
    echo "== release build"
    swift build -c release
    bin=$(swift build -c release --show-bin-path)
fi
loader=$bin/sparkify-load
[ -x "$loader" ] && [ -x "$bin/sparkify-generate" ] || die "no sparkify-load and sparkify-generate in $bin"

echo "== data: A (2,000 events, 300 songs) and B ($events events, $songs songs); seed of the moments $seed"
"$bin/sparkify-generate" "$work/a" --events 2000 --songs 300 --days 7 --seed 101 > /dev/null
"$bin/sparkify-generate" "$work/b" --events "$events" --songs "$songs" --days 30 --seed 202 > /dev/null

# How long the loader takes to start and exit, doing nothing else: the start of each phase list.
start=$(now)
"$loader" check --database "$work/none.db" > /dev/null 2>&1 || true
startup=$(( $(now) - start ))

# ================================================================ SQLite
sqlite_dump() { python3 "$check_py" sqlite-dump "$1" "$2"; }

echo "== SQLite: references"
a_db=$work/sqlite-a.db db=$work/sqlite.db
"$loader" --database "$a_db" "$work/a" > /dev/null
sqlite_dump "$a_db" "$work/sqlite-a.dump"
# A full load of B into A, twice (the first one warms the caches): the faster one's time and
# report say when the rounds below interrupt theirs.
sqlite_time=""
for attempt in 1 2; do
    cp "$a_db" "$work/sqlite-ab.db"
    start=$(now)
    "$loader" --database "$work/sqlite-ab.db" "$work/b" > "$work/load.out"
    took=$(( $(now) - start ))
    if [ -z "$sqlite_time" ] || [ "$took" -lt "$sqlite_time" ]; then sqlite_time=$took; mv "$work/load.out" "$work/sqlite-report.txt"; fi
done
sqlite_dump "$work/sqlite-ab.db" "$work/sqlite-ab.dump"
rm -f "$work/sqlite-ab.db"
python3 "$check_py" phases "$work/sqlite-report.txt" "$(exact "$sqlite_time")" "$(exact "$startup")" > "$work/sqlite-phases.txt"
echo "a clean load of B into A takes $(seconds "$sqlite_time") s (the faster of two); dumps: A $(wc -c < "$work/sqlite-a.dump") bytes, A+B $(wc -c < "$work/sqlite-ab.dump") bytes"
# The checks can fail: one changed value matches neither dump; a page of garbage fails the
# integrity check.
cp "$a_db" "$work/sqlite-test.db"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE users SET level = level || \x27!\x27 WHERE rowid = (SELECT min(rowid) FROM users)"); c.commit()' "$work/sqlite-test.db"
sqlite_dump "$work/sqlite-test.db" "$work/round.dump"
[ "$(matches "$work/round.dump" "$work/sqlite-a.dump" "$work/sqlite-ab.dump")" = none ] || die "the dump misses a changed value"
cp "$a_db" "$work/sqlite-test.db"
dd if=/dev/urandom of="$work/sqlite-test.db" bs=16384 seek=3 count=1 conv=notrunc status=none
! sqlite_dump "$work/sqlite-test.db" "$work/round.dump" 2> /dev/null || die "the integrity check misses a damaged page"
rm -f "$work/sqlite-test.db"
echo "the checks catch a changed value and a damaged page"

echo "== SQLite: $rounds rounds, the loader killed with SIGKILL at a random moment"
cp "$a_db" "$db"
stale_journals=0
for round in $(seq 1 "$rounds"); do
    label=$(printf 'sqlite round %2d/%d' "$round" "$rounds")
    delay=$(random_moment "$sqlite_time")
    start=$(now)
    "$loader" --database "$db" "$work/b" > "$work/load.out" 2> "$work/load.err" &
    loader_pid=$!
    sleep_for "$delay"
    kill -KILL "$loader_pid" 2> /dev/null || true
    at=$(( $(now) - start ))
    status=0; wait "$loader_pid" 2> /dev/null || status=$?
    loader_pid=""
    case $status in
        137) how="killed at $(seconds "$at") s (≈ $(phase_at "$at" "$work/sqlite-phases.txt"))" ;;
        0) how="finished before the kill at $(seconds "$at") s" ;;
        *) how="failed by itself (exit $status: $(head -c 300 "$work/load.err" | tr '\n' ' '))" ;;
    esac
    journal=$(python3 "$check_py" journal "$db-journal")
    case $journal in
        absent) journal="no journal" ;;
        hot) journal="hot journal" ;;
        stale) journal="stale journal (never synced: the file was not yet written)" ;;
    esac
    # The next open, as a load opens the file: it must play a hot journal back.
    if ! timeout -k 5 120 "$loader" check --database "$db" > "$work/check.out" 2> "$work/check.err"; then
        echo "$label: $how; $journal; CORRUPTED: the next open or its checks failed: $(tr '\n' ' ' < "$work/check.err")"
        count sqlite corrupted; cp "$a_db" "$db"; continue
    fi
    # What the next open must leave: no WAL (the loader uses a rollback journal), and no journal
    # SQLite would call hot. A stale one stays until the next write transaction replaces it.
    stray=$(for suffix in -wal -shm; do [ -e "$db$suffix" ] && echo -n "$suffix "; done; true)
    after=$(python3 "$check_py" journal "$db-journal")
    if [ -n "$stray" ] || [ "$after" = hot ]; then
        echo "$label: $how; $journal; FAILED: after the next open: ${stray}$([ "$after" = hot ] && echo 'a hot journal')"
        count sqlite other; cp "$a_db" "$db"; continue
    fi
    if [ "$after" = stale ]; then stale_journals=$(( stale_journals + 1 )); journal+=", left as it is"; fi
    if ! sqlite_dump "$db" "$work/round.dump" 2> "$work/dump.err"; then
        echo "$label: $how; $journal; CORRUPTED: $(cat "$work/dump.err")"
        count sqlite corrupted; cp "$a_db" "$db"; continue
    fi
    result=$(matches "$work/round.dump" "$work/sqlite-a.dump" "$work/sqlite-ab.dump")
    if [ "$result" = A ] && [ "$status" -ne 0 ]; then
        echo "$label: $how; $journal$([ "$journal" = 'hot journal' ] && echo ' rolled back'); unchanged"
        count sqlite unchanged
    elif [ "$result" = AB ]; then
        echo "$label: $how; $journal; fully loaded$([ "$status" -eq 0 ] || echo ' (the kill came after the commit)')"
        count sqlite loaded; cp "$a_db" "$db"
        [ "$status" -ne 0 ] || faster sqlite_time "$work/load.out"
    elif [ "$result" = A ]; then
        echo "$label: $how; FAILED: the load reported success, but the warehouse is unchanged"
        count sqlite other
    else
        echo "$label: $how; $journal; CORRUPTED: a partial change: $(python3 "$check_py" differences "$work/round.dump" "$work/sqlite-a.dump" "$work/sqlite-ab.dump")"
        count sqlite corrupted; keep_failed "sqlite-$round"; cp "$a_db" "$db"
    fi
done

echo "== SQLite: after the faults, a clean load of B into the same file"
[ "$stale_journals" -eq 0 ] || echo "($stale_journals rounds left a stale journal, which SQLite ignores; the next load replaces it)"
"$loader" --database "$db" "$work/b" > /dev/null
sqlite_dump "$db" "$work/round.dump"
if [ "$(matches "$work/round.dump" "$work/sqlite-a.dump" "$work/sqlite-ab.dump")" = AB ] && [ ! -e "$db-journal" ]; then
    echo "equals the clean A+B load, and leaves no journal"
else
    echo "FAILED: it differs from the clean A+B load: $(python3 "$check_py" differences "$work/round.dump" "$work/sqlite-ab.dump")"
    failures=$(( failures + 1 ))
fi

# ================================================================ PostgreSQL
if [ "$postgres" -eq 1 ]; then
    for candidate in "${PG_BIN:-}" "$(pg_config --bindir 2> /dev/null || true)" "$(dirname "$(command -v initdb || echo .)")"; do
        if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/postgres" ]; then
            pg_bin=$candidate; break
        fi
    done
    [ -n "$pg_bin" ] || die "no PostgreSQL binaries (looked in \$PG_BIN, pg_config --bindir and PATH); --no-postgres skips them"
    command -v psql > /dev/null || die "no psql on PATH"
    pg_user=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then
        pg_user=postgres
        as_postgres() { runuser -u postgres -- "$@"; }
    else
        as_postgres() { "$@"; }
    fi

    echo "== PostgreSQL: a throwaway server ($pg_bin)"
    pg_dir=$work/pg
    mkdir "$pg_dir"
    password="faults-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$password" > "$pg_dir/password"
    [ "$pg_user" = postgres ] && chown -R postgres: "$pg_dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$pg_dir/password" -E UTF8 --locale=C --no-sync > "$pg_dir/initdb.log" 2>&1 \
        || die "initdb failed: $(tail -3 "$pg_dir/initdb.log")"
    pg_data=$pg_dir/data
    # fsync off: an immediate stop kills the server's processes, not the machine, so what they
    # wrote is in the kernel's cache. synchronous_commit stays on: a load that says it committed has.
    pg_options="-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_dir -c fsync=off -c full_page_writes=off"
    pg_start() {
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/server.log" -o "$pg_options" -w -t 120 start > /dev/null \
            || die "the server did not start: $(tail -3 "$pg_dir/server.log")"
    }
    pg_crash() { as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w -t 60 stop > /dev/null 2>&1; }
    pg_start
    dsn() { echo "postgresql://postgres:$password@127.0.0.1:$port/$1?sslmode=disable"; }
    pg_sql() { PGCONNECT_TIMEOUT=10 PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$(dsn postgres)" -c "$1" > /dev/null; }
    # Songplay ids up to $kept_ids (A's) as they are; the later ones by rank (see faults_check.py).
    pg_dump_to() { python3 "$check_py" pg-dump "$(dsn "$1")" "$2" "$kept_ids"; }
    amcheck() {
        PGPASSWORD=$password PGCONNECT_TIMEOUT=10 "$pg_bin/pg_amcheck" -h 127.0.0.1 -p "$port" -U postgres \
            --install-missing --heapallindexed -d "$1" > "$work/amcheck.out" 2>&1
    }
    pg_restore_a() { pg_sql "DROP DATABASE IF EXISTS fault_work WITH (FORCE)" && pg_sql "CREATE DATABASE fault_work TEMPLATE fault_a"; }

    echo "== PostgreSQL: references"
    pg_sql "CREATE DATABASE fault_a TEMPLATE template0 ENCODING 'UTF8'"
    "$loader" --backend postgres --dsn "$(dsn fault_a)" "$work/a" > /dev/null
    amcheck fault_a || die "pg_amcheck fails on the first load: $(head -3 "$work/amcheck.out")"
    kept_ids=$(PGCONNECT_TIMEOUT=10 psql -X -A -t -v ON_ERROR_STOP=1 -d "$(dsn fault_a)" -c "SELECT coalesce(max(songplay_id), 0) FROM songplays")
    pg_dump_to fault_a "$work/pg-a.dump"
    pg_time=""
    for attempt in 1 2; do
        pg_sql "CREATE DATABASE fault_ab TEMPLATE fault_a"
        start=$(now)
        "$loader" --backend postgres --dsn "$(dsn fault_ab)" "$work/b" > /dev/null
        took=$(( $(now) - start ))
        if [ -z "$pg_time" ] || [ "$took" -lt "$pg_time" ]; then pg_time=$took; fi
        [ "$attempt" -eq 2 ] || pg_sql "DROP DATABASE fault_ab"
    done
    pg_dump_to fault_ab "$work/pg-ab.dump"
    pg_sql "DROP DATABASE fault_ab"
    pg_bound=$(( 30 + 3 * pg_time / 1000000 ))
    pg_restore_a
    pg_dump_to fault_work "$work/round.dump"
    [ "$(matches "$work/round.dump" "$work/pg-a.dump" "$work/pg-ab.dump")" = A ] \
        && cmp -s "$work/round.dump.unlogged" "$work/pg-a.dump.unlogged" \
        || die "a copy of the database holding A does not dump as A"
    PGCONNECT_TIMEOUT=10 psql -X -q -v ON_ERROR_STOP=1 -d "$(dsn fault_work)" \
        -c "UPDATE users SET level = level || '!' WHERE user_id = (SELECT min(user_id) FROM users)" > /dev/null
    pg_dump_to fault_work "$work/round.dump"
    [ "$(matches "$work/round.dump" "$work/pg-a.dump" "$work/pg-ab.dump")" = none ] || die "the dump misses a changed value"
    pg_restore_a
    echo "a clean load of B into A takes $(seconds "$pg_time") s (the faster of two); each load below is bounded by $pg_bound s"

    # Checks the warehouse after a PostgreSQL round; $1 is the label and what happened, $2 the
    # loader's exit status, $3 whether the server crashed (its unlogged tables are then empty),
    # $4 what already went wrong in the round, if anything.
    pg_verdict() {
        local label=$1 status=$2 crashed=$3 problem=${4:-} result staging
        if ! amcheck fault_work; then
            echo "$label; CORRUPTED: pg_amcheck: $(head -3 "$work/amcheck.out" | tr '\n' ' ')"
            count postgres corrupted; pg_restore_a; return
        fi
        if ! pg_dump_to fault_work "$work/round.dump" 2> "$work/dump.err"; then
            echo "$label; CORRUPTED: $(cat "$work/dump.err")"
            count postgres corrupted; pg_restore_a; return
        fi
        result=$(matches "$work/round.dump" "$work/pg-a.dump" "$work/pg-ab.dump")
        if [ "$crashed" = crashed ]; then
            staging="staging emptied by crash recovery"
            python3 "$check_py" empty-tables "$work/round.dump.unlogged" 2> "$work/dump.err" || {
                echo "$label; FAILED: $(cat "$work/dump.err")"; count postgres other; keep_failed "$round_name"; pg_restore_a; return; }
        elif [ "$result" = A ] || [ "$result" = AB ]; then
            staging="staging as it was"
            [ "$result" = A ] && reference=$work/pg-a.dump || reference=$work/pg-ab.dump
            cmp -s "$work/round.dump.unlogged" "$reference.unlogged" || result=none
        fi
        if [ -n "$problem" ] && { [ "$result" = A ] || [ "$result" = AB ]; }; then
            echo "$label; the warehouse holds $result; FAILED: $problem"
            count postgres other; [ "$result" = A ] || pg_restore_a
        elif [ "$result" = A ] && [ "$status" -ne 0 ]; then
            echo "$label; unchanged ($staging)"
            count postgres unchanged
        elif [ "$result" = AB ]; then
            echo "$label; fully loaded$([ "$status" -eq 0 ] || echo ' (the fault came after the commit)')"
            count postgres loaded; pg_restore_a
        elif [ "$result" = A ]; then
            echo "$label; FAILED: the load reported success, but the warehouse is unchanged"
            count postgres other
        else
            echo "$label; CORRUPTED: a partial change: $(python3 "$check_py" differences "$work/round.dump" "$work/pg-a.dump" "$work/pg-ab.dump")"
            count postgres corrupted; keep_failed "$round_name"; pg_restore_a
        fi
    }

    echo "== PostgreSQL: $pg_kill_rounds rounds, the loader killed with SIGKILL at a random moment"
    for round in $(seq 1 "$pg_kill_rounds"); do
        label=$(printf 'postgres kill round %d/%d' "$round" "$pg_kill_rounds") round_name=postgres-kill-$round
        delay=$(random_moment "$pg_time")
        start=$(now)
        "$loader" --backend postgres --dsn "$(dsn fault_work)" "$work/b" > "$work/load.out" 2> "$work/load.err" &
        loader_pid=$!
        sleep_for "$delay"
        kill -KILL "$loader_pid" 2> /dev/null || true
        at=$(( $(now) - start ))
        # What the loader's server process was doing: it goes on with a statement until it
        # notices that the client is gone; in COPY, or between statements, it notices at once.
        # (The group's stderr keeps bash's notice of the killed job out of the output.)
        {
            running=$(PGCONNECT_TIMEOUT=10 psql -X -A -t -d "$(dsn postgres)" -c "
                SELECT string_agg(left(regexp_replace(query, '\s+', ' ', 'g'), 60) || '…', '; ')
                FROM pg_stat_activity WHERE datname = 'fault_work' AND backend_type = 'client backend' AND state = 'active'" || true)
            status=0; wait "$loader_pid" || status=$?
        } 2> /dev/null
        loader_pid=""
        [ -n "$running" ] && running="the server was still running $running" || running="no statement of the load was running any more"
        case $status in
            137) how="killed at $(seconds "$at") s; $running" ;;
            0) how="finished before the kill at $(seconds "$at") s" ;;
            *) how="failed by itself (exit $status: $(head -c 300 "$work/load.err" | tr '\n' ' '))" ;;
        esac
        if ! waited=$(python3 "$check_py" pg-wait-idle "$(dsn fault_work)" "$pg_bound" 2> "$work/dump.err"); then
            echo "$label: $how; HANG: $(cat "$work/dump.err")"
            count postgres hang; pg_restore_a; continue
        fi
        pg_verdict "$label: $how; its session ended $waited s later" "$status" alive
        [ "$status" -ne 0 ] || faster pg_time "$work/load.out"
    done

    echo "== PostgreSQL: $pg_rounds rounds, the server stopped with pg_ctl stop -m immediate at a random moment"
    for round in $(seq 1 "$pg_rounds"); do
        label=$(printf 'postgres stop round %d/%d' "$round" "$pg_rounds") round_name=postgres-stop-$round
        delay=$(random_moment "$pg_time")
        start=$(now)
        timeout -k 5 "$pg_bound" "$loader" --backend postgres --dsn "$(dsn fault_work)" "$work/b" > "$work/load.out" 2> "$work/load.err" &
        loader_pid=$!
        sleep_for "$delay"
        pg_crash || die "pg_ctl stop -m immediate failed"
        at=$(( $(now) - start ))
        status=0; wait "$loader_pid" 2> /dev/null || status=$?
        loader_pid=""
        exited=$(( $(now) - start - at ))
        pg_start
        lines=$(wc -l < "$work/load.err")
        message=$(head -c 300 "$work/load.err" | tr '\n' '|')
        [ "$(wc -c < "$work/load.err")" -le 200 ] && shown=$(cat "$work/load.err") || shown="$(head -c 200 "$work/load.err")…"
        if [ "$status" -eq 124 ]; then
            echo "$label: stopped at $(seconds "$at") s; HANG: the loader was still running after $pg_bound s"
            count postgres hang; pg_restore_a; continue
        elif [ "$status" -eq 0 ]; then
            how="the load finished before the stop at $(seconds "$at") s"
        elif [ "$lines" -ne 1 ] || [ -s "$work/load.out" ] || [[ "$(cat "$work/load.err")" != "error: "* ]] \
            || grep -qF "$password" "$work/load.err"; then
            pg_verdict "$label: stopped at $(seconds "$at") s" "$status" crashed \
                "exit $status, but not one line \`error: …\` without the password: stdout $(wc -c < "$work/load.out") bytes, stderr $lines lines: $message"
            continue
        else
            how="stopped at $(seconds "$at") s; the loader exited $status $(seconds "$exited") s later: $shown"
        fi
        pg_verdict "$label: $how" "$status" crashed
        [ "$status" -ne 0 ] || faster pg_time "$work/load.out"
    done

    echo "== PostgreSQL: after the faults, a clean load of B into the same database"
    "$loader" --backend postgres --dsn "$(dsn fault_work)" "$work/b" > /dev/null
    pg_dump_to fault_work "$work/round.dump"
    ids=$(PGCONNECT_TIMEOUT=10 psql -X -A -t -d "$(dsn fault_work)" -c "
        SELECT count(*) || ' songplays, ids up to ' || max(songplay_id)
            || CASE WHEN max(songplay_id) > count(*) THEN ': the new ones skip the ids failed loads drew from the sequence' ELSE '' END
        FROM songplays")
    if cmp -s "$work/round.dump" "$work/pg-ab.dump" && cmp -s "$work/round.dump.unlogged" "$work/pg-ab.dump.unlogged"; then
        echo "equals the clean A+B load ($ids)"
    else
        echo "FAILED: it differs from the clean A+B load: $(python3 "$check_py" differences "$work/round.dump" "$work/pg-ab.dump")"
        failures=$(( failures + 1 ))
    fi
fi

# ================================================================ summary
echo "== summary"
summary sqlite "$rounds"
[ "$postgres" -eq 0 ] || summary postgres "$(( pg_rounds + pg_kill_rounds ))"
if [ "$failures" -ne 0 ]; then
    echo "FAILED: $failures rounds or checks failed (seed $seed)"
    exit 1
fi
echo "no fault corrupted or changed a warehouse"
