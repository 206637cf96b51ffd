#!/usr/bin/env python3
"""Benchmark sparkify-load on generated data sets.

    python3 Scripts/benchmark.py [--events 100000 1000000] [--songs 50000] [--runs 3]
                                 [--backend sqlite postgres] [--data .benchmark] [--increment]

It builds the release binaries, generates each data set once (deterministic, kept under
--data), then loads it from scratch --runs times per backend and prints, for the median run:
wall time, the loader's own time per stage, events/s, MB/s and peak memory (the loader's
resident set, read from wait4). For postgres it starts a throwaway server on 127.0.0.1 (as
the tests do), with the settings of a server meant for bulk loads.

With --increment it also times a daily increment: the last day's log file alone (no song
files) loaded into a warehouse that holds the songs and the other 29 days, --runs times
(each into a fresh copy of that warehouse), beside the full load.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def release_binaries():
    subprocess.run(["swift", "build", "-c", "release", "--product", "sparkify-load"], cwd=ROOT, check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "sparkify-generate"], cwd=ROOT, check=True)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "sparkify-load"), os.path.join(path, "sparkify-generate")


def data_set(generate, folder, events, songs, seed):
    path = os.path.join(folder, f"events-{events}-songs-{songs}-seed-{seed}")
    if not os.path.exists(path):
        print(f"generating {path} …", file=sys.stderr)
        subprocess.run([generate, path, "--events", str(events), "--songs", str(songs), "--days", "30",
                        "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    total = 0
    for directory, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(directory, name)) for name in files)
    return path, total


def run_measured(command):
    """Runs command; returns (wall seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    output, errors = process.stdout.read(), process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{errors}")
    return wall, usage.ru_maxrss / 1024, output


def seconds(text):
    value, unit = text.split()
    return float(value) / (1000 if unit == "ms" else 1)


def stages(output):
    """The loader's own stage times, from its summary."""
    found = {}
    for line in output.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if cells[0] in ("staging_songs", "staging_events") and len(cells) >= 8:
            found[f"{cells[0]}: discover"] = seconds(cells[5])
            found[f"{cells[0]}: read+parse"] = seconds(cells[6])
            found[f"{cells[0]}: insert"] = seconds(cells[7])
        elif len(cells) >= 3 and re.fullmatch(r"[\d.]+ m?s", cells[-1]) and not line.startswith(("staging ", "transform")):
            found[f"transform {cells[0]}"] = seconds(cells[-1])
        elif line.startswith("Setup"):
            match = re.search(r"checks: .* in ([\d.]+ m?s)", line)
            if match:
                found["checks"] = seconds(match.group(1))
    return found


def increment_parts(path):
    """Splits the data set at `path` into the warehouse before the increment (the songs and
    every day's log but the last) and the increment (the last day's log), as folders of
    symbolic links beside it; returns both."""
    logs = sorted(os.path.join(directory, name) for directory, _, files in os.walk(os.path.join(path, "log_data"))
                  for name in files if name.endswith(".json"))
    parts = {"before": logs[:-1], "increment": logs[-1:]}
    folders = {}
    for part, files in parts.items():
        folder = f"{path}.{part}"
        shutil.rmtree(folder, ignore_errors=True)
        for file in files:
            link = os.path.join(folder, os.path.relpath(file, path))
            os.makedirs(os.path.dirname(link), exist_ok=True)
            os.symlink(file, link)
        folders[part] = folder
    os.symlink(os.path.join(path, "song_data"), os.path.join(folders["before"], "song_data"))
    return folders["before"], folders["increment"]


class Postgres:
    """A throwaway PostgreSQL server, as the tests start one."""

    def __init__(self):
        bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
        self.bin = bindir if os.path.exists(os.path.join(bindir, "initdb")) else os.path.dirname(shutil.which("initdb"))
        self.folder = tempfile.mkdtemp(prefix="sparkify-benchmark-pg-")
        self.port = 55400 + os.getpid() % 500
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.folder, "postgres")
        self.run("initdb", "-D", self.folder + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C")
        # Settings of a server meant for bulk loads (PostgreSQL's "Populating a Database"): room in
        # memory, and no checkpoint in the middle of a load.
        settings = ("-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min"
                    " -c wal_level=minimal -c max_wal_senders=0")
        self.run("pg_ctl", "-D", self.folder + "/data", "-l", self.folder + "/log", "-w", "-o",
                 f"-c port={self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder} {settings}",
                 "start")

    def run(self, tool, *arguments):
        command = [os.path.join(self.bin, tool), *arguments]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--"] + command
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def dsn(self, database):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def fresh_database(self, name):
        subprocess.run(["psql", self.dsn("postgres"), "-q", "-c", f"DROP DATABASE IF EXISTS {name}", "-c",
                        f"CREATE DATABASE {name}"], check=True, stdout=subprocess.DEVNULL)
        return self.dsn(name)

    def copy_database(self, template, name):
        subprocess.run(["psql", self.dsn("postgres"), "-q", "-c", f"DROP DATABASE IF EXISTS {name}", "-c",
                        f"CREATE DATABASE {name} TEMPLATE {template}"], check=True, stdout=subprocess.DEVNULL)
        return self.dsn(name)

    def stop(self):
        self.run("pg_ctl", "-D", self.folder + "/data", "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def time_increment(load, backend, path, arguments, postgres):
    """Loads all but the last day once, then the last day --runs times into fresh copies of
    that warehouse; returns the increment's wall times and the median run's output."""
    before, increment = increment_parts(path)
    runs = []
    if backend == "sqlite":
        base = os.path.join(arguments.data, "increment-base.db")
        for database in (base, base + "-journal"):
            if os.path.exists(database):
                os.remove(database)
        run_measured([load, "--backend", "sqlite", "--database", base, before])
        for run in range(arguments.runs):
            database = os.path.join(arguments.data, "increment.db")
            shutil.copyfile(base, database)
            runs.append(run_measured([load, "--backend", "sqlite", "--database", database, increment]))
    else:
        run_measured([load, "--backend", "postgres", "--dsn", postgres.fresh_database("increment_base"), before])
        for run in range(arguments.runs):
            runs.append(run_measured([load, "--backend", "postgres", "--dsn",
                                      postgres.copy_database("increment_base", "increment"), increment]))
    print(f"{backend} {os.path.basename(path)}: increment runs {', '.join(f'{run[0]:.2f}' for run in runs)} s", file=sys.stderr)
    return [run[0] for run in runs], sorted(runs)[len(runs) // 2][2]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--songs", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backend", nargs="+", default=["sqlite"], choices=["sqlite", "postgres"])
    parser.add_argument("--data", default=os.path.join(ROOT, ".benchmark"))
    parser.add_argument("--increment", action="store_true", help="also time the last day loaded into the other 29")
    arguments = parser.parse_args()

    load, generate = release_binaries()
    os.makedirs(arguments.data, exist_ok=True)
    postgres = Postgres() if "postgres" in arguments.backend else None
    results, increments = [], []
    try:
        for events in arguments.events:
            path, size = data_set(generate, arguments.data, events, arguments.songs, arguments.seed)
            for backend in arguments.backend:
                runs = []
                for run in range(arguments.runs):
                    if backend == "sqlite":
                        database = os.path.join(arguments.data, "benchmark.db")
                        for suffix in ("", "-wal", "-shm", "-journal"):
                            if os.path.exists(database + suffix):
                                os.remove(database + suffix)
                        command = [load, "--backend", "sqlite", "--database", database, path]
                    else:
                        command = [load, "--backend", "postgres", "--dsn", postgres.fresh_database("benchmark"), path]
                    runs.append(run_measured(command))
                    print(f"{backend} {events} events, run {run + 1}: {runs[-1][0]:.2f} s", file=sys.stderr)
                median = sorted(runs)[len(runs) // 2]
                results.append((backend, events, size, median, max(run[1] for run in runs), [run[0] for run in runs]))
                if arguments.increment:
                    increments.append((backend, events, median[0], time_increment(load, backend, path, arguments, postgres)))
    finally:
        if postgres:
            postgres.stop()

    cores = os.cpu_count()
    print(f"\nsparkify-load benchmark: {cores} cores, {arguments.runs} runs each, median shown; "
          f"{arguments.songs} song files, 30 days of logs\n")
    for backend, events, size, (wall, memory, output), peak, walls in results:
        print(f"{backend}, {events:,} events, {size / 1e6:.0f} MB of JSON")
        print(f"  wall           {wall:8.2f} s   (runs: {', '.join(f'{w:.2f}' for w in walls)})")
        print(f"  events/s       {events / wall:11,.0f}")
        print(f"  MB/s           {size / 1e6 / wall:11.1f}")
        print(f"  peak memory    {peak:8.0f} MB (largest of the runs)")
        for stage, duration in stages(output).items():
            print(f"  {stage:<32} {duration:7.2f} s")
        print()
    for backend, events, full, (walls, output) in increments:
        wall = sorted(walls)[len(walls) // 2]
        print(f"{backend}, {events:,} events: the last day's logs into a warehouse holding the other 29 days")
        print(f"  wall           {wall:8.2f} s   (runs: {', '.join(f'{w:.2f}' for w in walls)}); "
              f"{100 * wall / full:.1f}% of the full load's {full:.2f} s")
        for stage, duration in stages(output).items():
            if duration >= 0.01:
                print(f"  {stage:<32} {duration:7.2f} s")
        print()


if __name__ == "__main__":
    main()
