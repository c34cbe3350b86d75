#!/usr/bin/env python3
"""Retention benchmark: a batched delete of 10% of a store while writers write, forget, backup.

Scenarios, each on a fresh copy of the given store (a `confab demo` store of about 1M turns):

1. Writers alone: two Python threads insert turns into recent conversations at 500 turns/s in
   total, one turn per transaction, for --writer-seconds. Their per-transaction latency is the
   baseline.
2. The same writers while `confab retention run --match idle:ND` deletes the oldest conversations
   holding about 10% of the turns. The job reports each batch's write-lock time through
   CONFAB_RETENTION_BATCH_LOG; the writers' latency is measured during the job.
3. The floor: Python's sqlite3 (the same libsqlite3) deleting the same conversations with one
   DELETE of their turns and one of the conversations in a single transaction, with the same
   triggers, no writers. It is the fastest way to do the work and holds the lock throughout.
4. `confab forget` of the user with the most turns, on a fresh copy, while the same writers write.
5. `confab backup` (online backup plus verification) and `confab restore --yes` (verification
   plus copy); the floor is Python's `Connection.backup` alone.

Usage: retention_benchmark.py --db DEMO.db [--confab PATH] [--writer-seconds S] [--work DIR]
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import threading
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CONFAB = os.path.join(HERE, "..", "..", ".build", "release", "confab")


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


def copy_store(source, work, name):
    target = os.path.join(work, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    shutil.copyfile(source, target)
    return target


class Writers:
    """Threads that insert turns into recent conversations at a fixed total rate."""

    def __init__(self, path, rate, threads=2, exclude_user=None):
        self.path = path
        self.interval = threads / rate
        self.threads = threads
        self.latencies = []
        self.events = []
        self.errors = 0
        self.stop = threading.Event()
        self.lock = threading.Lock()
        with sqlite3.connect(path) as connection:
            cutoff = time.time() - 30 * 86400
            self.conversations = [row[0] for row in connection.execute(
                "SELECT id FROM conversations WHERE updated_at >= ? AND user_id IS NOT ? ORDER BY id LIMIT 500",
                (cutoff, exclude_user))]

    def run_thread(self, index):
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA synchronous = NORMAL")
        next_time = time.perf_counter()
        count = 0
        while not self.stop.is_set():
            conversation = self.conversations[(index * 7919 + count) % len(self.conversations)]
            started = time.perf_counter()
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute(
                    """INSERT INTO turns (uid, conversation_id, source_id, position, on_default_thread, role, kind,
                       text, created_at, content_hash) VALUES (?, ?, ?, 1000000 + ?, 0, 'user', 'message', ?, ?, 0)""",
                    (str(uuid.uuid4()), conversation, "bench-" + str(uuid.uuid4()), count,
                     "benchmark writer turn %d about sourdough and kubernetes" % count, time.time()))
                connection.execute("COMMIT")
                with self.lock:
                    self.latencies.append(time.perf_counter() - started)
                    self.events.append((time.time(), time.perf_counter() - started))
            except sqlite3.Error:
                with self.lock:
                    self.errors += 1
                try:
                    connection.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            count += 1
            next_time += self.interval
            delay = next_time - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        connection.close()

    def __enter__(self):
        self.workers = [threading.Thread(target=self.run_thread, args=(i,)) for i in range(self.threads)]
        for worker in self.workers:
            worker.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for worker in self.workers:
            worker.join()

    def summary(self, seconds):
        return {
            "turns": len(self.latencies), "rate": len(self.latencies) / seconds, "errors": self.errors,
            "p50_ms": percentile(self.latencies, 0.5) * 1000, "p99_ms": percentile(self.latencies, 0.99) * 1000,
            "max_ms": max(self.latencies) * 1000 if self.latencies else float("nan"),
        }


def idle_days_for_share(path, share):
    """Return the smallest whole number of days whose idle: rule selects at least `share` of the turns."""
    with sqlite3.connect("file:%s?mode=ro" % path, uri=True) as connection:
        total = connection.execute("SELECT count(*) FROM turns").fetchone()[0]
        rows = connection.execute(
            """SELECT coalesce(c.updated_at, c.created_at), count(t.id) FROM conversations c
               JOIN turns t ON t.conversation_id = c.id GROUP BY c.id ORDER BY 1""").fetchall()
    now = time.time()
    selected = 0
    for activity, turns in rows:
        selected += turns
        if selected >= share * total:
            return int((now - activity) / 86400), total
    return 0, total


def run_confab(confab, arguments, environment):
    started = time.perf_counter()
    result = subprocess.run([confab] + arguments, capture_output=True, text=True, env=environment)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit("confab %s failed: %s" % (" ".join(arguments), result.stderr))
    return elapsed, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--confab", default=DEFAULT_CONFAB)
    parser.add_argument("--writer-seconds", type=float, default=30)
    parser.add_argument("--rate", type=float, default=500)
    parser.add_argument("--work", default="/tmp/confab-retention-benchmark")
    arguments = parser.parse_args()

    os.makedirs(arguments.work, exist_ok=True)
    environment = dict(os.environ, CONFAB_KEY_FILE=os.path.join(arguments.work, "retention.key"))
    results = {}

    days, total_turns = idle_days_for_share(arguments.db, 0.10)
    match = "idle:%dd" % days
    results["selection"] = {"match": match, "store_turns": total_turns}

    # 1. Writers alone.
    path = copy_store(arguments.db, arguments.work, "writers.db")
    with Writers(path, arguments.rate) as writers:
        time.sleep(arguments.writer_seconds)
    results["writers_alone"] = writers.summary(arguments.writer_seconds)

    # 2. The job while the writers write.
    path = copy_store(arguments.db, arguments.work, "job.db")
    _, plan_text = run_confab(arguments.confab, ["--db", path, "retention", "plan", "--match", match, "--json"], environment)
    plan = json.loads(plan_text)
    batch_log = os.path.join(arguments.work, "batches.log")
    open(batch_log, "w").close()
    job_environment = dict(environment, CONFAB_RETENTION_BATCH_LOG=batch_log)
    with Writers(path, arguments.rate) as writers:
        time.sleep(2)
        started = time.perf_counter()
        job_seconds, job_text = run_confab(
            arguments.confab, ["--db", path, "retention", "run", "--match", match, "--json", "--quiet"], job_environment)
        job_end_wall = time.time()
        writer_seconds = time.perf_counter() - started
    job = json.loads(job_text)
    batches = [tuple(map(float, line.split())) for line in open(batch_log) if line.strip()]
    locks = [lock for lock, _ in batches]
    first_batch_end, last_batch_end = batches[0][1], batches[-1][1]
    phases = {"before the first batch": [], "between batches": [], "after the last batch": []}
    for ended, latency in writers.events:
        phase = ("before the first batch" if ended < first_batch_end - batches[0][0]
                 else "after the last batch" if ended > last_batch_end else "between batches")
        phases[phase].append(latency)
    results["job"] = {
        "seconds": job_seconds, "conversations": job["conversations"], "turns": job["turns"], "batches": job["batches"],
        "turns_per_second": job["turns"] / job_seconds, "planned_turns": plan["turns"],
        "lock_p50_ms": percentile(locks, 0.5) * 1000, "lock_p99_ms": percentile(locks, 0.99) * 1000,
        "lock_max_ms": max(locks) * 1000, "bytes_reclaimed": job["bytes_reclaimed"], "wal": job["wal"],
    }
    results["writers_during_job"] = writers.summary(writer_seconds)
    results["writers_during_job"]["max_ms_by_phase"] = {
        phase: (max(values) * 1000 if values else None) for phase, values in phases.items()}
    results["job"]["finish_seconds"] = job_end_wall - last_batch_end

    # 3. The floor: one transaction, no writers.
    path = copy_store(arguments.db, arguments.work, "floor.db")
    connection = sqlite3.connect(path, isolation_level=None)
    cutoff = time.time() - days * 86400
    started = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("CREATE TEMP TABLE doomed AS SELECT id FROM conversations WHERE coalesce(updated_at, created_at) < ?", (cutoff,))
    connection.execute("DELETE FROM turns WHERE conversation_id IN (SELECT id FROM doomed)")
    connection.execute("DELETE FROM conversations WHERE id IN (SELECT id FROM doomed)")
    connection.execute("COMMIT")
    floor_seconds = time.perf_counter() - started
    connection.close()
    results["floor_delete"] = {"seconds": floor_seconds, "turns_per_second": plan["turns"] / floor_seconds,
                               "lock_ms": floor_seconds * 1000}

    # 4. Forget the heaviest user.
    path = copy_store(arguments.db, arguments.work, "forget.db")
    with sqlite3.connect("file:%s?mode=ro" % path, uri=True) as connection:
        user, turns = connection.execute(
            """SELECT c.user_id, count(t.id) FROM conversations c JOIN turns t ON t.conversation_id = c.id
               GROUP BY c.user_id ORDER BY 2 DESC LIMIT 1""").fetchone()
    with Writers(path, arguments.rate, exclude_user=user) as writers:
        time.sleep(2)
        started = time.perf_counter()
        forget_seconds, forget_text = run_confab(
            arguments.confab, ["--db", path, "forget", str(user), "--yes", "--json", "--wait", "10"], environment)
        writer_seconds = time.perf_counter() - started
    results["writers_during_forget"] = writers.summary(writer_seconds)
    receipt = json.loads(forget_text)
    results["forget"] = {"seconds": forget_seconds, "user_turns": turns, "conversations": receipt["conversations"],
                         "bytes_reclaimed": receipt["bytes_reclaimed"], "wal": receipt["wal"]}

    # 5. Backup and verified restore, and Python's backup as the floor.
    path = copy_store(arguments.db, arguments.work, "backup-source.db")
    backup = os.path.join(arguments.work, "backup.db")
    floor_copy = os.path.join(arguments.work, "floor-backup.db")
    for leftover in (backup, floor_copy):
        if os.path.exists(leftover):
            os.remove(leftover)
    backup_seconds, backup_text = run_confab(arguments.confab, ["--db", path, "backup", backup, "--json", "--quiet"], environment)
    restore_seconds, restore_text = run_confab(arguments.confab, ["--db", path, "restore", backup, "--yes", "--json"], environment)
    started = time.perf_counter()
    source = sqlite3.connect(path)
    target = sqlite3.connect(floor_copy)
    source.backup(target)
    target.close()
    source.close()
    floor_backup = time.perf_counter() - started
    results["backup"] = {"seconds": backup_seconds, "detail": json.loads(backup_text), "floor_seconds": floor_backup,
                         "restore_seconds": restore_seconds, "restore_detail": json.loads(restore_text)}

    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
