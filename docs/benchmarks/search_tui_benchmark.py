#!/usr/bin/env python3
"""Search screen benchmark: keystroke-to-results latency of the console against SQLite's floor.

Runs the release `confab --db DB` on a pseudo-terminal with the Console class of
browse_benchmark.py: a reader thread stamps each chunk of output on arrival, and pyte replays it
to read the screen. The script opens the `/` line and, for every query of the CLI benchmark's set,
measures the time from writing the query's last character to the arrival of the output that
shows its results. That covers the debounce, the search on the screen's worker (first page of
hits with snippets) and drawing the frame. Two ways of typing:

- settled: the results for the query without its last character are on screen and the user
  paused (PAUSE seconds, longer than the screen's debounce) before the last key, so the query
  runs at once;
- typing: the last character follows the rest 5 ms later, so it cancels that query in flight
  and waits for the debounce (10 ms).

Before each run Ctrl-U empties the line, which clears the results. One unmeasured search of the
first query comes before the measured ones, so the connection's page cache is warm. A query whose text is one
character has no settled prefix and is measured from an empty line in both modes.

In the same run, Python's sqlite3 (the same libsqlite3) executes the floor of the CLI benchmark
(search_benchmark.py) for each query: `MATCH ? LIMIT 20` with `snippet()`, unranked.

Requires pyte (pip install pyte). Usage:
  search_tui_benchmark.py --db NAME=PATH [--db NAME=PATH ...] [--runs N] [--confab PATH]
The query set of a database is chosen by its NAME: sharegpt or demo.
"""
import argparse
import json
import os
import sqlite3
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from browse_benchmark import Console  # noqa: E402
from search_benchmark import DEMO_QUERIES, SHAREGPT_QUERIES, floor_sql, percentile, time_floor  # noqa: E402

CLEAR_LINE = b"\x15"
COLUMNS, ROWS = 160, 48
# Seconds without a key before the last one in settled mode: more than the debounce.
PAUSE = 0.05
# The summary is the first row inside the Search screen's frame.
SUMMARY_ROW = 2


def summary(lines):
    return lines[SUMMARY_ROW]


def shows_results(query):
    """True once the summary shows finished results (or an error) for exactly `query`. The screen
    shows the query without blanks at its ends."""
    quoted = f'"{query.strip()}"'

    def condition(lines):
        line = summary(lines)
        if "Searching" in line:
            return False
        if f"match {quoted}" in line or f"matches {quoted}" in line:
            return True
        return "Invalid FTS5 query" in lines[SUMMARY_ROW + 1] or "Search failed" in lines[SUMMARY_ROW + 1]
    return condition


def is_cleared(lines):
    return "Press / and type" in "".join(lines[SUMMARY_ROW:SUMMARY_ROW + 3])


def measure_query(console, query, mode):
    """Returns the seconds from writing the query's last character to its results on screen."""
    console.press(CLEAR_LINE, quiet=0.005)
    console.wait_for(is_cleared)
    prefix, last = query[:-1], query[-1]
    if prefix:
        console.drain(0.005)
        os.write(console.descriptor, prefix.encode())
        if mode == "settled":
            console.wait_for(shows_results(prefix))
        else:
            time.sleep(0.005)
    if mode == "settled":
        console.drain(PAUSE)
    written = time.perf_counter()
    os.write(console.descriptor, last.encode())
    arrived = console.wait_for(shows_results(query))
    return arrived - written


def milliseconds(values):
    return round(1000 * values, 2)


def run_database(options, name, path):
    queries = SHAREGPT_QUERIES if name == "sharegpt" else DEMO_QUERIES
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.execute("PRAGMA cache_size = -32768")
    turns = connection.execute("SELECT count(*) FROM turns").fetchone()[0]

    console = Console(options.confab, path, COLUMNS, ROWS)
    console.wait_for(lambda lines: any("All users" in line for line in lines))
    console.press(b"2", quiet=0.01)
    console.wait_for(is_cleared)
    console.press(b"/", quiet=0.01)
    # One search before the measured ones fills the connection's page cache, as any earlier
    # search in the same console would.
    measure_query(console, queries[0][1], "settled")

    samples = {"settled": [], "typing": []}
    floor = []
    rows = []
    for label, query, expression, table, filter_sql in queries:
        per_mode = {"settled": [], "typing": []}
        for _ in range(options.runs):
            for mode in ("settled", "typing"):
                per_mode[mode].append(measure_query(console, query, mode))
        floor_runs = time_floor(connection, floor_sql(table, filter_sql, False), expression, options.runs)
        for mode in per_mode:
            samples[mode] += per_mode[mode]
        floor += floor_runs
        rows.append({
            "label": label, "query": query, "summary": summary(console.lines()).strip("│ "),
            "settled_median_ms": milliseconds(statistics.median(per_mode["settled"])),
            "typing_median_ms": milliseconds(statistics.median(per_mode["typing"])),
            "floor_unranked_median_ms": round(statistics.median(floor_runs), 2),
        })
    console.quit()
    connection.close()

    def summarize(values, scale=1000):
        return {"p50_ms": round(percentile(values, 0.5) * scale, 2), "p95_ms": round(percentile(values, 0.95) * scale, 2),
                "max_ms": round(max(values) * scale, 2)}

    return {
        "database": path, "turns": turns, "queries": len(queries), "runs_per_query": options.runs,
        "terminal": f"{COLUMNS}x{ROWS}",
        "settled": summarize(samples["settled"]), "typing": summarize(samples["typing"]),
        "floor_unranked": summarize(floor, scale=1), "per_query": rows,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", action="append", required=True, help="NAME=PATH, NAME is sharegpt or demo")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--confab", default=os.path.join(HERE, "..", "..", ".build", "release", "confab"))
    options = parser.parse_args()
    options.confab = os.path.abspath(options.confab)

    report = {}
    for item in options.db:
        name, path = item.split("=", 1)
        report[name] = run_database(options, name, path)
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
