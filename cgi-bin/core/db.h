/* db: one PostgreSQL connection per worker thread, with every prepared
 * statement of the program prepared on connect, and reconnection by itself
 * after the server went away. */
#ifndef TANDEM_DB_H
#define TANDEM_DB_H
#include <libpq-fe.h>
#include <stdbool.h>

typedef struct {
    const char *name;
    const char *sql;
} db_statement;

typedef struct db db;

/* statements: NULL-terminated list of {NULL, NULL}-terminated arrays. Does
 * not connect yet. */
db *db_new(const char *conninfo, const db_statement *const *statements);
void db_free(db *d);

/* Connects and prepares if not connected. Returns false (and logs once per
 * outage) when the database cannot be reached. Never blocks for long: the
 * connection string carries connect_timeout. */
bool db_ready(db *d);

/* Runs a prepared statement with text parameters (NULL for SQL NULL).
 * Returns a result with status TUPLES_OK or COMMAND_OK, which the caller
 * PQclears, or NULL on failure (logged; see db_unavailable). A read that fails
 * because the connection broke is retried once on a new connection. */
PGresult *db_run(db *d, const char *statement, int n, const char *const *params);

/* One prepared statement and its parameters, for db_run_pipeline. */
typedef struct {
    const char *statement;
    int n;
    const char *const *params;
} db_call;

/* Runs n statements in one round trip (libpq pipeline mode) and in one
 * implicit transaction, so they see the same data. out[i] gets each result
 * (to PQclear) or NULL where it failed; after a failure the statements
 * before it still have theirs. Returns false if any failed; like db_run it
 * retries once on a new connection when the old one broke. */
bool db_run_pipeline(db *d, size_t n, const db_call *calls, PGresult **out);

/* db_run for binary data: lengths/formats as PQexecPrepared takes them
 * (format 1 = binary, e.g. an uploaded file's bytes), and the result in
 * binary when binary_result (e.g. to send a file's bytes as they are). */
PGresult *db_run_binary(db *d, const char *statement, int n, const char *const *params,
                        const int *lengths, const int *formats, bool binary_result);

/* True when the last failure was the database being unreachable (so the
 * answer is 503), false when it was the statement itself (500). */
bool db_unavailable(const db *d);

/* SQLSTATE of the last failed statement ("23505" for a unique violation),
 * or "" when there is none. */
const char *db_last_sqlstate(const db *d);

/* Transactions around several db_run calls. db_run does not retry inside one. */
bool db_begin(db *d);
bool db_commit(db *d);
void db_rollback(db *d);

/* The live connection, for code shared with the command line (which works
 * on a plain PGconn): call db_ready or db_begin first. */
PGconn *db_conn(db *d);

/* Text of cell (row, col), "" for NULL. */
const char *db_text(const PGresult *res, int row, int col);
long long db_int(const PGresult *res, int row, int col);

#endif
