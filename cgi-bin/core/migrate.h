/* migrate: applies sql/NNNN_name.sql files in order, each once, each in its
 * own transaction, recording a checksum so that an edited migration is
 * noticed instead of silently diverging. */
#ifndef TANDEM_MIGRATE_H
#define TANDEM_MIGRATE_H
#include <libpq-fe.h>

/* The access rules, applied again after the migrations on every run. */
#define MIGRATE_POLICY_FILE "policy.sql"

/* Applies the new migrations, then MIGRATE_POLICY_FILE. Returns 0 when the
 * schema is up to date (printing what was applied), 1 on
 * any problem (printing which file and why). */
int migrate_run(PGconn *conn, const char *sql_dir);

/* Runs every *.sql in dir (sorted) in one transaction: demo data. Inside
 * that transaction, `before` runs first and `after` last (each may be NULL;
 * each returns 0, or 1 having said why, which rolls everything back). */
typedef int (*migrate_step)(PGconn *conn, void *arg);
int migrate_load_dir(PGconn *conn, const char *dir, migrate_step before, migrate_step after,
                     void *arg);

/* Reads a whole file into a malloc'd, NUL-terminated string; NULL on error. */
char *migrate_read_file(const char *path, size_t *len);

#endif
