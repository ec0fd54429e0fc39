/* demo: see demo.h. The demo SQL finds its colleges by slug and its people
 * by username, as written. A copy is loaded under those names and renamed
 * in the same transaction, with a lock that makes copies load one at a
 * time: inside it the written names are free (no other copy keeps them past
 * its commit), so the SQL needs no parameters. Which is also why the demo
 * itself cannot be in a database that takes copies. */
#include "demo.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "migrate.h"

/* pg_advisory_xact_lock's key for loading a copy: any constant of ours. */
#define COPY_LOCK "7357900001"

typedef struct {
    const char *tag;  /* NULL: the demo as written */
    const char *hash; /* the demo password's hash */
} load_args;

bool demo_copy_tag_ok(const char *tag)
{
    size_t n = strlen(tag);
    if (n < 2 || n > 34 || tag[0] == '-')
        return false;
    return strspn(tag, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* Runs sql with params; true if it worked, else says why (what) on stderr. */
static bool run(PGconn *conn, const char *sql, int n, const char *const *params, const char *what,
                PGresult **keep)
{
    PGresult *res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok)
        fprintf(stderr, "tandem: %s: %s", what, PQerrorMessage(conn));
    if (ok && keep)
        *keep = res;
    else
        PQclear(res);
    return ok;
}

/* Before a copy's SQL: one copy at a time, and the names it will take free. */
static int before_copy(PGconn *conn, void *arg)
{
    const load_args *a = arg;
    const char *params[] = {a->tag};
    PGresult *res = NULL;
    if (!run(conn, "SELECT pg_advisory_xact_lock(" COPY_LOCK ")", 0, NULL,
             "waiting for another copy", NULL) ||
        !run(conn,
             "SELECT slug FROM institutions"
             " WHERE slug IN ('riverside', 'northgate', $1, $1 || '-north') ORDER BY slug = $1 "
             "LIMIT 1",
             ARRAY_SIZE(params), params, "looking for the demo's colleges", &res))
        return 1;
    int rc = 0;
    if (PQntuples(res) == 1) {
        const char *slug = PQgetvalue(res, 0, 0);
        if (strcmp(slug, "riverside") == 0 || strcmp(slug, "northgate") == 0)
            fprintf(stderr, "tandem: the demo itself is loaded in this database, so its copies "
                            "cannot be (their people would have its usernames while loading)\n");
        else
            fprintf(stderr, "tandem: a copy called %s is loaded already\n", a->tag);
        rc = 1;
    }
    PQclear(res);
    return rc;
}

/* After a copy's SQL, in its transaction: the new names. */
static int rename_copy(PGconn *conn, const load_args *a)
{
    const char *params[] = {a->tag};
    return run(conn,
               "WITH c AS (UPDATE institutions"
               "              SET slug = CASE slug WHEN 'riverside' THEN $1 ELSE $1 || '-north' END"
               "            WHERE slug IN ('riverside', 'northgate') RETURNING id)"
               " UPDATE users SET username = username || '.' || $1,"
               "                  email = replace(email, '@', '+' || $1 || '@')"
               "  WHERE institution_id IN (SELECT id FROM c)",
               ARRAY_SIZE(params), params, "renaming the copy", NULL)
               ? 0
               : 1;
}

/* After the SQL: the loaded colleges' accounts without a password get the
 * demo's, so demo data stays SQL while passwords are hashed the one right
 * way. A copy's renaming comes first. */
static int after_load(PGconn *conn, void *arg)
{
    const load_args *a = arg;
    if (a->tag && rename_copy(conn, a) != 0)
        return 1;
    char north[64];
    snprintf(north, sizeof north, "%s%s", a->tag ? a->tag : "northgate", a->tag ? "-north" : "");
    const char *params[] = {a->hash, a->tag ? a->tag : "riverside", north};
    return run(conn,
               "UPDATE users SET password_hash = $1 WHERE password_hash IS NULL"
               "   AND institution_id IN (SELECT id FROM institutions WHERE slug IN ($2, $3))",
               ARRAY_SIZE(params), params, "setting demo passwords", NULL)
               ? 0
               : 1;
}

int demo_load(PGconn *conn, const char *sql_dir, const char *copy_tag, const char *password_hash)
{
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/demo", sql_dir);
    load_args a = {.tag = copy_tag, .hash = password_hash};
    return migrate_load_dir(conn, dir, copy_tag ? before_copy : NULL, after_load, &a);
}
