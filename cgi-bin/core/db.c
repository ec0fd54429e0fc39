#include "db.h"

#include <libpq-events.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

struct db {
    char *conninfo;
    const db_statement *const *statements;
    PGconn *conn;
    bool in_transaction;
    bool unavailable; /* last failure was connectivity */
    bool outage_logged;
    bool retrying; /* in the read-only retry after a reconnect */
    char sqlstate[6];
    /* Every result made on d's connections that nobody has cleared yet,
     * newest last (track_results): what db_request_end clears. */
    PGresult **live;
    size_t n_live, max_live;
};

db *db_new(const char *conninfo, const db_statement *const *statements)
{
    db *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->conninfo = strdup(conninfo);
    d->statements = statements;
    if (!d->conninfo) {
        free(d);
        return NULL;
    }
    return d;
}

/* Notes a new result as live. One that cannot be noted (no memory) is
 * only not cleared by db_request_end: its holder clears it as before. */
static void remember(db *d, PGresult *res)
{
    if (d->n_live == d->max_live) {
        size_t max = d->max_live ? 2 * d->max_live : 16;
        PGresult **live = realloc(d->live, max * sizeof *live);
        if (!live)
            return;
        d->live = live;
        d->max_live = max;
    }
    d->live[d->n_live++] = res;
}

/* Forgets a result being cleared; the newest are the likeliest. */
static void forget(db *d, const PGresult *res)
{
    for (size_t i = d->n_live; i-- > 0;)
        if (d->live[i] == res) {
            d->live[i] = d->live[--d->n_live];
            return;
        }
}

/* libpq's event procedure on each of d's connections: it is told of every
 * result PQgetResult makes (so of every PQexec*, pipeline result and
 * failure too) and of every PQclear, whoever calls it, so d->live is
 * always exactly the results not yet cleared. It never refuses an event. */
static int track_results(PGEventId event, void *info, void *pass)
{
    db *d = pass;
    if (event == PGEVT_RESULTCREATE)
        remember(d, ((PGEventResultCreate *)info)->result);
    else if (event == PGEVT_RESULTDESTROY)
        forget(d, ((PGEventResultDestroy *)info)->result);
    return 1;
}

/* Clears every live result. Each is taken off the list first, so the
 * PGEVT_RESULTDESTROY that PQclear fires finds nothing to forget. */
static void clear_live(db *d)
{
    while (d->n_live > 0)
        PQclear(d->live[--d->n_live]);
}

void db_free(db *d)
{
    if (!d)
        return;
    clear_live(d); /* their events point at d */
    if (d->conn)
        PQfinish(d->conn);
    free(d->live);
    free(d->conninfo);
    free(d);
}

static void drop_connection(db *d)
{
    if (d->conn)
        PQfinish(d->conn);
    d->conn = NULL;
    d->in_transaction = false;
}

/* Statements prepared and described per round trip: few enough that the
 * server's answers (a row description each) never fill the socket while
 * libpq, blocking, is still sending the next ones. */
enum { PREPARE_BATCH = 32 };

/* The next result of a pipeline, and the NULL that ends it. */
static PGresult *pipeline_result(PGconn *conn)
{
    PGresult *res = PQgetResult(conn);
    if (res && PQresultStatus(res) != PGRES_PIPELINE_SYNC)
        while (PQgetResult(conn)) /* never more than one: the NULL ends it */
            ;
    return res;
}

/* Reads the answers to a batch of n statements from s: each prepared, and
 * its result's columns those declared. Every failure is logged; the number
 * of them, or -1 when the connection broke. */
static int check_batch(PGconn *conn, const db_statement *s, int n)
{
    int failures = 0;
    for (int i = 0; i < n; i++) {
        PGresult *prepared = pipeline_result(conn);
        PGresult *described = pipeline_result(conn);
        if (!prepared || !described) {
            PQclear(prepared);
            PQclear(described);
            return -1;
        }
        if (PQresultStatus(prepared) == PGRES_PIPELINE_ABORTED) {
            failures++; /* not tried: an earlier one in the batch failed, and said why */
        } else if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
            log_error("preparing statement %s: %s", s[i].name,
                      PQresultErrorMessage(prepared));
            failures++;
        } else if (PQresultStatus(described) == PGRES_COMMAND_OK &&
                   PQnfields(described) != s[i].columns) {
            log_error("statement %s returns %d columns, declared with %d", s[i].name,
                      PQnfields(described), s[i].columns);
            failures++;
        }
        PQclear(prepared);
        PQclear(described);
    }
    PGresult *sync = pipeline_result(conn);
    bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
    PQclear(sync);
    return synced ? failures : -1;
}

/* Prepares and describes statements s[0..n) in one round trip. */
static int prepare_batch(PGconn *conn, const db_statement *s, int n)
{
    bool sent = PQenterPipelineMode(conn) == 1;
    for (int i = 0; sent && i < n; i++)
        sent = PQsendPrepare(conn, s[i].name, s[i].sql, 0, NULL) == 1 &&
               PQsendDescribePrepared(conn, s[i].name) == 1;
    sent = sent && PQpipelineSync(conn) == 1;
    int failures = sent ? check_batch(conn, s, n) : -1;
    return PQexitPipelineMode(conn) == 1 ? failures : -1;
}

/* Prepares every statement, checking the columns declared with each
 * against the server's description of it (db.h). */
static bool prepare_all(db *d)
{
    /* Every statement is a short OLTP query with bound parameters: plan
     * each once, rather than let PostgreSQL re-plan it for every call while
     * it weighs custom against generic plans (a millisecond a page). */
    PGresult *set = PQexec(d->conn, "SET plan_cache_mode = force_generic_plan");
    PQclear(set);
    int failures = 0;
    for (const db_statement *const *list = d->statements; list && *list; list++)
        for (const db_statement *s = *list; s->name && failures >= 0;) {
            int n = 0;
            while (n < PREPARE_BATCH && s[n].name)
                n++;
            int failed = prepare_batch(d->conn, s, n);
            failures = failed < 0 ? -1 : failures + failed;
            s += n;
        }
    if (failures < 0)
        log_error("preparing statements: %s", PQerrorMessage(d->conn));
    return failures == 0;
}

bool db_ready(db *d)
{
    if (d->conn && PQstatus(d->conn) == CONNECTION_OK)
        return true;
    drop_connection(d);
    d->conn = PQconnectdb(d->conninfo);
    if (PQstatus(d->conn) != CONNECTION_OK) {
        if (!d->outage_logged)
            log_error("database unavailable: %s", PQerrorMessage(d->conn));
        d->outage_logged = true;
        d->unavailable = true;
        drop_connection(d);
        return false;
    }
    if (!PQregisterEventProc(d->conn, track_results, "tandem db", d)) {
        log_error("database: cannot watch the connection's results");
        d->unavailable = true;
        drop_connection(d);
        return false;
    }
    if (!prepare_all(d)) {
        /* A missing table or column: the schema is older than the program. */
        d->unavailable = true;
        drop_connection(d);
        return false;
    }
    if (d->outage_logged)
        log_info("database connection restored");
    d->outage_logged = false;
    return true;
}

bool db_unavailable(const db *d)
{
    return d->unavailable;
}

const char *db_last_sqlstate(const db *d)
{
    return d->sqlstate;
}

/* True when a failed result means the connection itself is gone: the
 * server shut down (57P01-3), or the link broke (class 08, or no SQLSTATE). */
static bool connection_lost(PGconn *conn, const PGresult *res)
{
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    return PQstatus(conn) != CONNECTION_OK || !state || strncmp(state, "08", 2) == 0 ||
           strncmp(state, "57P", 3) == 0;
}

/* Records why statement failed: its SQLSTATE, and whether the database is
 * away (lost). Logs the failure, but not a lost connection (db_ready logs
 * the outage) nor a constraint violation, which callers expect and turn
 * into a message (duplicates, races). In the retry after a reconnect, a
 * statement refused by its READ ONLY transaction (25006) is one that
 * writes: it counts as the database being away, as the failure that made
 * it retried was. */
static void note_failure(db *d, const char *statement, const PGresult *res, bool lost)
{
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    snprintf(d->sqlstate, sizeof d->sqlstate, "%s", state ? state : "");
    d->unavailable = lost;
    if (lost)
        return;
    if (d->retrying && strcmp(d->sqlstate, "25006") == 0) {
        d->unavailable = true;
        log_error("statement %s was cut off by a broken connection and is not repeated, as it "
                  "writes: it may have been done before the break",
                  statement);
    } else if (strncmp(d->sqlstate, "23", 2) != 0) {
        log_error("statement %s: %s", statement, PQresultErrorMessage(res));
    }
}

static bool exec_simple(db *d, const char *sql)
{
    PGresult *res = PQexec(d->conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        d->unavailable = PQstatus(d->conn) != CONNECTION_OK;
        if (!d->unavailable)
            log_error("%s: %s", sql, PQresultErrorMessage(res));
    }
    PQclear(res);
    return ok;
}

static PGresult *run_once(db *d, const char *statement, int n, const char *const *params,
                          const int *lengths, const int *formats, int result_format)
{
    PGresult *res = PQexecPrepared(d->conn, statement, n, params, lengths, formats, result_format);
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return res;
    note_failure(d, statement, res, PQstatus(d->conn) != CONNECTION_OK);
    PQclear(res);
    return NULL;
}

/* run_once on a new connection, after the old one broke under the
 * statement: inside BEGIN READ ONLY, so that a statement that writes is
 * refused (25006) rather than done a second time. A retry is rare (the
 * reconnect before it prepared every statement), so its three round trips
 * cost nothing that matters. */
static PGresult *run_read_only(db *d, const char *statement, int n, const char *const *params,
                               const int *lengths, const int *formats, int result_format)
{
    PGresult *res = NULL;
    d->retrying = true;
    if (!exec_simple(d, "BEGIN READ ONLY"))
        goto out;
    res = run_once(d, statement, n, params, lengths, formats, result_format);
    if (!exec_simple(d, res ? "COMMIT" : "ROLLBACK")) {
        PQclear(res);
        res = NULL;
    }
out:
    d->retrying = false;
    return res;
}

PGresult *db_run(db *d, const char *statement, int n, const char *const *params)
{
    return db_run_binary(d, statement, n, params, NULL, NULL, false);
}

PGresult *db_run_binary(db *d, const char *statement, int n, const char *const *params,
                        const int *lengths, const int *formats, bool binary_result)
{
    d->unavailable = false;
    d->sqlstate[0] = '\0';
    if (!db_ready(d))
        return NULL;
    bool was_in_transaction = d->in_transaction;
    PGresult *res = run_once(d, statement, n, params, lengths, formats, binary_result);
    if (res || !d->unavailable)
        return res;
    drop_connection(d);
    /* The server went away (a restart) since this connection last worked,
     * or the link broke while the statement ran, when the server may have
     * done it already. Inside a transaction, the whole transaction is lost
     * and the caller must see the failure; outside one, the statement is
     * asked again where it can only read. */
    if (was_in_transaction || !db_ready(d))
        return NULL;
    return run_read_only(d, statement, n, params, lengths, formats, binary_result);
}

static void clear_results(size_t n, PGresult **out)
{
    for (size_t i = 0; i < n; i++) {
        PQclear(out[i]);
        out[i] = NULL;
    }
}

/* Takes a pipeline's next result and the NULL that follows it: into *into
 * when it succeeded and into is given, else cleared. A failure is noted,
 * and *lost says whether the connection went with it. Returns success. */
static bool take_result(db *d, const char *statement, PGresult **into, bool *lost)
{
    PGresult *res = PQgetResult(d->conn);
    ExecStatusType st = PQresultStatus(res);
    bool ok = st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK;
    if (!ok) {
        *lost = connection_lost(d->conn, res);
        /* Those after a failure are only skipped: the first one says why. */
        if (st != PGRES_PIPELINE_ABORTED)
            note_failure(d, statement, res, *lost);
    }
    if (ok && into)
        *into = res;
    else
        PQclear(res);
    PGresult *end = PQgetResult(d->conn); /* NULL after each query's result */
    if (end)
        PQclear(end);
    return ok;
}

/* Queues SQL text without parameters (pipelines take no simple queries). */
static bool send_sql(PGconn *conn, const char *sql)
{
    return PQsendQueryParams(conn, sql, 0, NULL, NULL, NULL, NULL, 0) == 1;
}

/* Sends every call, one sync, then collects each call's result and the
 * sync's. read_only wraps the calls in BEGIN READ ONLY … COMMIT, in the
 * same round trip; a failure inside it leaves that transaction aborted
 * after the sync, so it is rolled back. Returns false if any call failed;
 * a connection that failed in a way that leaves it unusable is dropped and
 * marked unavailable, so that db_run_pipeline retries on a new one. */
static bool pipeline_once(db *d, size_t n, const db_call *calls, PGresult **out, bool read_only)
{
    PGconn *conn = d->conn;
    bool ok = PQenterPipelineMode(conn) == 1;
    if (ok && read_only)
        ok = send_sql(conn, "BEGIN READ ONLY");
    for (size_t i = 0; ok && i < n; i++)
        ok = PQsendQueryPrepared(conn, calls[i].statement, calls[i].n, calls[i].params, NULL, NULL,
                                 0) == 1;
    if (ok && read_only)
        ok = send_sql(conn, "COMMIT");
    ok = ok && PQpipelineSync(conn) == 1;
    bool lost = !ok;
    if (ok && read_only)
        ok = take_result(d, "BEGIN READ ONLY", NULL, &lost);
    for (size_t i = 0; ok && i < n; i++)
        ok = take_result(d, calls[i].statement, &out[i], &lost);
    if (ok && read_only)
        ok = take_result(d, "COMMIT", NULL, &lost);
    /* Drain to the sync point whatever happened, so the connection is
     * ready for the next request. Each query not taken yet (skipped after
     * a failure) still has its result and a NULL after it: at most n + 2
     * NULLs come before the sync. */
    for (size_t nulls = 0; !lost && nulls <= n + 2;) {
        PGresult *res = PQgetResult(conn);
        if (!res) {
            nulls++;
            continue;
        }
        bool sync = PQresultStatus(res) == PGRES_PIPELINE_SYNC;
        PQclear(res);
        if (sync)
            break;
    }
    if (lost || PQexitPipelineMode(conn) != 1 || PQstatus(conn) != CONNECTION_OK) {
        drop_connection(d);
        d->unavailable = true;
    } else if (read_only && PQtransactionStatus(conn) != PQTRANS_IDLE) {
        exec_simple(d, "ROLLBACK");
    }
    return ok;
}

const db_statement db_statements[] = {
    /* For the rest of the transaction, statements are planned for their
     * parameters each time they run. */
    {"plan_for_parameters", "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)", 1},
    {NULL, NULL},
};

/* Both in one pipeline: one implicit transaction, which the setting lasts. */
PGresult *db_run_planned(db *d, const char *statement, int n, const char *const *params)
{
    const db_call calls[] = {{"plan_for_parameters", 0, NULL}, {statement, n, params}};
    PGresult *out[ARRAY_SIZE(calls)] = {NULL, NULL};
    DB_RUN_PIPELINE(d, calls, out);
    PQclear(out[0]);
    return out[1];
}

bool db_run_pipeline(db *d, size_t n, const db_call *calls, PGresult **out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    d->unavailable = false;
    d->sqlstate[0] = '\0';
    if (!db_ready(d))
        return false;
    bool was_in_transaction = d->in_transaction;
    if (pipeline_once(d, n, calls, out, false))
        return true;
    if (!d->unavailable || was_in_transaction)
        return false;
    /* As in db_run: once more on a new connection, where it can only read. */
    clear_results(n, out);
    if (!db_ready(d))
        return false;
    d->retrying = true;
    bool ok = pipeline_once(d, n, calls, out, true);
    d->retrying = false;
    return ok;
}

bool db_begin(db *d)
{
    d->unavailable = false;
    bool ok = db_ready(d) && exec_simple(d, "BEGIN");
    /* BEGIN alone does nothing, so one that met a connection broken since
     * it last worked is safe to send again on a new one. */
    if (!ok && d->unavailable && d->conn) {
        drop_connection(d);
        ok = db_ready(d) && exec_simple(d, "BEGIN");
    }
    d->in_transaction = ok;
    return ok;
}

bool db_commit(db *d)
{
    d->in_transaction = false;
    return d->conn && exec_simple(d, "COMMIT");
}

void db_rollback(db *d)
{
    if (d->conn && d->in_transaction)
        exec_simple(d, "ROLLBACK");
    d->in_transaction = false;
}

/* The transaction or statement a request left open on d, ended. */
static void end_transaction(db *d, const char *id, const char *route)
{
    bool opened = d->in_transaction;
    d->in_transaction = false;
    if (!d->conn)
        return;
    switch (PQtransactionStatus(d->conn)) {
    case PQTRANS_IDLE:
        if (opened)
            log_error("req=%s %s: db_begin without db_commit or db_rollback", id, route);
        break;
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
        log_error("req=%s %s left a transaction open: rolled back", id, route);
        if (!exec_simple(d, "ROLLBACK"))
            drop_connection(d);
        break;
    case PQTRANS_ACTIVE:
        log_error("req=%s %s left a statement running: connection closed", id, route);
        drop_connection(d);
        break;
    case PQTRANS_UNKNOWN: drop_connection(d); break; /* broken: nothing is left on the server */
    }
}

void db_request_end(db *d, const char *id, const char *route)
{
    if (d->conn && PQpipelineStatus(d->conn) != PQ_PIPELINE_OFF) {
        log_error("req=%s %s left a pipeline open: connection closed", id, route);
        drop_connection(d);
    }
    end_transaction(d, id, route);
    clear_live(d);
}

PGconn *db_conn(db *d)
{
    return d->conn;
}

const char *db_text(const PGresult *res, int row, int col)
{
    return PQgetvalue(res, row, col);
}

long long db_int(const PGresult *res, int row, int col)
{
    return strtoll(PQgetvalue(res, row, col), NULL, 10);
}
