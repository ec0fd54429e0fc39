#include "db.h"

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
    char sqlstate[6];
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

void db_free(db *d)
{
    if (!d)
        return;
    if (d->conn)
        PQfinish(d->conn);
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

static bool prepare_all(db *d)
{
    /* Every statement is a short OLTP query with bound parameters: plan
     * each once, rather than let PostgreSQL re-plan it for every call while
     * it weighs custom against generic plans (a millisecond a page). */
    PGresult *set = PQexec(d->conn, "SET plan_cache_mode = force_generic_plan");
    PQclear(set);
    for (const db_statement *const *list = d->statements; list && *list; list++)
        for (const db_statement *s = *list; s->name; s++) {
            PGresult *res = PQprepare(d->conn, s->name, s->sql, 0, NULL);
            bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
            if (!ok)
                log_error("preparing statement %s: %s", s->name, PQerrorMessage(d->conn));
            PQclear(res);
            if (!ok)
                return false;
        }
    return true;
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

static PGresult *run_once(db *d, const char *statement, int n, const char *const *params,
                          const int *lengths, const int *formats, int result_format)
{
    PGresult *res = PQexecPrepared(d->conn, statement, n, params, lengths, formats, result_format);
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return res;
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    snprintf(d->sqlstate, sizeof d->sqlstate, "%s", state ? state : "");
    d->unavailable = PQstatus(d->conn) != CONNECTION_OK;
    /* Constraint violations are expected answers (duplicates, races): the
     * caller turns them into a message, so they are not logged as errors. */
    if (!d->unavailable && strncmp(d->sqlstate, "23", 2) != 0)
        log_error("statement %s: %s", statement, PQresultErrorMessage(res));
    PQclear(res);
    return NULL;
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
    PGresult *res = run_once(d, statement, n, params, lengths, formats, binary_result);
    if (res || !d->unavailable)
        return res;
    bool was_in_transaction = d->in_transaction;
    drop_connection(d);
    /* The server went away (a restart) since this connection last worked.
     * Outside a transaction nothing was done, so trying once more on a new
     * connection is safe; inside one, the whole transaction is lost and the
     * caller must see the failure. */
    if (was_in_transaction || !db_ready(d))
        return NULL;
    return run_once(d, statement, n, params, lengths, formats, binary_result);
}

static void clear_results(size_t n, PGresult **out)
{
    for (size_t i = 0; i < n; i++) {
        PQclear(out[i]);
        out[i] = NULL;
    }
}

/* True when a failed result means the connection itself is gone: the
 * server shut down (57P01-3), or the link broke (class 08, or no SQLSTATE). */
static bool connection_lost(PGconn *conn, const PGresult *res)
{
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    return PQstatus(conn) != CONNECTION_OK || !state || strncmp(state, "08", 2) == 0 ||
           strncmp(state, "57P", 3) == 0;
}

/* Sends every call, one sync, then collects each call's result and the
 * sync's. Returns false if any call failed; a connection that failed in a
 * way that leaves it unusable is dropped and marked unavailable, so that
 * db_run_pipeline retries on a new one. */
static bool pipeline_once(db *d, size_t n, const db_call *calls, PGresult **out)
{
    bool ok = PQenterPipelineMode(d->conn) == 1, lost = !ok;
    for (size_t i = 0; ok && i < n; i++)
        ok = PQsendQueryPrepared(d->conn, calls[i].statement, calls[i].n, calls[i].params, NULL,
                                 NULL, 0) == 1;
    ok = ok && PQpipelineSync(d->conn) == 1;
    lost = lost || !ok;
    for (size_t i = 0; ok && i < n; i++) {
        PGresult *res = PQgetResult(d->conn);
        ExecStatusType st = PQresultStatus(res);
        if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
            out[i] = res;
        } else {
            lost = connection_lost(d->conn, res);
            if (!lost && st != PGRES_PIPELINE_ABORTED)
                log_error("statement %s: %s", calls[i].statement, PQresultErrorMessage(res));
            PQclear(res);
            ok = false;
        }
        PGresult *end = PQgetResult(d->conn); /* NULL after each query's result */
        if (end)
            PQclear(end);
    }
    /* Drain to the sync point whatever happened, so the connection is
     * ready for the next request. */
    for (PGresult *res; !lost && (res = PQgetResult(d->conn));) {
        bool sync = PQresultStatus(res) == PGRES_PIPELINE_SYNC;
        PQclear(res);
        if (sync)
            break;
    }
    if (lost || PQexitPipelineMode(d->conn) != 1 || PQstatus(d->conn) != CONNECTION_OK) {
        drop_connection(d);
        d->unavailable = true;
    }
    return ok;
}

bool db_run_pipeline(db *d, size_t n, const db_call *calls, PGresult **out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    d->unavailable = false;
    if (!db_ready(d))
        return false;
    if (pipeline_once(d, n, calls, out))
        return true;
    if (!d->unavailable || d->in_transaction)
        return false;
    /* As in db_run: the server went away since this connection last worked;
     * nothing was done, so once more on a new connection. */
    clear_results(n, out);
    return db_ready(d) && pipeline_once(d, n, calls, out);
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

bool db_begin(db *d)
{
    d->unavailable = false;
    if (!db_ready(d) || !exec_simple(d, "BEGIN"))
        return false;
    d->in_transaction = true;
    return true;
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
