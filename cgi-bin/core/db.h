/* db: one PostgreSQL connection per worker thread, with every prepared
 * statement of the program prepared on connect, and reconnection by itself
 * after the server went away.
 *
 * A statement whose connection broke under it is asked again on a new
 * connection only where it cannot write: inside BEGIN READ ONLY. The break
 * may have come after the server did the statement (committed, the answer
 * lost on the way), so a write asked again could be done twice; the
 * server, not a list kept by hand, tells reads from writes (a write is
 * refused with SQLSTATE 25006, a function that writes too), so a statement
 * added tomorrow cannot be put on the wrong side. A write whose connection
 * broke fails as the outage it met did (db_unavailable: 503), and the
 * person asks again knowing what they see. Reads, which most pages start
 * with, come through a restart of the server unnoticed.
 *
 * Everything a request takes from d is the request's: db_request_end,
 * after each request, rolls back a transaction left open and clears every
 * result the request did not. */
#ifndef TANDEM_DB_H
#define TANDEM_DB_H
#include <libpq-fe.h>
#include <stdbool.h>

/* A prepared statement, declared once: its name, its SQL, and how many
 * columns its result has (0 for a command that returns no rows). Where the
 * program reads cells by position, the positions are named by an enum
 * declared beside the statement, whose last member is this count:
 *
 *     enum { HG_NAME, HG_CODE, HOME_GROUPS_COLUMNS };
 *     {"home_groups", "SELECT name, code FROM ...", HOME_GROUPS_COLUMNS},
 *     ... db_text(res, i, HG_CODE) ...
 *
 * Every connection checks each declared count against the server's own
 * description of the prepared statement (PQnfields of
 * PQdescribePrepared): a statement whose SQL and enum drifted apart stops
 * the program at its first connection, in every build, rather than
 * reading the wrong cell of a page. */
typedef struct {
    const char *name;
    const char *sql;
    int columns;
} db_statement;

/* How a day is written on every page, as a to_char format, spliced into
 * statements ("to_char(d, '" SQL_DAY "')"): GOV.UK's style, "6 April 2027",
 * one way everywhere. */
#define SQL_DAY "FMDD FMMonth YYYY"

/* The number of elements of an array (never of a pointer: a compile error),
 * for the count of parameters passed with them: db_run(d, "x",
 * ARRAY_SIZE(params), params). */
#define ARRAY_SIZE(a)                                                                              \
    (sizeof(a) / sizeof((a)[0]) +                                                                  \
     0 * sizeof(struct {                                                                           \
         _Static_assert(!__builtin_types_compatible_p(__typeof__(a), __typeof__(&(a)[0])),         \
                        "ARRAY_SIZE of a pointer");                                                \
         int unused;                                                                               \
     }))

typedef struct db db;

/* statements: NULL-terminated list of {NULL, NULL}-terminated arrays. Does
 * not connect yet. */
db *db_new(const char *conninfo, const db_statement *const *statements);
/* Closes the connection and clears every result made on it still held
 * (for a program that never calls db_request_end): none outlives d. */
void db_free(db *d);

/* Connects and prepares if not connected, checking each statement's
 * declared columns (every mismatch logged). Returns false (and logs once
 * per outage) when the database cannot be reached, or a statement cannot
 * be prepared or has not the columns declared. Never blocks for long: the
 * connection string carries connect_timeout. */
bool db_ready(db *d);

/* Runs a prepared statement with text parameters (NULL for SQL NULL).
 * Returns a result with status TUPLES_OK or COMMAND_OK, or NULL on failure
 * (logged; see db_unavailable). The result is the request's: the caller
 * PQclears it when done with it (early, in a loop), and db_request_end
 * clears it if the caller did not; it never outlives the request. Outside
 * a transaction, a statement whose connection broke is asked once more on
 * a new connection inside BEGIN READ ONLY: a read answers as if nothing
 * happened, a write fails as unavailable without being done again. */
PGresult *db_run(db *d, const char *statement, int n, const char *const *params);

/* One prepared statement and its parameters, for db_run_pipeline. */
typedef struct {
    const char *statement;
    int n;
    const char *const *params;
} db_call;

/* Runs n statements in one round trip (libpq pipeline mode) and in one
 * implicit transaction, so they see the same data. out[i] gets each result
 * (the request's, as db_run's) or NULL where it failed; after a failure
 * the statements before it still have theirs. Returns false if any failed.
 * Like db_run, outside a transaction it asks once more on a new connection
 * when the old one broke, all of it in one READ ONLY transaction and still
 * one round trip (BEGIN READ ONLY and COMMIT ride along): a pipeline with
 * a write in it fails as unavailable. */
bool db_run_pipeline(db *d, size_t n, const db_call *calls, PGresult **out);

/* db_run, with the statement planned for these parameters rather than the
 * connection's one generic plan (db_new): for a statement whose best plan
 * depends on its values (how common a search's words are; which filters
 * were left empty), at the cost of planning it each time (a millisecond
 * or two). Uses plan_for_parameters, in db_statements. */
PGresult *db_run_planned(db *d, const char *statement, int n, const char *const *params);
/* db.c's own statements, prepared with every feature's. */
extern const db_statement db_statements[];

/* db_run_pipeline of a local array of calls, with a local array of as many
 * results (checked when compiling). */
#define DB_RUN_PIPELINE(d, calls, out)                                                             \
    db_run_pipeline((d),                                                                           \
                    ARRAY_SIZE(calls) + 0 * sizeof(struct {                                        \
                        _Static_assert(ARRAY_SIZE(calls) == ARRAY_SIZE(out), "a result a call");   \
                        int unused;                                                                \
                    }),                                                                            \
                    (calls), (out))

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

/* Transactions around several db_run calls. db_run does not retry inside
 * one: the transaction is lost with its connection. db_begin sends BEGIN
 * again on a new connection when the old one broke, as BEGIN alone does
 * nothing. Every db_begin is ended by db_commit or db_rollback before the
 * request ends; db_request_end rolls back one that was not, and logs it. */
bool db_begin(db *d);
bool db_commit(db *d);
void db_rollback(db *d);

/* Ends a request's use of d, after its answer is written (a handler may
 * have left text of a result in it): a transaction still open, whether by
 * db_begin or by a BEGIN sent another way (PQtransactionStatus), is rolled
 * back, so that no lock or half-done change reaches the next request on
 * this thread; a statement or pipeline left running closes the connection.
 * Either is logged as an error naming the request (id, route pattern: no
 * secret of the path). Then every result made on d that is not yet cleared
 * is cleared: libpq tells d of each result made and each PQclear
 * (PQregisterEventProc), so an early return cannot leak one. */
void db_request_end(db *d, const char *request_id, const char *route);

/* The live connection, for code shared with the command line (which works
 * on a plain PGconn): call db_ready or db_begin first. Results made on it
 * are the request's as db_run's are. */
PGconn *db_conn(db *d);

/* Text of cell (row, col), "" for NULL. */
const char *db_text(const PGresult *res, int row, int col);
long long db_int(const PGresult *res, int row, int col);

#endif
