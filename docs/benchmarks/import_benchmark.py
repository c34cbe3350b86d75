#!/usr/bin/env python3
"""Import benchmark: `confab import --partial` of a ShareGPT dump against the engine floor.

Runs the floor (import_floor.py: Python's json and sqlite3 on the same libsqlite3) and Confab's
release binary alternately, several times each, on fresh databases, and reports the median wall
time, turns/s, MB/s and peak RSS of each, and Confab's time as a multiple of the floor's.

Usage: import_benchmark.py DUMP.json [--runs N] [--confab PATH] [--workdir DIR]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_measured(command, env=None):
    """Runs a command and returns (wall seconds, peak RSS in KiB, stdout, stderr)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout, stderr = b"", b""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed ({status}): {' '.join(command)}\n{stderr.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss, stdout.decode(), stderr.decode()


def remove_database(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dump")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--confab", default=os.path.join(HERE, "..", "..", ".build", "release", "confab"))
    parser.add_argument("--workdir", default=None)
    options = parser.parse_args()

    workdir = options.workdir or tempfile.mkdtemp(prefix="confab-bench-")
    megabytes = os.path.getsize(options.dump) / 1e6
    floor_db = os.path.join(workdir, "floor.db")
    confab_db = os.path.join(workdir, "confab.db")

    floor_runs, confab_runs = [], []
    floor_turns = confab_turns = None
    for _ in range(options.runs):
        remove_database(floor_db)
        seconds, rss, stdout, _ = run_measured([sys.executable, os.path.join(HERE, "import_floor.py"), options.dump, floor_db])
        floor_turns = json.loads(stdout)["turns"]
        floor_runs.append((seconds, rss))

        remove_database(confab_db)
        seconds, rss, stdout, _ = run_measured(
            [options.confab, "--db", confab_db, "import", "--partial", "--quiet", "--json", options.dump])
        confab_turns = json.loads(stdout)[0]["turns_added"]
        confab_runs.append((seconds, rss))

    def describe(name, runs, turns):
        median = statistics.median(seconds for seconds, _ in runs)
        peak = max(rss for _, rss in runs) / 1024
        return {
            "name": name,
            "median_seconds": round(median, 2),
            "runs": [round(seconds, 2) for seconds, _ in runs],
            "turns": turns,
            "turns_per_second": round(turns / median),
            "megabytes_per_second": round(megabytes / median, 1),
            "peak_rss_mb": round(peak, 1),
        }

    floor = describe("floor (python json + sqlite3, one INSERT ... SELECT into FTS5)", floor_runs, floor_turns)
    confab = describe("confab import --partial", confab_runs, confab_turns)
    result = {
        "dump_megabytes": round(megabytes, 1),
        "floor": floor,
        "confab": confab,
        "ratio": round(confab["median_seconds"] / floor["median_seconds"], 2),
    }
    print(json.dumps(result, indent=2))
    if not options.workdir:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
