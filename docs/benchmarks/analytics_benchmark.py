#!/usr/bin/env python3
"""Analytics benchmark: `confab analytics` and the Analytics screen against a raw-SQL floor.

Modes:
  views --db NAME=PATH ... [--runs N]
      Each CLI view (see VIEWS) cold and warm, next to the floor. The floor computes the same
      figures with Python's sqlite3 (the same libsqlite3): plain GROUP BY queries scanning `turns`
      and `conversations`, and percentiles sorted in Python from one row per measured turn.
      Cold: the store's files are dropped from the OS page cache (posix_fadvise DONTNEED), then a
      new process (confab) or a new connection (floor) computes the view once; confab's cold time
      includes process start-up. Warm: confab repeats the view in one process
      (CONFAB_ANALYTICS_TIMING_RUNS), covering the store call and the JSON formatting; the floor
      repeats its queries on one connection.
  screen --db NAME=PATH ... [--runs N]
      The release console on a pseudo-terminal (160x48, TERM=xterm-256color): from the key that
      shows a view (5, then v for each next view) to the arrival of the frame that shows it
      loaded. The first run of each store starts with the store dropped from the page cache.
  import DUMP --base PATH [--runs N]
      `confab import --partial` of a ShareGPT dump by a build without the analytics summaries
      (PATH) and by this build, alternating with import_floor.py, on fresh databases.
  appends --db PATH [--count N]
      Single-turn appends by another SQLite client, one transaction each, on two copies of the
      store: with the analytics triggers and with them dropped.

Requires pyte for `screen` (pip install pyte). Common option: --confab PATH (default
.build/release/confab).
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
sys.path.insert(0, HERE)

TIME = "coalesce(t.created_at, c.created_at)"
BASE = "FROM turns t JOIN conversations c ON c.id = t.conversation_id"
MEASURED = "(t.input_tokens IS NOT NULL OR t.output_tokens IS NOT NULL OR t.generation_seconds IS NOT NULL)"


def grouped_floor(group, condition="1", percentiles=True):
    """Returns the floor queries of a grouped view: one GROUP BY over the base tables, and the measured turns."""
    queries = [("rows", f"""
        SELECT {group} AS g, count(DISTINCT t.conversation_id), count(*), sum(length(t.text)),
               sum(t.kind = 'message'), sum(t.kind = 'hidden'), sum(t.kind IN ('tool_call', 'tool_result')),
               sum(t.kind = 'error'), sum(t.role = 'assistant' AND t.branch_index > 0),
               sum(t.input_tokens), count(t.input_tokens), sum(t.output_tokens), count(t.output_tokens),
               sum(t.generation_seconds), count(t.generation_seconds)
        {BASE} WHERE {condition} GROUP BY g""")]
    if percentiles:
        queries.append(("percentiles",
                        f"SELECT {group}, t.input_tokens, t.output_tokens, t.generation_seconds {BASE} WHERE ({condition}) AND {MEASURED}"))
    return queries


MONTH = f"strftime('%Y-%m', {TIME}, 'unixepoch')"
WEEK = f"date({TIME}, 'unixepoch', '-6 days', 'weekday 1')"

# name, confab arguments, floor queries
VIEWS = [
    ("by month", ["--by", "month"], grouped_floor(MONTH)),
    ("by week, role:assistant after:2026-01", ["--by", "week", "--match", "role:assistant after:2026-01"],
     grouped_floor(WEEK, f"t.role = 'assistant' AND {TIME} >= 1767225600")),
    ("by user, top 40", ["--by", "user", "--top", "40"], grouped_floor("c.user_id")),
    ("by model", ["--by", "model"], grouped_floor("coalesce(t.model, c.model)")),
    ("lengths", ["--view", "lengths"],
     [("rows", f"SELECT t.conversation_id, count(*), sum(length(t.text)) {BASE} GROUP BY t.conversation_id")]),
    ("growth by month", ["--view", "growth", "--by", "month"],
     [("rows", f"SELECT c.source, min({TIME}) {BASE} GROUP BY t.conversation_id"),
      ("rows", f"SELECT {MONTH}, c.source, count(*), sum(length(t.text)) {BASE} GROUP BY 1, 2")]),
    ("text: docker, by month (scan)", ["--by", "month", "--match", "docker"],
     grouped_floor(MONTH, "t.id IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'docker')")),
]

SCREEN_VIEWS = [
    ("activity by month", b"5", "Turns per month"),
    ("users", b"v", "Turns per user"),
    ("models", b"v", "Turns per model"),
    ("tokens & time", b"v", "Output tokens per model"),
    ("lengths", b"v", "Turns per conversation"),
    ("growth", b"v", "Conversations per source"),
]


def drop_from_page_cache(path):
    """Asks the kernel to drop the clean cached pages of the store's files."""
    for suffix in ("", "-wal", "-shm"):
        name = path + suffix
        if os.path.exists(name):
            descriptor = os.open(name, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            except OSError:
                pass
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(descriptor)


def run_floor(connection, queries):
    for kind, sql in queries:
        rows = connection.execute(sql).fetchall()
        if kind == "percentiles":
            # Percentiles per group: sort each measure's values, as confab does.
            groups = {}
            for group, *values in rows:
                for index, value in enumerate(values):
                    if value is not None:
                        groups.setdefault((group, index), []).append(value)
            for values in groups.values():
                values.sort()


def confab_view(options, database, arguments, timing_runs=0):
    environment = dict(os.environ, LANG="C.UTF-8")
    if timing_runs:
        environment["CONFAB_ANALYTICS_TIMING_RUNS"] = str(timing_runs)
    started = time.perf_counter()
    process = subprocess.run([options.confab, "--db", database, "analytics", "--json"] + arguments,
                             capture_output=True, env=environment)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"confab failed: {process.stderr.decode(errors='replace')}")
    timing = json.loads(process.stderr.decode().strip().splitlines()[-1]) if timing_runs else None
    return elapsed, timing, len(json.loads(process.stdout))


def measure_views(options):
    results = []
    for name, database in options.db:
        for view, arguments, queries in VIEWS:
            cold_confab, cold_floor = [], []
            for _ in range(options.runs):
                drop_from_page_cache(database)
                elapsed, _, rows = confab_view(options, database, arguments)
                cold_confab.append(elapsed)
                drop_from_page_cache(database)
                started = time.perf_counter()
                connection = sqlite3.connect(database)
                run_floor(connection, queries)
                connection.close()
                cold_floor.append(time.perf_counter() - started)
            _, timing, _ = confab_view(options, database, arguments, timing_runs=options.runs)
            warm_floor = []
            connection = sqlite3.connect(database)
            run_floor(connection, queries)
            for _ in range(options.runs):
                started = time.perf_counter()
                run_floor(connection, queries)
                warm_floor.append(time.perf_counter() - started)
            connection.close()
            warm_confab = [ms / 1000 for ms in timing["runs_ms"]]
            row = {
                "store": name, "view": view, "rows": rows, "method": timing["method"],
                "cold_confab_ms": round(statistics.median(cold_confab) * 1000, 1),
                "cold_floor_ms": round(statistics.median(cold_floor) * 1000, 1),
                "warm_confab_ms": round(statistics.median(warm_confab) * 1000, 1),
                "warm_floor_ms": round(statistics.median(warm_floor) * 1000, 1),
            }
            row["warm_ratio"] = round(row["warm_confab_ms"] / row["warm_floor_ms"], 3)
            row["cold_ratio"] = round(row["cold_confab_ms"] / row["cold_floor_ms"], 3)
            print(json.dumps(row), flush=True)
            results.append(row)
    return results


def measure_screen(options):
    from browse_benchmark import Console
    for name, database in options.db:
        timings = {view: [] for view, _, _ in SCREEN_VIEWS}
        for run in range(options.runs):
            if run == 0:
                drop_from_page_cache(database)
            console = Console(options.confab, database, 160, 48)
            console.wait_for(lambda lines: any("All users" in line for line in lines), timeout=60)
            console.drain(0.2)
            for view, key, marker in SCREEN_VIEWS:
                written = time.perf_counter()
                os.write(console.descriptor, key)

                def shown(lines, marker=marker):
                    return (any(marker in line for line in lines) and "loading" not in lines[1]
                            and any("turns in" in line for line in lines[:6]))
                arrived = console.wait_for(shown, timeout=120)
                timings[view].append(arrived - written)
                console.drain(0.05)
            console.quit()
        for view, values in timings.items():
            print(json.dumps({"store": name, "view": view, "first_run_ms": round(values[0] * 1000, 1),
                              "median_ms": round(statistics.median(values) * 1000, 1),
                              "runs_ms": [round(value * 1000, 1) for value in values]}), flush=True)


def measure_import(options):
    workdir = tempfile.mkdtemp(prefix="confab-analytics-import-")
    runs = {"floor": [], "base": [], "confab": []}
    turns = {}
    for _ in range(options.runs):
        for label, command in [
            ("floor", [sys.executable, os.path.join(HERE, "import_floor.py"), options.dump, os.path.join(workdir, "floor.db")]),
            ("base", [options.base, "--db", os.path.join(workdir, "base.db"), "import", "--partial", "--quiet", "--json", options.dump]),
            ("confab", [options.confab, "--db", os.path.join(workdir, "confab.db"), "import", "--partial", "--quiet", "--json", options.dump]),
        ]:
            database = command[command.index("--db") + 1] if "--db" in command else command[-1]
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(database + suffix):
                    os.remove(database + suffix)
            started = time.perf_counter()
            process = subprocess.run(command, capture_output=True)
            elapsed = time.perf_counter() - started
            if process.returncode != 0:
                sys.exit(f"{label} failed: {process.stderr.decode(errors='replace')}")
            output = json.loads(process.stdout)
            turns[label] = output["turns"] if label == "floor" else output[0]["turns_added"]
            runs[label].append(elapsed)
    medians = {label: statistics.median(values) for label, values in runs.items()}
    print(json.dumps({
        "runs_s": {label: [round(value, 2) for value in values] for label, values in runs.items()},
        "median_s": {label: round(value, 2) for label, value in medians.items()},
        "turns": turns,
        "base_ratio": round(medians["base"] / medians["floor"], 3),
        "confab_ratio": round(medians["confab"] / medians["floor"], 3),
        "aggregate_cost": round(medians["confab"] / medians["base"] - 1, 3),
    }, indent=2))
    shutil.rmtree(workdir)


def measure_appends(options):
    workdir = tempfile.mkdtemp(prefix="confab-analytics-appends-")
    results = {}
    for label in ("with triggers", "without triggers"):
        copy = os.path.join(workdir, "store.db")
        subprocess.run(["sqlite3", options.db[0][1], f".backup {copy}"], check=True)
        connection = sqlite3.connect(copy, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        if label == "without triggers":
            for (trigger,) in connection.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'analytics_%'").fetchall():
                connection.execute(f"DROP TRIGGER {trigger}")
        conversation_ids = [row[0] for row in connection.execute("SELECT id FROM conversations ORDER BY random() LIMIT 200")]
        started = time.perf_counter()
        for index in range(options.count):
            conversation = conversation_ids[index % len(conversation_ids)]
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                """INSERT INTO turns (uid, conversation_id, source_id, position, branch_index, on_default_thread, role, kind,
                                      text, created_at, content_hash)
                   VALUES (?, ?, ?, 10000 + ?, 0, 1, 'user', 'message', 'appended by the benchmark', 1790000000, 0)""",
                (f"bench-{index}", conversation, f"bench-{index}", index))
            connection.execute("COMMIT")
        elapsed = time.perf_counter() - started
        pending = connection.execute("SELECT count(*) FROM analytics_pending").fetchone()[0] if label == "with triggers" else 0
        connection.close()
        results[label] = {"seconds": round(elapsed, 3), "appends_per_second": round(options.count / elapsed),
                          "pending_conversations": pending}
        os.remove(copy)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
    results["trigger_cost"] = round(results["with triggers"]["seconds"] / results["without triggers"]["seconds"] - 1, 3)
    print(json.dumps(results, indent=2))
    shutil.rmtree(workdir)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["views", "screen", "import", "appends"])
    parser.add_argument("dump", nargs="?")
    parser.add_argument("--db", action="append", default=[], help="NAME=PATH of a store")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--base", help="confab built without the analytics summaries, for import")
    parser.add_argument("--confab", default=os.path.join(HERE, "..", "..", ".build", "release", "confab"))
    options = parser.parse_args()
    options.db = [tuple(item.split("=", 1)) if "=" in item else (os.path.basename(item), item) for item in options.db]
    {"views": measure_views, "screen": measure_screen, "import": measure_import, "appends": measure_appends}[options.mode](options)


if __name__ == "__main__":
    main()
