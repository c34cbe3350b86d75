#!/usr/bin/env python3
"""Search benchmark: `confab search` latency inside the process against SQLite's own floor.

For every query of a fixed set, runs `confab --db DB search QUERY --json` once with
CONFAB_SEARCH_TIMING_RUNS=N, which repeats the search N times in the same process and prints the
time of each run (the store call and the JSON formatting, without process start-up). In the same
run, Python's sqlite3 (the same libsqlite3) executes the plain FTS5 statement a simple front end
would use on the same index, N times, as the floor, in two forms:

- ranked: `MATCH ? ORDER BY rank LIMIT 20` with `snippet()`, which ranks every match;
- unranked: `MATCH ? LIMIT 20` with `snippet()`, in rowid order, which ranks nothing.

Filters join turns and conversations in the floor too. Reports p50 and p95 over all runs of all
queries, and each query's median.

Usage: search_benchmark.py --db NAME=PATH [--db NAME=PATH ...] [--runs N] [--confab PATH]
The query set of a database is chosen by its NAME: sharegpt or demo.
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# (label, confab query, floor MATCH expression, floor table, floor filter SQL on t and c)
SHAREGPT_QUERIES = [
    ("rare word", "kubernetes", "kubernetes", "turns_fts", ""),
    ("rare word", "sqlite", "sqlite", "turns_fts", ""),
    ("rare word", "haiku", "haiku", "turns_fts", ""),
    ("word in 75% of turns", "the", "the", "turns_fts", ""),
    ("word in 61% of turns", "of", "of", "turns_fts", ""),
    ("two common words", "the and", "the AND and", "turns_fts", ""),
    ("common OR", "python OR java", "python OR java", "turns_fts", ""),
    ("phrase", "\"machine learning\"", "\"machine learning\"", "turns_fts", ""),
    ("phrase", "\"docker compose\"", "\"docker compose\"", "turns_fts", ""),
    ("prefix", "dock*", "dock*", "turns_fts", ""),
    ("prefix", "kube*", "kube*", "turns_fts", ""),
    ("hyphenated", "state-of-the-art", "\"state-of-the-art\"", "turns_fts", ""),
    ("code", "std::vector", "\"std::vector\"", "turns_fts", ""),
    ("code", "C++", "\"C++\"", "turns_fts", ""),
    ("code", "node.js", "\"node.js\"", "turns_fts", ""),
    ("version", "gpt-4", "\"gpt-4\"", "turns_fts", ""),
    ("exclusion", "python -django", "python NOT django", "turns_fts", ""),
    ("filter + common word", "role:assistant the", "the", "turns_fts", "t.role = 'assistant'"),
    ("filter + rare word", "role:user kubernetes", "kubernetes", "turns_fts", "t.role = 'user'"),
    ("CJK 3 characters", "日本語", "\"日 本 語\"", "turn_characters_fts", ""),
    ("CJK 2 characters", "中文", "\"中 文\"", "turn_characters_fts", ""),
    ("CJK 1 character", "的", "\"的\"", "turn_characters_fts", ""),
    ("accent folding", "cafe", "cafe", "turns_fts", ""),
]

DEMO_QUERIES = [
    ("rare word", "sqlite", "sqlite", "turns_fts", ""),
    ("rare word", "tortilla", "tortilla", "turns_fts", ""),
    ("word in 11K turns", "kubernetes", "kubernetes", "turns_fts", ""),
    ("word in 43% of turns", "the", "the", "turns_fts", ""),
    ("word in 42% of turns", "a", "a", "turns_fts", ""),
    ("words in > 50% together", "the OR a", "the OR a", "turns_fts", ""),
    ("two common words", "the is", "the AND is", "turns_fts", ""),
    ("phrase", "\"the user\"", "\"the user\"", "turns_fts", ""),
    ("phrase", "\"docker compose\"", "\"docker compose\"", "turns_fts", ""),
    ("prefix", "dock*", "dock*", "turns_fts", ""),
    ("prefix", "kube*", "kube*", "turns_fts", ""),
    ("hyphenated", "trade-off", "\"trade-off\"", "turns_fts", ""),
    ("code", "async/await", "\"async/await\"", "turns_fts", ""),
    ("word with digits", "python3", "python3", "turns_fts", ""),
    ("exclusion", "docker -kubernetes", "docker NOT kubernetes", "turns_fts", ""),
    ("filter + common word", "role:user the", "the", "turns_fts", "t.role = 'user'"),
    ("filter: model", "model:gpt-4o python", "python", "turns_fts", "lower(coalesce(t.model, c.model)) = 'gpt-4o'"),
    ("filter: tag", "tag:k8s kubernetes", "kubernetes", "turns_fts",
     "c.id IN (SELECT ct.conversation_id FROM conversation_tags ct JOIN tags g ON g.id = ct.tag_id WHERE g.name = 'k8s')"),
    ("filter: date", "after:2026-06 docker", "docker", "turns_fts", "coalesce(t.created_at, c.created_at) >= 1780272000"),
    ("CJK 3 characters", "最重要", "\"最 重 要\"", "turn_characters_fts", ""),
    ("CJK 2 characters", "問題", "\"問 題\"", "turn_characters_fts", ""),
    ("CJK 1 character", "的", "\"的\"", "turn_characters_fts", ""),
    ("Korean", "어떻게", "\"어 떻 게\"", "turn_characters_fts", ""),
    ("accent folding", "deja", "deja", "turns_fts", ""),
]


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


def time_confab(confab, database, query, runs):
    environment = dict(os.environ, CONFAB_SEARCH_TIMING_RUNS=str(runs))
    result = subprocess.run(
        [confab, "--db", database, "search", "--json", "--limit", "20", "--", query],
        capture_output=True, env=environment, check=False)
    if result.returncode != 0:
        sys.exit(f"confab search failed for {query!r}: {result.stderr.decode(errors='replace')}")
    timing = json.loads(result.stderr.decode().strip().splitlines()[-1])
    page = json.loads(result.stdout)
    return timing["runs_ms"], page


def floor_sql(table, filter_sql, ranked):
    order = " ORDER BY rank" if ranked else ""
    if not filter_sql:
        return f"SELECT rowid, snippet({table}, 0, '[', ']', '…', 24) FROM {table} WHERE {table} MATCH ?{order} LIMIT 20"
    return (f"SELECT f.rowid, snippet({table}, 0, '[', ']', '…', 24) FROM {table} f "
            f"JOIN turns t ON t.id = f.rowid JOIN conversations c ON c.id = t.conversation_id "
            f"WHERE {table} MATCH ? AND {filter_sql}{' ORDER BY f.rank' if ranked else ''} LIMIT 20")


def time_floor(connection, sql, expression, runs):
    samples = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        connection.execute(sql, (expression,)).fetchall()
        samples.append((time.perf_counter() - started) * 1000)
    return samples[1:]


def summarize(samples):
    return {"p50_ms": round(percentile(samples, 0.5), 2), "p95_ms": round(percentile(samples, 0.95), 2),
            "max_ms": round(max(samples), 2)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", action="append", required=True, help="NAME=PATH, NAME is sharegpt or demo")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--confab", default=os.path.join(HERE, "..", "..", ".build", "release", "confab"))
    options = parser.parse_args()

    report = {}
    for item in options.db:
        name, path = item.split("=", 1)
        queries = SHAREGPT_QUERIES if name == "sharegpt" else DEMO_QUERIES
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        connection.execute("PRAGMA cache_size = -32768")
        turns = connection.execute("SELECT count(*) FROM turns").fetchone()[0]

        all_confab, all_ranked, all_unranked, rows = [], [], [], []
        for label, query, expression, table, filter_sql in queries:
            confab_runs, page = time_confab(options.confab, path, query, options.runs)
            ranked = time_floor(connection, floor_sql(table, filter_sql, True), expression, options.runs)
            unranked = time_floor(connection, floor_sql(table, filter_sql, False), expression, options.runs)
            all_confab += confab_runs
            all_ranked += ranked
            all_unranked += unranked
            rows.append({
                "label": label, "query": query,
                "total": f"{page['total']}{'+' if page['total_is_lower_bound'] else ''}",
                "order": page["order"], "hits": len(page["results"]),
                "confab_median_ms": round(statistics.median(confab_runs), 2),
                "floor_ranked_median_ms": round(statistics.median(ranked), 2),
                "floor_unranked_median_ms": round(statistics.median(unranked), 2),
            })
        report[name] = {
            "database": path, "turns": turns, "queries": len(queries), "runs_per_query": options.runs,
            "confab": summarize(all_confab), "floor_ranked": summarize(all_ranked),
            "floor_unranked": summarize(all_unranked), "per_query": rows,
        }
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
