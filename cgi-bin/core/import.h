/* import: people from a CSV file into one college, shared by the web page
 * (/admin/import) and the command line (`tandem import-users`).
 *
 * The file has a header line naming the columns IMPORT_COLUMNS, in that
 * order, then one line per person and cohort: the same username may appear
 * on several lines (several cohorts) with the same email and name; its roles
 * combine. The whole file is checked first and every problem is listed with
 * its line; a file with any problem changes nothing. A file without one is
 * applied in the caller's transaction with a handful of set-based statements,
 * whatever its size: new people are created (with a one-time reset link
 * each), people already in the college get the file's email and name and
 * keep the roles they had plus the file's, and memberships are added. Running
 * the same file twice changes nothing the second time. */
#ifndef TANDEM_IMPORT_H
#define TANDEM_IMPORT_H
#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "reset.h"

#define IMPORT_COLUMNS "username,email,display_name,role,cohort_code,cohort_role"
/* Problems kept for the report; more are only counted, so a file that is
 * wrong on every line cannot make the report (or memory) huge. */
#define IMPORT_MAX_PROBLEMS 1000

typedef struct {
    long line;           /* line of the file; the header is line 1 */
    const char *field;   /* a column name, or "header", "columns", "file" */
    const char *message; /* what is wrong, e.g. "is empty" */
    int order;           /* column index (-1: the whole line), for sorting */
    size_t seq;
} import_problem;

/* One line of people, as read. Fields that have a problem are NULL. */
typedef struct {
    long line;
    const char *username, *email, *display_name, *cohort_code, *cohort_role;
    unsigned role; /* one bit of enum role (core/auth.h) */
} import_row;

/* A person the import created, with the token of their reset link
 * (/reset/TOKEN), shown once and never stored. */
typedef struct {
    const char *username, *display_name;
    char token[RESET_TOKEN_LEN + 1];
} import_link;

typedef struct {
    long long institution_id;
    long long actor_id;          /* who issues the reset links; 0: the command line */
    bool may_change_site_admins; /* site admins and the command line only */
    bool no_welcome_mail;        /* new people get no mail with a password link */
} import_scope;

typedef struct {
    arena mem; /* every string below */
    import_row *rows;
    size_t n_rows, cap_rows;
    import_problem *problems; /* sorted by line, at most IMPORT_MAX_PROBLEMS */
    size_t n_problems, cap_problems;
    size_t problems_total; /* including those not kept */
    size_t n_people;       /* distinct usernames */
    long long created, updated, unchanged, memberships;
    import_link *links; /* one per new person, in file order */
    size_t n_links;
    char error[512];  /* why import_run failed */
    char sqlstate[6]; /* of the statement that failed, "" if none */
} import_result;

enum import_status {
    IMPORT_OK,       /* applied; counts and links are filled */
    IMPORT_PROBLEMS, /* the file has problems; nothing was changed */
    IMPORT_FAILED,   /* the database or memory failed (error says how) */
};

void import_init(import_result *res);
void import_free(import_result *res);

/* Reads and checks the file without a database: CSV syntax, UTF-8, the
 * header, column counts, each value's shape, and conflicting duplicates.
 * Fills rows, n_people and problems. Returns 0, or -1 when memory ran out. */
int import_parse(import_result *res, const char *data, size_t len);

/* Parses, checks against the database (cohort codes of the college,
 * usernames taken elsewhere) and, if there is no problem, applies the file
 * for scope. Must run inside the caller's transaction, which the caller
 * commits on IMPORT_OK (after writing the audit row) and rolls back
 * otherwise. */
enum import_status import_run(PGconn *conn, const char *data, size_t len, const import_scope *scope,
                              import_result *res);

/* "2 created, 1 updated, 0 unchanged, 3 memberships added", into res->mem:
 * the detail of the audit row and the report's first line. */
const char *import_summary(import_result *res);

/* The single-value rules, shared with `tandem user add`. */
bool import_username_ok(const char *username);
/* NULL when name (len bytes, valid UTF-8) is a good display name, else why. */
const char *import_name_problem(const char *name, size_t len);

#endif
