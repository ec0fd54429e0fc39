/* demo: the demo colleges (the SQL files in TANDEM_SQL/demo), Riverside and
 * Northgate, loaded by `tandem demo` for `make run`, or loaded again under
 * other names by `tandem demo --copy TAG`: one copy for each end-to-end test
 * file, so that files running side by side on one stack never meet each
 * other's people or changes. */
#ifndef TANDEM_DEMO_H
#define TANDEM_DEMO_H
#include <libpq-fe.h>
#include <stdbool.h>

/* What a copy's tag may be: 2 to 34 lower-case letters, digits and
 * hyphens, starting with a letter or digit (so that "TAG-north" is a slug
 * and "USERNAME.TAG" a username). */
bool demo_copy_tag_ok(const char *tag);

/* Loads the demo colleges in one transaction, giving every demo account
 * without a password the one whose Argon2id hash is password_hash.
 * copy_tag NULL: as written (running it again changes nothing). Otherwise a
 * copy: the colleges' slugs become TAG and TAG-north, every username
 * USERNAME.TAG and every email LOCAL+TAG@DOMAIN, all before the transaction
 * commits, so nobody ever sees the demo's own names; refused (1, said on
 * stderr) where the demo itself or a copy called TAG is loaded. Returns 0
 * or 1, having said why on stderr. */
int demo_load(PGconn *conn, const char *sql_dir, const char *copy_tag, const char *password_hash);

#endif
