/*
 * The minimal poller of the health benchmark: the floor that Confab's watcher is compared with.
 *
 * Polls PRAGMA data_version every POLL_MICROSECONDS on a read-only connection and, when it moved,
 * reads the new rows of the change feed (seq, committed_at). Each row's latency is the wall clock
 * when it was read minus its committed_at, as in Confab's SyncLatencyMonitor. After SECONDS it
 * prints one JSON object with the percentiles and its own CPU time.
 *
 * Build: cc -O2 -o health_floor_poller health_floor_poller.c -lsqlite3
 * Usage: health_floor_poller DATABASE SECONDS POLL_MICROSECONDS
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double wall_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static double monotonic_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static int compare_doubles(const void *left, const void *right) {
    double a = *(const double *)left, b = *(const double *)right;
    return (a > b) - (a < b);
}

static double rank(const double *sorted, long count, double percent) {
    if (count == 0) return 0;
    long index = (long)(percent / 100.0 * (double)count + 0.999999) - 1;
    if (index < 0) index = 0;
    if (index >= count) index = count - 1;
    return sorted[index];
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s DATABASE SECONDS POLL_MICROSECONDS\n", argv[0]);
        return 64;
    }
    double seconds = atof(argv[2]);
    useconds_t interval = (useconds_t)atol(argv[3]);

    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt *version, *rows, *latest;
    sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &version, NULL);
    sqlite3_prepare_v2(db, "SELECT seq, committed_at FROM changes WHERE seq > ? ORDER BY seq", -1, &rows, NULL);
    sqlite3_prepare_v2(db, "SELECT coalesce(max(seq), 0) FROM changes", -1, &latest, NULL);

    sqlite3_int64 cursor = 0;
    if (sqlite3_step(latest) == SQLITE_ROW) cursor = sqlite3_column_int64(latest, 0);
    sqlite3_reset(latest);

    long capacity = 1 << 20, count = 0;
    double *samples = malloc(sizeof(double) * (size_t)capacity);
    sqlite3_int64 last_version = -1;
    double end = monotonic_seconds() + seconds;

    while (monotonic_seconds() < end) {
        sqlite3_int64 current = 0;
        if (sqlite3_step(version) == SQLITE_ROW) current = sqlite3_column_int64(version, 0);
        sqlite3_reset(version);
        if (current != last_version) {
            last_version = current;
            sqlite3_bind_int64(rows, 1, cursor);
            while (sqlite3_step(rows) == SQLITE_ROW) {
                double now = wall_seconds();
                cursor = sqlite3_column_int64(rows, 0);
                double latency = (now - sqlite3_column_double(rows, 1)) * 1000.0;
                if (count == capacity) {
                    capacity *= 2;
                    samples = realloc(samples, sizeof(double) * (size_t)capacity);
                }
                samples[count++] = latency < 0 ? 0 : latency;
            }
            sqlite3_reset(rows);
        }
        usleep(interval);
    }

    qsort(samples, (size_t)count, sizeof(double), compare_doubles);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double cpu = (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6
        + (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec / 1e6;
    printf("{\"p50\": %.4f, \"p95\": %.4f, \"p99\": %.4f, \"max\": %.4f, \"samples\": %ld, \"cpu_seconds\": %.4f}\n",
           rank(samples, count, 50), rank(samples, count, 95), rank(samples, count, 99),
           count ? samples[count - 1] : 0.0, count, cpu);
    sqlite3_finalize(version);
    sqlite3_finalize(rows);
    sqlite3_finalize(latest);
    sqlite3_close(db);
    free(samples);
    return 0;
}
