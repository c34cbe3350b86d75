#!/usr/bin/env python3
"""Engine floor for the import benchmark: the fastest plain way to load a ShareGPT dump into SQLite.

Parses the file with Python's json module (C accelerated), inserts one row per turn in a single
transaction, then builds an external-content FTS5 index with one INSERT ... SELECT. It links the
same libsqlite3 as Confab. A file that ends early keeps its complete records, as
`confab import --partial` does.

Usage: import_floor.py DUMP.json DATABASE
Prints one JSON object: turns, conversations, seconds, parse_seconds, load_seconds, peak_rss_kb.
"""
import json
import os
import resource
import sqlite3
import sys
import time


def read_records(path):
    """Returns the complete top-level records of a JSON array, stopping where the file breaks."""
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8", "replace")
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    records = []
    while True:
        while position < len(text) and text[position] in " \r\n\t,":
            position += 1
        if position >= len(text) or text[position] == "]":
            break
        try:
            record, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            break
        records.append(record)
    return records


def main():
    dump, database = sys.argv[1], sys.argv[2]
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)

    started = time.perf_counter()
    records = read_records(dump)
    parsed = time.perf_counter()

    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute(
        "CREATE TABLE turns (id INTEGER PRIMARY KEY, conversation TEXT, position INTEGER, role TEXT, text TEXT)")
    connection.execute(
        "CREATE VIRTUAL TABLE turns_fts USING fts5(text, content='turns', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')")
    connection.execute("BEGIN")
    turns = 0
    for record in records:
        for position, turn in enumerate(record.get("conversations") or []):
            connection.execute(
                "INSERT INTO turns (conversation, position, role, text) VALUES (?, ?, ?, ?)",
                (record.get("id"), position, turn.get("from"), turn.get("value")))
            turns += 1
    connection.execute("INSERT INTO turns_fts (rowid, text) SELECT id, text FROM turns")
    connection.execute("COMMIT")
    connection.close()
    finished = time.perf_counter()

    print(json.dumps({
        "turns": turns,
        "conversations": len(records),
        "seconds": round(finished - started, 3),
        "parse_seconds": round(parsed - started, 3),
        "load_seconds": round(finished - parsed, 3),
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
