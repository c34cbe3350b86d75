#!/usr/bin/env python3
"""Browse benchmark: time to first frame, page-down latency and memory of the console.

Runs the release `confab --db DB` on a pseudo-terminal of a fixed size, reads everything it
writes, and replays that output through pyte (a terminal emulator) to know what the screen shows.
A reader thread stamps each chunk with its arrival time before pyte reads it, so the emulator's
own cost is not counted.

Measured:
- startup: from fork to the first byte, to the first frame (the header), to the users list
  ("All users"), and to the previewed transcript (its "turn N of M" position), side by side;
- page-down: from writing PgDn to the first byte of the frame drawn in response, in everyone's
  conversation list (drill-down layout) and in a transcript;
- memory: resident set size while paging through every conversation of everyone's list, and
  the peak (VmHWM) at the end.

Requires pyte (pip install pyte). Usage:
  browse_benchmark.py startup DB [--runs N]
  browse_benchmark.py paging DB [--presses N]
  browse_benchmark.py memory DB
Common options: --confab PATH (default .build/release/confab).
"""
import argparse
import atexit
import fcntl
import os
import pty
import queue
import re
import sqlite3
import statistics
import struct
import sys
import tempfile
import termios
import threading
import time

import pyte

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE_DOWN = b"\x1b[6~"
DOWN = b"j"
HOME = b"g"
TAB = b"\t"
ENTER = b"\r"


class Console:
    """A confab console on a pseudo-terminal, with a pyte screen that follows its output."""

    def __init__(self, confab, database, columns, rows):
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.config = tempfile.mkdtemp(prefix="confab-bench-config-")
        self.started = time.perf_counter()
        pid, descriptor = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            environment = {
                "TERM": "xterm-256color",
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
                "HOME": os.environ.get("HOME", "/tmp"),
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "XDG_CONFIG_HOME": self.config,
                "XDG_STATE_HOME": self.config,
            }
            os.execve(confab, [confab, "--db", database], environment)
        self.pid = pid
        self.descriptor = descriptor
        self.first_byte = None
        self.exited = False
        # A measurement that gives up (sys.exit) must not leave the console running.
        atexit.register(self.kill)
        self.chunks = queue.Queue()
        threading.Thread(target=self._read_forever, daemon=True).start()

    def _read_forever(self):
        while True:
            try:
                data = os.read(self.descriptor, 1 << 16)
            except OSError:
                data = b""
            self.chunks.put((data, time.perf_counter()))
            if not data:
                return

    def read_once(self, timeout):
        """Waits up to `timeout` seconds for output; returns (bytes, arrival time) or (b"", None)."""
        try:
            data, arrived = self.chunks.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return b"", None
        if not data:
            self.chunks.put((data, arrived))
            return b"", None
        if self.first_byte is None:
            self.first_byte = arrived
        return data, arrived

    def lines(self):
        """Returns the screen's rows as text. pyte's own `display` fails on the empty cell after a wide
        character, so the cells are joined here."""
        return ["".join(self.screen.buffer[row][column].data for column in range(self.screen.columns)) for row in range(self.screen.lines)]

    def wait_for(self, condition, timeout=30.0):
        """Reads until `condition(lines)` holds; returns the arrival time of the bytes that made it hold."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if condition(self.lines()):
                return time.perf_counter()
            data, arrived = self.read_once(max(0.0, deadline - time.perf_counter()))
            if data:
                self.stream.feed(data)
                if condition(self.lines()):
                    return arrived
        sys.exit("timed out; the screen showed:\n" + "\n".join(self.screen.display))

    def drain(self, quiet=0.003):
        """Reads until no output arrives for `quiet` seconds; returns the last arrival time."""
        last = None
        while True:
            data, arrived = self.read_once(quiet)
            if not data:
                return last
            last = arrived
            self.stream.feed(data)

    def press(self, key, timeout=2.0, quiet=0.003):
        """Writes `key`, and returns the seconds until the first byte of the response, or None
        when nothing was drawn (the key changed nothing visible)."""
        response = self.press_and_settle(key, timeout, quiet)
        return response[0] if response else None

    def press_and_settle(self, key, timeout=2.0, quiet=0.003):
        """Writes `key`, and returns the seconds until the first byte of the response and until
        the last byte before `quiet` seconds of silence, or None when nothing was drawn."""
        self.drain(quiet)
        written = time.perf_counter()
        os.write(self.descriptor, key)
        data, arrived = self.read_once(timeout)
        if not data:
            return None
        if arrived < written:
            sys.exit("output arrived before the key was written; drain longer")
        self.stream.feed(data)
        last = self.drain(quiet) or arrived
        return arrived - written, last - written

    def status_kib(self, field):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return None

    def quit(self):
        os.write(self.descriptor, b"Q")
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            finished, status = os.waitpid(self.pid, os.WNOHANG)
            if finished:
                self.exited = True
                return os.waitstatus_to_exitcode(status)
            self.read_once(0.05)
        self.kill()
        return None

    def kill(self):
        if not self.exited:
            self.exited = True
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)


def contains(text):
    return lambda lines: any(text in line for line in lines)


def bottom_border_contains(text):
    return lambda lines: text in lines[-2]


def milliseconds(seconds):
    return f"{seconds * 1000:.1f} ms"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure_startup(options):
    rows = {"first byte": [], "first frame": [], "users listed": [], "transcript shown": []}
    # Markers are found in the raw output, without the emulator, so that no Python work delays
    # the reader thread's time stamps. Each is new text on the screen, so ncurses writes it whole.
    markers = [("first frame", re.compile("confab •".encode())), ("users listed", re.compile(b"All users")),
               ("transcript shown", re.compile(rb" turn [0-9,]+ of [0-9,]+ "))]
    for _ in range(options.runs):
        console = Console(options.confab, options.database, 160, 48)
        output = b""
        found = {}
        deadline = time.perf_counter() + 30
        while len(found) < len(markers) and time.perf_counter() < deadline:
            data, arrived = console.read_once(deadline - time.perf_counter())
            output += data
            for name, marker in markers:
                if name not in found and marker.search(output):
                    found[name] = arrived
        if len(found) < len(markers):
            sys.exit(f"timed out; markers seen: {sorted(found)}")
        rows["first byte"].append(console.first_byte - console.started)
        for name, _ in markers:
            rows[name].append(found[name] - console.started)
        console.stream.feed(output)
        if console.quit() != 0:
            sys.exit("confab did not exit cleanly")
    print(f"startup, {options.runs} runs, 160x48, side by side: median (min-max)")
    for name, values in rows.items():
        print(f"  {name:17} {milliseconds(statistics.median(values))} ({milliseconds(min(values))}-{milliseconds(max(values))})")


def longest_conversation(database):
    """Returns (index in everyone's list, thread length) of the conversation with the longest
    default thread.
    Everyone's list is by last activity, newest first, conversations without a time last."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    conversation_id, turns = connection.execute(
        "SELECT conversation_id, count(*) AS length FROM turns WHERE on_default_thread = 1"
        " GROUP BY conversation_id ORDER BY length DESC, conversation_id LIMIT 1").fetchone()
    updated = connection.execute("SELECT updated_at FROM conversations WHERE id = ?", (conversation_id,)).fetchone()[0]
    if updated is None:
        index = connection.execute(
            "SELECT (SELECT count(*) FROM conversations WHERE updated_at IS NOT NULL)"
            " + (SELECT count(*) FROM conversations WHERE updated_at IS NULL AND id > ?)", (conversation_id,)).fetchone()[0]
    else:
        index = connection.execute(
            "SELECT count(*) FROM conversations WHERE updated_at > ? OR (updated_at = ? AND id > ?)",
            (updated, updated, conversation_id)).fetchone()[0]
    connection.close()
    return index, turns


def measure_paging(options):
    rows, list_rows = 40, 40 - 5
    console = Console(options.confab, options.database, 100, rows)
    console.wait_for(contains("All users"))
    console.press(ENTER)
    console.wait_for(contains("Conversations · All users"))
    list_latencies = [latency for latency in (console.press(PAGE_DOWN) for _ in range(options.presses)) if latency is not None]
    position = console.lines()[-2].strip("─└┘ ")

    # Open the longest conversation: back to the top, then down to its row.
    index, turns = longest_conversation(options.database)
    console.press(HOME)
    console.wait_for(bottom_border_contains(" 1 of "))
    for _ in range(index // (list_rows - 1)):
        console.press(PAGE_DOWN)
    for _ in range(index % (list_rows - 1)):
        console.press(DOWN)
    console.wait_for(bottom_border_contains(f" {index + 1:,} of "))
    console.press(ENTER)
    console.wait_for(bottom_border_contains(" turn "))
    transcript_latencies = []
    for _ in range(2000):
        if "end" in console.lines()[-2]:
            break
        latency = console.press(PAGE_DOWN)
        if latency is not None:
            transcript_latencies.append(latency)
    transcript_position = console.lines()[-2].strip("─└┘ ")
    console.quit()

    print(f"page-down latency, 100x{rows}, drill-down, first byte of the answering frame")
    for name, values, reached in (("conversation list", list_latencies, position), (f"transcript ({turns} turns)", transcript_latencies, transcript_position)):
        if not values:
            print(f"  {name}: no page drew anything")
            continue
        print(f"  {name:22} {len(values)} presses: median {milliseconds(statistics.median(values))}, "
              f"p95 {milliseconds(percentile(values, 0.95))}, max {milliseconds(max(values))}; reached '{reached}'")

    # Side by side, each page also loads the selected conversation into the transcript pane.
    console = Console(options.confab, options.database, 160, rows)
    console.wait_for(bottom_border_contains(" turn "))
    console.press(TAB, quiet=0.05)
    answers = [console.press_and_settle(PAGE_DOWN, quiet=0.05) for _ in range(min(options.presses, 100))]
    answers = [answer for answer in answers if answer]
    console.quit()
    first = [answer[0] for answer in answers]
    settled = [answer[1] for answer in answers]
    print(f"page-down latency, 160x{rows}, side by side, the transcript pane following the selection")
    for name, values in (("list frame", first), ("transcript loaded", settled)):
        print(f"  {name:22} {len(values)} presses: median {milliseconds(statistics.median(values))}, "
              f"p95 {milliseconds(percentile(values, 0.95))}, max {milliseconds(max(values))}")


def measure_memory(options):
    console = Console(options.confab, options.database, 100, 60)
    console.wait_for(contains("All users"))
    console.press(ENTER)
    console.wait_for(contains("Conversations · All users"))
    samples = [("after the first page", 0, console.status_kib("VmRSS"))]
    presses = 0
    next_sample = 10_000
    reached = 0
    while presses < 100_000:
        if console.press(PAGE_DOWN) is None:
            break
        presses += 1
        position = console.lines()[-2].strip("─└┘ ")
        reached = int(position.split(" of ")[0].replace(",", "")) if " of " in position else 0
        if reached >= next_sample:
            samples.append((f"at row {reached:,}", presses, console.status_kib("VmRSS")))
            next_sample += 10_000
    if samples[-1][1] != presses:
        samples.append((f"at row {reached:,}", presses, console.status_kib("VmRSS")))
    peak = console.status_kib("VmHWM")
    console.quit()

    print("resident memory while paging through everyone's conversations, 100x60, drill-down")
    for label, count, rss in samples:
        print(f"  {label:22} after {count:5} presses: RSS {rss / 1024:.1f} MiB")
    print(f"  peak RSS (VmHWM): {peak / 1024:.1f} MiB")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("measurement", choices=["startup", "paging", "memory"])
    parser.add_argument("database")
    parser.add_argument("--confab", default=os.path.join(HERE, "..", "..", ".build", "release", "confab"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=300)
    options = parser.parse_args()
    options.confab = os.path.abspath(options.confab)
    {"startup": measure_startup, "paging": measure_paging, "memory": measure_memory}[options.measurement](options)


if __name__ == "__main__":
    main()
