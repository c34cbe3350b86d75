#!/usr/bin/env python3
"""Health benchmark: `confab simulate` at several writer counts and rates, with its sync latency
as Confab's watcher (`confab health`) and an independent observer measure it, next to a floor
measured in the same run.

For each configuration (writers x operations per second per writer) and run:
  1. Confab: a fresh store; `confab health --json` (the watcher) and the C minimal poller
     (health_floor_poller.c, the independent observer) both watch it while
     `confab simulate --json` writes. Reported: throughput, lost turns, busy retries, conflicts,
     the watcher's and the observer's sync-latency percentiles, and the CPU time of each.
  2. Floor: a fresh database with only a `changes` table; N minimal Python writers each commit
     one row per operation at the same rate with BEGIN IMMEDIATE, and the same C poller measures
     sync latency on it.
Medians over the runs are printed as a Markdown table, with the watcher's CPU as a multiple of
the poller's and Confab's p99 as a multiple of the floor's.

Usage: health_benchmark.py [--confab PATH] [--runs N] [--seconds S] [--configs 1x500,4x500,...]
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
POLL_MICROSECONDS = 1000


def build_poller(workdir):
    """Compiles the C poller and returns its path."""
    binary = os.path.join(workdir, "health_floor_poller")
    subprocess.run(["cc", "-O2", "-o", binary, os.path.join(HERE, "health_floor_poller.c"), "-lsqlite3"], check=True)
    return binary


def finish(process):
    """Waits for a Popen process and returns (stdout text, CPU seconds of the process)."""
    _, status, usage = os.wait4(process.pid, 0)
    stdout = process.stdout.read().decode()
    stderr = process.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed ({status}): {' '.join(process.args)}\n{stderr}")
    return stdout, usage.ru_utime + usage.ru_stime


def start(command):
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def confab_run(confab, poller, workdir, writers, rate, seconds):
    database = os.path.join(workdir, "confab.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    subprocess.run([confab, "--db", database, "demo", "--no-tui", "--quiet", "--users", "1", "--conversations", "1"],
                   check=True, stdout=subprocess.DEVNULL)

    watch_seconds = seconds + 3
    watcher = start([confab, "--db", database, "health", "--json", "--seconds", str(watch_seconds)])
    observer = start([poller, database, str(watch_seconds), str(POLL_MICROSECONDS)])
    time.sleep(1.0)
    simulate = start([confab, "--db", database, "simulate", "--writers", str(writers), "--rate", str(rate),
                      "--seconds", str(seconds), "--json"])
    simulate_out, _ = finish(simulate)
    watcher_out, watcher_cpu = finish(watcher)
    observer_out, observer_cpu = finish(observer)

    result = json.loads(simulate_out)
    health = json.loads(watcher_out)
    observed = json.loads(observer_out)
    return {
        "turns_per_second": result["turns_per_second"],
        "turns_written": result["turns_written"],
        "lost_turns": result["lost_turns"],
        "busy_retries": result["busy_retries"],
        "conflicts": result["conflicts"],
        "append_p99_ms": result["append_latency_ms"]["p99"],
        "watcher": health["sync_latency_ms"],
        "watcher_cpu": watcher_cpu,
        "observer": observed,
        "observer_cpu": observer_cpu,
    }


MINIMAL_WRITER = r"""
import sqlite3, sys, time
database, rate, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
connection = sqlite3.connect(database, isolation_level=None, timeout=10)
connection.execute("PRAGMA synchronous = NORMAL")
start = time.monotonic()
done = 0
while True:
    due = start + done / rate
    if due - start >= seconds:
        break
    delay = due - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO turns (text) VALUES ('a minimal turn of about the length of a short answer')")
    connection.execute("INSERT INTO changes (committed_at) VALUES (?)", (time.time(),))
    connection.execute("COMMIT")
    done += 1
print(done)
"""


def floor_run(poller, workdir, writers, rate, seconds):
    database = os.path.join(workdir, "floor.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    connection = sqlite3.connect(database)
    connection.executescript("""
        PRAGMA journal_mode = WAL;
        CREATE TABLE turns (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
        CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, committed_at REAL NOT NULL);
        """)
    connection.close()

    observer = start([poller, database, str(seconds + 3), str(POLL_MICROSECONDS)])
    time.sleep(1.0)
    began = time.monotonic()
    processes = [start([sys.executable, "-c", MINIMAL_WRITER, database, str(rate), str(seconds)]) for _ in range(writers)]
    written = sum(int(finish(process)[0]) for process in processes)
    elapsed = time.monotonic() - began
    observer_out, observer_cpu = finish(observer)
    return {"turns_per_second": written / elapsed, "observer": json.loads(observer_out), "observer_cpu": observer_cpu}


def median(values):
    return statistics.median(values) if values else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--confab", default=os.path.join(HERE, "..", "..", ".build", "release", "confab"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--configs", default="1x500,4x500,8x250,4x100")
    parser.add_argument("--workdir", default=None)
    options = parser.parse_args()

    workdir = options.workdir or tempfile.mkdtemp(prefix="confab-health-bench-")
    poller = build_poller(workdir)
    configs = [tuple(int(part) for part in item.split("x")) for item in options.configs.split(",")]

    print("| writers × rate | turns/s (floor) | lost | busy retries | conflicts | watcher p50 / p95 / p99 / max ms "
          "| observer p99 ms | floor p99 ms | p99 ÷ floor | watcher CPU s | poller CPU s | CPU ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for writers, rate in configs:
        confab_runs = []
        floor_runs = []
        for _ in range(options.runs):
            confab_runs.append(confab_run(options.confab, poller, workdir, writers, rate, options.seconds))
            floor_runs.append(floor_run(poller, workdir, writers, rate, options.seconds))
            print(json.dumps({"writers": writers, "rate": rate, "confab": confab_runs[-1], "floor": floor_runs[-1]}),
                  file=sys.stderr)

        def m(key, runs=confab_runs):
            return median([run[key] for run in runs])

        def watcher(key):
            return median([run["watcher"][key] for run in confab_runs])

        floor_p99 = median([run["observer"]["p99"] for run in floor_runs])
        observer_p99 = median([run["observer"]["p99"] for run in confab_runs])
        watcher_cpu = m("watcher_cpu")
        poller_cpu = m("observer_cpu")
        print(f"| {writers} × {rate}/s | {m('turns_per_second'):.0f} ({m('turns_per_second', floor_runs):.0f}) "
              f"| {m('lost_turns'):.0f} | {m('busy_retries'):.0f} | {m('conflicts'):.0f} "
              f"| {watcher('p50'):.2f} / {watcher('p95'):.2f} / {watcher('p99'):.2f} / {watcher('max'):.1f} "
              f"| {observer_p99:.2f} | {floor_p99:.2f} | {watcher('p99') / floor_p99 if floor_p99 else 0:.2f} "
              f"| {watcher_cpu:.2f} | {poller_cpu:.2f} | {watcher_cpu / poller_cpu if poller_cpu else 0:.2f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
