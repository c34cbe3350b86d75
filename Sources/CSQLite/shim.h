#ifndef CONFAB_CSQLITE_SHIM_H
#define CONFAB_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro and does not import into Swift: it tells SQLite to copy the
// bound bytes before sqlite3_bind_* returns.
static inline sqlite3_destructor_type confab_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

// sqlite3_db_config is variadic, which Swift cannot call. These wrap the integer forms Confab uses.
static inline int confab_sqlite_db_config_int(sqlite3 *db, int op, int value, int *result) {
    return sqlite3_db_config(db, op, value, result);
}

#endif
