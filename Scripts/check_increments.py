#!/usr/bin/env python3
"""Checks that loads compose: a data set split into parts (each day of logs, and the song
catalogue in two halves), loaded in several orders and groupings, gives the star the independent
reference computes for that sequence (the star of one load of everything, each songplay numbered
by the load that first brought it).

    python3 Scripts/check_increments.py SPARKIFY_LOAD SOURCE_DIR WORK_DIR

SOURCE_DIR is a data set in the public layout (as sparkify-generate writes it). WORK_DIR gets the
parts and one database per order. Exits 1 at the first order whose star differs.
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def files(folder):
    found = []
    for directory, _, names in os.walk(folder):
        found += [os.path.join(directory, name) for name in names if name.endswith(".json")]
    return sorted(found)


def make_part(work, name, source, song_files, log_files):
    """A folder holding hard links to the given files, under their own relative paths."""
    part = os.path.join(work, name)
    for path in song_files + log_files:
        target = os.path.join(part, os.path.relpath(path, source))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.link(path, target)
    return part


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    loader, source, work = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    songs = files(os.path.join(source, "song_data"))
    days = files(os.path.join(source, "log_data"))
    if len(days) < 3:
        sys.exit("the data set needs at least three days of logs")
    halves = [songs[0::2], songs[1::2]]
    parts = {f"songs{i + 1}": make_part(work, f"songs{i + 1}", source, half, []) for i, half in enumerate(halves)}
    for index, day in enumerate(days):
        parts[f"day{index + 1}"] = make_part(work, f"day{index + 1}", source, [], [day])
    # A grouped part: the second half of the songs with the last day's logs.
    parts["songs2+last"] = make_part(work, "songs2+last", source, halves[1], [days[-1]])
    names = [f"day{i + 1}" for i in range(len(days))]
    shuffled = names + ["songs1", "songs2"]
    random.Random(2026).shuffle(shuffled)
    orders = {
        "songs first, days in order": ["songs1", "songs2"] + names,
        "days backwards, songs last": names[::-1] + ["songs2", "songs1"],
        "shuffled": shuffled,
        "grouped": ["songs1"] + names[:-1][::-1] + ["songs2+last"],
    }
    for label, order in orders.items():
        database = os.path.join(work, label.replace(" ", "_").replace(",", "") + ".db")
        for name in order:
            subprocess.run([loader, "--database", database, parts[name]], check=True, stdout=subprocess.DEVNULL)
        print(f"{label}: {' '.join(order)}")
        result = subprocess.run([sys.executable, os.path.join(HERE, "reference_star.py"), *[parts[n] for n in order], database])
        if result.returncode != 0:
            sys.exit(f"{label}: the star differs from the reference")
    print(f"{len(orders)} orders of {len(parts)} parts give the reference's star")


if __name__ == "__main__":
    main()
