#include "migrate.h"

#include <dirent.h>
#include <stdbool.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

typedef struct {
    char **names;
    size_t n;
} file_list;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_migration_name(const char *n, bool numbered)
{
    size_t len = strlen(n);
    if (len < 5 || strcmp(n + len - 4, ".sql") != 0)
        return false;
    if (!numbered)
        return true;
    for (int i = 0; i < 4; i++)
        if (n[i] < '0' || n[i] > '9')
            return false;
    return len > 9 && n[4] == '_';
}

static int list_sql(const char *dir, bool numbered, file_list *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "tandem: cannot open %s\n", dir);
        return -1;
    }
    out->names = NULL;
    out->n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!is_migration_name(e->d_name, numbered))
            continue;
        char **grown = realloc(out->names, (out->n + 1) * sizeof *grown);
        if (!grown)
            break;
        out->names = grown;
        out->names[out->n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(out->names, out->n, sizeof *out->names, compare_names);
    return 0;
}

static void free_list(file_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
}

char *migrate_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)size + 1))) {
            *len = fread(data, 1, (size_t)size, f);
            data[*len] = '\0';
        }
    }
    fclose(f);
    return data;
}

static bool exec_ok(PGconn *conn, const char *sql, const char *what)
{
    PGresult *res = PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(res);
    bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok)
        fprintf(stderr, "tandem: %s: %s", what, PQerrorMessage(conn));
    PQclear(res);
    return ok;
}

/* Returns the checksum recorded for name, "" if not applied, NULL on error. */
static char *recorded_checksum(PGconn *conn, const char *name)
{
    const char *params[] = {name};
    PGresult *res = PQexecParams(conn, "SELECT checksum FROM schema_migrations WHERE name = $1",
                                 ARRAY_SIZE(params), NULL, params, NULL, NULL, 0);
    char *sum = NULL;
    if (PQresultStatus(res) == PGRES_TUPLES_OK)
        sum = strdup(PQntuples(res) ? PQgetvalue(res, 0, 0) : "");
    else
        fprintf(stderr, "tandem: reading schema_migrations: %s", PQerrorMessage(conn));
    PQclear(res);
    return sum;
}

static int apply_one(PGconn *conn, const char *dir, const char *name, bool *applied)
{
    char path[4096], sum_hex[crypto_hash_sha256_BYTES * 2 + 1];
    unsigned char sum[crypto_hash_sha256_BYTES];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *sql = migrate_read_file(path, &len);
    if (!sql) {
        fprintf(stderr, "tandem: cannot read %s\n", path);
        return 1;
    }
    crypto_hash_sha256(sum, (unsigned char *)sql, len);
    sodium_bin2hex(sum_hex, sizeof sum_hex, sum, sizeof sum);
    int rc = 1;
    char *recorded = recorded_checksum(conn, name);
    if (!recorded)
        goto out;
    if (recorded[0]) {
        if (strcmp(recorded, sum_hex) != 0) {
            fprintf(stderr,
                    "tandem: %s was changed after it was applied (checksum %.12s… now, %.12s… "
                    "when applied).\nA migration that has run must never change: restore the "
                    "file and put the change in a new migration.\n",
                    path, sum_hex, recorded);
            goto out;
        }
        rc = 0;
        goto out;
    }
    if (!exec_ok(conn, "BEGIN", "BEGIN"))
        goto out;
    const char *params[] = {name, sum_hex};
    if (!exec_ok(conn, sql, path)) {
        exec_ok(conn, "ROLLBACK", "ROLLBACK");
        goto out;
    }
    PGresult *res =
        PQexecParams(conn, "INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)",
                     ARRAY_SIZE(params), NULL, params, NULL, NULL, 0);
    bool recorded_ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!recorded_ok || !exec_ok(conn, "COMMIT", "COMMIT")) {
        exec_ok(conn, "ROLLBACK", "ROLLBACK");
        goto out;
    }
    *applied = true;
    printf("applied %s\n", name);
    rc = 0;
out:
    free(recorded);
    free(sql);
    return rc;
}

/* sql/policy.sql: who may read or change what, one current version that
 * every migrate applies again, after the numbered migrations it rests on.
 * It replaces its own functions (CREATE OR REPLACE), so applying it twice
 * changes nothing; a change to it reaches every database at the next
 * migrate, with no numbered copy of the rule to drift from. */
static int apply_policy(PGconn *conn, const char *dir)
{
    char path[4096];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/" MIGRATE_POLICY_FILE, dir);
    char *sql = migrate_read_file(path, &len);
    if (!sql) {
        fprintf(stderr, "tandem: cannot read %s\n", path);
        return 1;
    }
    bool ok = exec_ok(conn, "BEGIN", "BEGIN") && exec_ok(conn, sql, path) &&
              exec_ok(conn, "COMMIT", "COMMIT");
    if (!ok)
        exec_ok(conn, "ROLLBACK", "ROLLBACK");
    else
        printf("applied " MIGRATE_POLICY_FILE "\n");
    free(sql);
    return ok ? 0 : 1;
}

int migrate_run(PGconn *conn, const char *sql_dir)
{
    /* One migrator at a time: a second `tandem migrate` waits here. */
    if (!exec_ok(conn, "SELECT pg_advisory_lock(7406)", "taking the migration lock") ||
        !exec_ok(conn,
                 "CREATE TABLE IF NOT EXISTS schema_migrations ("
                 " name text PRIMARY KEY, checksum text NOT NULL,"
                 " applied_at timestamptz NOT NULL DEFAULT now())",
                 "creating schema_migrations"))
        return 1;
    file_list files;
    if (list_sql(sql_dir, true, &files) != 0)
        return 1;
    int rc = 0;
    bool applied = false;
    for (size_t i = 0; i < files.n && rc == 0; i++)
        rc = apply_one(conn, sql_dir, files.names[i], &applied);
    if (rc == 0 && !applied)
        printf("schema is up to date (%zu migrations)\n", files.n);
    if (rc == 0)
        rc = apply_policy(conn, sql_dir);
    free_list(&files);
    exec_ok(conn, "SELECT pg_advisory_unlock(7406)", "releasing the migration lock");
    return rc;
}

int migrate_load_dir(PGconn *conn, const char *dir, migrate_step before, migrate_step after,
                     void *arg)
{
    file_list files;
    if (list_sql(dir, false, &files) != 0)
        return 1;
    int rc = exec_ok(conn, "BEGIN", "BEGIN") ? 0 : 1;
    if (rc == 0 && before)
        rc = before(conn, arg);
    for (size_t i = 0; i < files.n && rc == 0; i++) {
        char path[4096];
        size_t len;
        snprintf(path, sizeof path, "%s/%s", dir, files.names[i]);
        char *sql = migrate_read_file(path, &len);
        rc = sql && exec_ok(conn, sql, path) ? 0 : 1;
        free(sql);
    }
    if (rc == 0 && after)
        rc = after(conn, arg);
    rc = rc == 0 && exec_ok(conn, "COMMIT", "COMMIT") ? 0 : 1;
    if (rc)
        exec_ok(conn, "ROLLBACK", "ROLLBACK");
    free_list(&files);
    return rc;
}
