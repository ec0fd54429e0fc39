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
    bool unavailable;      /* last failure was connectivity */
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

static PGresult *run_once(db *d, const char *statement, int n, const char *const *params)
{
    PGresult *res = PQexecPrepared(d->conn, statement, n, params, NULL, NULL, 0);
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
    d->unavailable = false;
    d->sqlstate[0] = '\0';
    if (!db_ready(d))
        return NULL;
    PGresult *res = run_once(d, statement, n, params);
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
    return run_once(d, statement, n, params);
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
