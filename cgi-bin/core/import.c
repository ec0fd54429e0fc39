/* import: see import.h. Reading and the per-line checks need no database
 * (tests/unit/test_import.c); the checks that do, and the changes, run over
 * a temporary table filled with one COPY, so a file of 10,000 lines costs a
 * handful of statements, not 10,000 of them. */
#include "import.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../http/form.h"
#include "../http/validate.h"
#include "auth.h"
#include "buf.h"
#include "db.h"

enum { COL_USERNAME, COL_EMAIL, COL_NAME, COL_ROLE, COL_COHORT, COL_COHORT_ROLE, N_COLS };

static const char *const column_names[N_COLS] = {
    "username", "email", "display_name", "role", "cohort_code", "cohort_role",
};

#define ROLE_CHOICES "use student, staff, manager or leader"
#define COHORT_ROLE_CHOICES "use learner, tutor or rep"
#define NOT_UTF8 "is not UTF-8 text: save the spreadsheet as \"CSV UTF-8\""
#define MAX_NAME_CHARS 200
#define SHOWN_CHARS 40
/* The roles an import may give; administrators are made one at a time. */
#define IMPORTABLE_ROLES (ROLE_STUDENT | ROLE_STAFF | ROLE_MANAGER | ROLE_LEADER)

void import_init(import_result *res)
{
    memset(res, 0, sizeof *res);
    arena_init(&res->mem, 64 * 1024);
}

void import_free(import_result *res)
{
    arena_free(&res->mem);
    free(res->rows);
    free(res->problems);
    res->rows = NULL;
    res->problems = NULL;
    res->n_rows = res->n_problems = 0;
}

/* Records a problem; past IMPORT_MAX_PROBLEMS it is only counted. Returns
 * -1 only when memory ran out. */
__attribute__((format(printf, 5, 6))) static int
add_problem(import_result *res, long line, int col, const char *field, const char *fmt, ...)
{
    if (res->problems_total++ >= IMPORT_MAX_PROBLEMS)
        return 0;
    if (res->n_problems == res->cap_problems) {
        size_t cap = res->cap_problems ? res->cap_problems * 2 : 32;
        import_problem *grown = realloc(res->problems, cap * sizeof *grown);
        if (!grown)
            return -1;
        res->problems = grown;
        res->cap_problems = cap;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    import_problem *p = &res->problems[res->n_problems];
    *p = (import_problem){.line = line,
                          .field = col >= 0 ? column_names[col] : field,
                          .message = arena_strdup(&res->mem, msg),
                          .order = col,
                          .seq = res->n_problems};
    if (!p->message)
        return -1;
    res->n_problems++;
    return 0;
}

static int compare_problems(const void *a, const void *b)
{
    const import_problem *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void sort_problems(import_result *res)
{
    if (res->n_problems)
        qsort(res->problems, res->n_problems, sizeof *res->problems, compare_problems);
}

/* A value (valid UTF-8) as a message may quote it: at most SHOWN_CHARS
 * characters, control characters replaced by "?", so that what a file
 * contains can disturb neither a terminal nor a page. */
static const char *shown(import_result *res, const char *v)
{
    char out[SHOWN_CHARS * 4 + 4];
    size_t n = 0, chars = 0;
    const unsigned char *p = (const unsigned char *)v;
    for (; *p && chars < SHOWN_CHARS; chars++) {
        size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        bool c1 = p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F;
        if (*p < 0x20 || *p == 0x7f || c1) {
            out[n++] = '?';
        } else {
            memcpy(out + n, p, len);
            n += len;
        }
        p += len;
    }
    if (*p) {
        memcpy(out + n, "\xE2\x80\xA6", 3); /* … */
        n += 3;
    }
    return arena_strndup(&res->mem, out, n);
}

bool import_username_ok(const char *u)
{
    size_t n = strlen(u);
    if (n < 2 || n > 64 || !((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= '0' && u[0] <= '9')))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= '0' && u[i] <= '9') || u[i] == '.' ||
              u[i] == '_' || u[i] == '-'))
            return false;
    return true;
}

/* The database's rule for cohort codes (sql/0002_people.sql). */
static bool cohort_code_ok(const char *c)
{
    size_t n = strlen(c);
    bool alnum0 = (c[0] >= 'a' && c[0] <= 'z') || (c[0] >= 'A' && c[0] <= 'Z') ||
                  (c[0] >= '0' && c[0] <= '9');
    if (n < 1 || n > 40 || !alnum0)
        return false;
    return strspn(c, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-") == n;
}

const char *import_name_problem(const char *name, size_t len)
{
    size_t chars = utf8_chars(name, len);
    if (chars == 0)
        return "is empty";
    if (chars > MAX_NAME_CHARS)
        return "is longer than 200 characters";
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
            return "contains a line break or another control character";
    return NULL;
}

static void ascii_lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* ---- reading the file ---- */

/* What the libcsv callbacks share while one file is read. */
typedef struct {
    import_result *res;
    long line;     /* line on which the record being read began */
    long newlines; /* line breaks inside the record's quoted values */
    bool after_cr; /* the last record ended with CR: a LF straight after is its pair */
    bool header_seen;
    bool stop;       /* the header is wrong: the lines below cannot be read */
    bool failed;     /* memory ran out */
    size_t n_fields; /* in the record so far, extra ones included */
    char *fields[N_COLS];
    size_t lens[N_COLS];
    bool extra; /* a value beyond the last column */
} parser;

static long count_newlines(const char *s, size_t n)
{
    long count = 0;
    for (size_t i = 0; i < n; i++)
        count += s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'));
    return count;
}

static void on_field(void *s, size_t len, void *data)
{
    parser *p = data;
    const char *v = s ? s : "";
    p->newlines += count_newlines(v, len);
    if (p->stop || p->failed)
        return;
    /* libcsv trims unquoted values; quoted ones are trimmed too, since a
     * space around a username or code is never meant. */
    while (len && (*v == ' ' || *v == '\t'))
        v++, len--;
    while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
        len--;
    if (p->n_fields < N_COLS) {
        p->fields[p->n_fields] = arena_strndup(&p->res->mem, v, len);
        p->lens[p->n_fields] = len;
        p->failed = !p->fields[p->n_fields];
    } else if (len) {
        p->extra = true;
    }
    p->n_fields++;
}

static bool text_ok(const char *v, size_t len)
{
    return utf8_valid(v, len) && !memchr(v, '\0', len);
}

/* The header must name the columns in order; anything else gets one
 * problem naming what is missing and what is not expected. */
static int check_header(parser *p)
{
    import_result *res = p->res;
    size_t n = p->n_fields < N_COLS ? p->n_fields : N_COLS;
    bool ok = p->n_fields >= N_COLS && !p->extra;
    for (size_t i = 0; i < n; i++) {
        if (!text_ok(p->fields[i], p->lens[i])) {
            p->stop = true;
            return add_problem(res, p->line, -1, "header", NOT_UTF8);
        }
        ok = ok && strcasecmp(p->fields[i], column_names[i]) == 0;
    }
    if (ok)
        return 0;
    p->stop = true;
    char msg[2048];
    size_t m = (size_t)snprintf(msg, sizeof msg, "must be " IMPORT_COLUMNS ", in that order");
    if (n == 1 && strchr(p->fields[0], ';')) {
        snprintf(msg + m, sizeof msg - m,
                 "; this file separates values with semicolons: save it as CSV with commas");
        return add_problem(res, p->line, -1, "header", "%s", msg);
    }
    const char *sep = "; missing: ";
    bool any = false;
    for (size_t c = 0; c < N_COLS; c++) {
        bool found = false;
        for (size_t i = 0; i < n && !found; i++)
            found = strcasecmp(p->fields[i], column_names[c]) == 0;
        if (!found && m < sizeof msg) {
            m += (size_t)snprintf(msg + m, sizeof msg - m, "%s%s", sep, column_names[c]);
            sep = ", ", any = true;
        }
    }
    sep = "; not expected: ";
    for (size_t i = 0; i < n; i++) {
        bool known = false;
        for (size_t c = 0; c < N_COLS && !known; c++)
            known = strcasecmp(p->fields[i], column_names[c]) == 0;
        if (!known && m < sizeof msg) {
            m += (size_t)snprintf(msg + m, sizeof msg - m, "%s\"%s\"", sep,
                                  shown(res, p->fields[i]));
            sep = ", ", any = true;
        }
    }
    if (p->extra && m < sizeof msg)
        m += (size_t)snprintf(msg + m, sizeof msg - m, "; there are more than %d columns", N_COLS);
    else if (!any && m < sizeof msg)
        snprintf(msg + m, sizeof msg - m, "; the columns are in another order");
    return add_problem(res, p->line, -1, "header", "%s", msg);
}

static int push_row(import_result *res, const import_row *row)
{
    if (res->n_rows == res->cap_rows) {
        size_t cap = res->cap_rows ? res->cap_rows * 2 : 256;
        import_row *grown = realloc(res->rows, cap * sizeof *grown);
        if (!grown)
            return -1;
        res->rows = grown;
        res->cap_rows = cap;
    }
    res->rows[res->n_rows++] = *row;
    return 0;
}

static int check_role(import_result *res, long line, const char *v, import_row *row)
{
    unsigned bit = auth_role_from_name(v);
    if (!*v)
        return add_problem(res, line, COL_ROLE, NULL, "is empty: " ROLE_CHOICES);
    if (bit & IMPORTABLE_ROLES) {
        row->role = bit;
        return 0;
    }
    if (bit)
        return add_problem(res, line, COL_ROLE, NULL,
                           "\"%s\" cannot be given by an import (administrators are added one "
                           "at a time): " ROLE_CHOICES,
                           v);
    return add_problem(res, line, COL_ROLE, NULL, "\"%s\" is not a role: " ROLE_CHOICES,
                       shown(res, v));
}

static int check_cohort(import_result *res, long line, const char *code, bool code_given,
                        const char *role, import_row *row)
{
    int rc = 0;
    if (code && *code) {
        if (cohort_code_ok(code))
            row->cohort_code = code;
        else
            rc |= add_problem(res, line, COL_COHORT, NULL, "\"%s\" is not a cohort code",
                              shown(res, code));
    }
    if (!role)
        return rc;
    if (!*role) {
        if (code_given)
            rc |=
                add_problem(res, line, COL_COHORT_ROLE, NULL,
                            "is empty: say what the person is in the cohort: " COHORT_ROLE_CHOICES);
    } else if (!code_given) {
        rc |= add_problem(res, line, COL_COHORT_ROLE, NULL, "is given, but cohort_code is empty");
    } else if (strcmp(role, "learner") == 0 || strcmp(role, "tutor") == 0 ||
               strcmp(role, "rep") == 0) {
        row->cohort_role = role;
    } else {
        rc |= add_problem(res, line, COL_COHORT_ROLE, NULL,
                          "\"%s\" is not a cohort role: " COHORT_ROLE_CHOICES, shown(res, role));
    }
    return rc;
}

/* The checks of one line that need nothing but the line. The row is kept
 * with the values that passed, for the checks against the database. */
static int check_row(parser *p)
{
    import_result *res = p->res;
    long line = p->line;
    if (p->n_fields < N_COLS || p->extra)
        return add_problem(res, line, -1, "columns",
                           "has %zu columns; every line needs %d (" IMPORT_COLUMNS
                           "), with cohort_code and cohort_role left empty when there is no "
                           "cohort",
                           p->n_fields, N_COLS);
    char *v[N_COLS];
    int rc = 0;
    for (int i = 0; i < N_COLS; i++) {
        v[i] = text_ok(p->fields[i], p->lens[i]) ? p->fields[i] : NULL;
        if (!v[i])
            rc |= add_problem(res, line, i, NULL, NOT_UTF8);
        else if (i == COL_USERNAME || i == COL_ROLE || i == COL_COHORT_ROLE)
            ascii_lower(v[i]);
    }
    import_row row = {.line = line};
    if (v[COL_USERNAME] && !*v[COL_USERNAME])
        rc |= add_problem(res, line, COL_USERNAME, NULL, "is empty");
    else if (v[COL_USERNAME] && !import_username_ok(v[COL_USERNAME]))
        rc |= add_problem(res, line, COL_USERNAME, NULL,
                          "\"%s\" is not a username: use 2 to 64 lower-case letters, digits, "
                          "dots, hyphens or underscores, starting with a letter or digit",
                          shown(res, v[COL_USERNAME]));
    else
        row.username = v[COL_USERNAME];
    if (v[COL_EMAIL] && !*v[COL_EMAIL])
        rc |= add_problem(res, line, COL_EMAIL, NULL, "is empty");
    else if (v[COL_EMAIL] && validate_email(v[COL_EMAIL]))
        rc |= add_problem(res, line, COL_EMAIL, NULL,
                          "\"%s\" is not an email address like name@example.ac.uk",
                          shown(res, v[COL_EMAIL]));
    else
        row.email = v[COL_EMAIL];
    const char *why = v[COL_NAME] ? import_name_problem(v[COL_NAME], p->lens[COL_NAME]) : NULL;
    if (why)
        rc |= add_problem(res, line, COL_NAME, NULL, "%s", why);
    else
        row.display_name = v[COL_NAME];
    if (v[COL_ROLE])
        rc |= check_role(res, line, v[COL_ROLE], &row);
    rc |= check_cohort(res, line, v[COL_COHORT], p->lens[COL_COHORT] > 0, v[COL_COHORT_ROLE], &row);
    return rc ? -1 : push_row(res, &row);
}

static int on_record(parser *p)
{
    if (!p->header_seen) {
        p->header_seen = true;
        return check_header(p);
    }
    /* Spreadsheets often end a file with lines of empty cells. */
    bool blank = !p->extra;
    for (size_t i = 0; i < p->n_fields && i < N_COLS && blank; i++)
        blank = p->lens[i] == 0;
    return blank ? 0 : check_row(p);
}

/* End of a record (c is its terminator, -1 at the end of the file). Blank
 * lines come as records without fields, so every line is counted. */
static void on_row(int c, void *data)
{
    parser *p = data;
    bool crlf_pair = c == '\n' && p->after_cr && p->n_fields == 0;
    p->after_cr = c == '\r';
    if (p->n_fields && !p->stop && !p->failed && on_record(p) != 0)
        p->failed = true;
    p->line += p->newlines + (c != -1 && !crlf_pair);
    p->newlines = 0;
    p->n_fields = 0;
    p->extra = false;
}

static int compare_rows_by_username(const void *a, const void *b)
{
    const import_row *x = *(const import_row *const *)a, *y = *(const import_row *const *)b;
    int c = strcmp(x->username, y->username);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Lines of one username must agree on email and name; counts people. */
static int check_duplicates(import_result *res)
{
    import_row **by_name = malloc((res->n_rows + 1) * sizeof *by_name);
    if (!by_name)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < res->n_rows; i++)
        if (res->rows[i].username)
            by_name[n++] = &res->rows[i];
    qsort(by_name, n, sizeof *by_name, compare_rows_by_username);
    const import_row *first = NULL;
    int rc = 0;
    res->n_people = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const import_row *r = by_name[i];
        if (!first || strcmp(first->username, r->username) != 0) {
            first = r;
            res->n_people++;
            continue;
        }
        if (r->email && first->email && strcmp(r->email, first->email) != 0)
            rc |= add_problem(res, r->line, COL_EMAIL, NULL,
                              "differs from line %ld, which has the same username", first->line);
        if (r->display_name && first->display_name &&
            strcmp(r->display_name, first->display_name) != 0)
            rc |= add_problem(res, r->line, COL_NAME, NULL,
                              "differs from line %ld, which has the same username", first->line);
    }
    free(by_name);
    return rc;
}

int import_parse(import_result *res, const char *data, size_t len)
{
    struct csv_parser cp;
    if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
        return -1;
    parser p = {.res = res, .line = 1};
    int rc = -1;
    /* Spreadsheets saving "CSV UTF-8" begin the file with a byte-order mark. */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, len -= 3;
    size_t done = csv_parse(&cp, data, len, on_field, on_row, &p);
    if (p.failed)
        goto out;
    if (done < len) {
        if (csv_error(&cp) != CSV_EPARSE)
            goto out;
        if (add_problem(res, 1 + count_newlines(data, done), -1, "file",
                        "a quote (\") is out of place: a value with a quote or comma in it "
                        "must be quoted as a whole, with each of its quotes doubled (\"\"); "
                        "nothing after this could be read") != 0)
            goto out;
    } else if (csv_fini(&cp, on_field, on_row, &p) != 0) {
        if (add_problem(res, p.line, -1, "file",
                        "a quoted value that starts on this line is never closed, so nothing "
                        "after it could be read") != 0)
            goto out;
    }
    if (p.failed)
        goto out;
    if (!p.header_seen) {
        if (add_problem(res, 1, -1, "header",
                        "is missing: the file is empty; its first line must be " IMPORT_COLUMNS))
            goto out;
    } else if (!p.stop && res->n_rows == 0 && res->problems_total == 0) {
        if (add_problem(res, p.line, -1, "file",
                        "has nobody in it: add a line for each person after the header"))
            goto out;
    }
    if (check_duplicates(res) != 0)
        goto out;
    sort_problems(res);
    rc = 0;
out:
    csv_free(&cp);
    return rc;
}

/* ---- the database ---- */

static void failed(import_result *res, PGconn *conn, const PGresult *pg, const char *what)
{
    const char *state = pg ? PQresultErrorField(pg, PG_DIAG_SQLSTATE) : NULL;
    snprintf(res->sqlstate, sizeof res->sqlstate, "%s", state ? state : "");
    snprintf(res->error, sizeof res->error, "%s: %s", what, PQerrorMessage(conn));
}

/* Runs sql with text parameters; NULL (with res->error) on failure. */
static PGresult *run(PGconn *conn, import_result *res, const char *what, const char *sql, int n,
                     const char *const *params)
{
    PGresult *pg = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(pg);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return pg;
    failed(res, conn, pg, what);
    PQclear(pg);
    return NULL;
}

/* Sends data (COPY text format) to sql, a COPY ... FROM STDIN. */
static int copy_in(PGconn *conn, import_result *res, const char *what, const char *sql,
                   const buf *data)
{
    PGresult *pg = PQexec(conn, sql);
    bool ok = PQresultStatus(pg) == PGRES_COPY_IN;
    if (!ok)
        failed(res, conn, pg, what);
    PQclear(pg);
    if (!ok)
        return -1;
    const size_t chunk = 1 << 20;
    for (size_t off = 0; ok && off < data->len; off += chunk) {
        size_t n = data->len - off < chunk ? data->len - off : chunk;
        ok = PQputCopyData(conn, data->data + off, (int)n) == 1;
    }
    ok = PQputCopyEnd(conn, ok ? NULL : "the import stopped") == 1 && ok;
    pg = PQgetResult(conn);
    ok = ok && PQresultStatus(pg) == PGRES_COMMAND_OK;
    if (!ok)
        failed(res, conn, pg, what);
    PQclear(pg);
    while ((pg = PQgetResult(conn)))
        PQclear(pg);
    return ok ? 0 : -1;
}

/* Appends v (NULL: SQL NULL) as one COPY text-format value, then sep. */
static bool copy_value(buf *b, const char *v, char sep)
{
    bool ok = true;
    if (!v)
        ok = buf_append(b, "\\N", 2);
    while (v && *v && ok) {
        size_t span = strcspn(v, "\\\t\n\r");
        ok = buf_append(b, v, span);
        v += span;
        if (!*v || !ok)
            break;
        const char *esc = *v == '\\' ? "\\\\" : *v == '\t' ? "\\t" : *v == '\n' ? "\\n" : "\\r";
        ok = buf_append(b, esc, 2);
        v++;
    }
    return ok && buf_append(b, &sep, 1);
}

/* The rows, as far as they passed the line checks, into import_rows: a
 * temporary table that lives until the caller's transaction ends. */
static int load_rows(PGconn *conn, import_result *res)
{
    PGresult *pg = run(conn, res, "creating import_rows",
                       "CREATE TEMP TABLE import_rows (line integer NOT NULL, username text,"
                       " email text, display_name text, roles integer, cohort_code text,"
                       " cohort_role text) ON COMMIT DROP",
                       0, NULL);
    if (!pg)
        return -1;
    PQclear(pg);
    buf data = {0};
    bool ok = true;
    for (size_t i = 0; i < res->n_rows && ok; i++) {
        const import_row *r = &res->rows[i];
        char line[24], roles[24];
        snprintf(line, sizeof line, "%ld", r->line);
        snprintf(roles, sizeof roles, "%u", r->role);
        ok = copy_value(&data, line, '\t') && copy_value(&data, r->username, '\t') &&
             copy_value(&data, r->email, '\t') && copy_value(&data, r->display_name, '\t') &&
             copy_value(&data, r->role ? roles : NULL, '\t') &&
             copy_value(&data, r->cohort_code, '\t') && copy_value(&data, r->cohort_role, '\n');
    }
    int rc = -1;
    if (!ok)
        snprintf(res->error, sizeof res->error, "out of memory");
    else
        rc = copy_in(conn, res, "loading import_rows", "COPY import_rows FROM STDIN", &data);
    buf_free(&data);
    return rc;
}

/* check_people: one row a username refused (ELSEWHERE: it is taken at
 * another college, else it is a site admin's). */
enum { CP_LINE, CP_USERNAME, CP_ELSEWHERE, CHECK_PEOPLE_COLUMNS };

/* A username may be taken in another college (usernames are unique
 * site-wide); and a site admin's account is for site admins to change, so
 * that a college admin cannot take it over by changing its email. One
 * problem per username, on its first line. */
static int check_people(PGconn *conn, import_result *res, const import_scope *scope)
{
    char inst[24], site_admin[24];
    snprintf(inst, sizeof inst, "%lld", scope->institution_id);
    snprintf(site_admin, sizeof site_admin, "%d", ROLE_SITE_ADMIN);
    const char *params[] = {inst, scope->may_change_site_admins ? "true" : "false", site_admin};
    PGresult *pg = run(conn, res, "checking usernames",
                       "SELECT DISTINCT ON (t.username) t.line, t.username,"
                       "       u.institution_id <> $1::bigint"
                       "  FROM import_rows t JOIN users u ON u.username = t.username"
                       " WHERE u.institution_id <> $1::bigint"
                       "    OR (NOT $2::boolean AND (u.roles & $3::integer) <> 0"
                       "        AND (t.email <> u.email OR t.display_name <> u.display_name))"
                       " ORDER BY t.username, t.line",
                       ARRAY_SIZE(params), params);
    if (!pg)
        return -1;
    int rc = 0;
    for (int i = 0; i < PQntuples(pg) && rc == 0; i++) {
        long line = atol(PQgetvalue(pg, i, CP_LINE));
        const char *username = PQgetvalue(pg, i, CP_USERNAME);
        if (strcmp(PQgetvalue(pg, i, CP_ELSEWHERE), "t") == 0)
            rc = add_problem(res, line, COL_USERNAME, NULL,
                             "\"%s\" is already taken by someone at another college", username);
        else
            rc = add_problem(res, line, COL_USERNAME, NULL,
                             "\"%s\" is a site administrator's account, which only a site "
                             "administrator can change",
                             username);
    }
    PQclear(pg);
    if (rc)
        snprintf(res->error, sizeof res->error, "out of memory");
    return rc;
}

/* check_cohorts: one row a line whose cohort is not at the college. */
enum { CC_LINE, CC_COHORT_CODE, CHECK_COHORTS_COLUMNS };

static int check_cohorts(PGconn *conn, import_result *res, const import_scope *scope)
{
    char inst[24];
    snprintf(inst, sizeof inst, "%lld", scope->institution_id);
    const char *params[] = {inst};
    PGresult *pg = run(conn, res, "checking cohorts",
                       "SELECT t.line, t.cohort_code FROM import_rows t"
                       " WHERE t.cohort_code IS NOT NULL AND NOT EXISTS"
                       "       (SELECT 1 FROM cohorts c"
                       "         WHERE c.institution_id = $1::bigint AND c.code = t.cohort_code)"
                       " ORDER BY t.line",
                       ARRAY_SIZE(params), params);
    if (!pg)
        return -1;
    int rc = 0;
    for (int i = 0; i < PQntuples(pg) && rc == 0; i++)
        rc = add_problem(res, atol(PQgetvalue(pg, i, CC_LINE)), COL_COHORT, NULL,
                         "\"%s\" is not a cohort at this college",
                         PQgetvalue(pg, i, CC_COHORT_CODE));
    PQclear(pg);
    if (rc)
        snprintf(res->error, sizeof res->error, "out of memory");
    return rc;
}

/* apply's "creating people": one row a person created, as issue_links reads it. */
enum { AD_ID, AD_USERNAME, AD_DISPLAY_NAME, ADDED_COLUMNS };

/* A reset link for each person just created (added: id, username,
 * display_name), stored as hashes with one COPY; the tokens stay in res. */
static int issue_links(PGconn *conn, import_result *res, const import_scope *scope,
                       const PGresult *added)
{
    size_t n = (size_t)PQntuples(added);
    res->created = (long long)n;
    if (n == 0)
        return 0;
    res->links = arena_alloc(&res->mem, n * sizeof *res->links);
    if (!res->links)
        return -1;
    char by[24] = "\\N";
    if (scope->actor_id)
        snprintf(by, sizeof by, "%lld", scope->actor_id);
    buf data = {0};
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        import_link *l = &res->links[i];
        char hash[65];
        l->username = arena_strdup(&res->mem, PQgetvalue(added, (int)i, AD_USERNAME));
        l->display_name = arena_strdup(&res->mem, PQgetvalue(added, (int)i, AD_DISPLAY_NAME));
        reset_new_token(l->token, hash);
        ok = l->username && l->display_name &&
             buf_printf(&data, "%s\t%s\t%lld\t%s\n", hash, PQgetvalue(added, (int)i, AD_ID),
                        scope->institution_id, by);
    }
    res->n_links = n;
    int rc = -1;
    if (!ok)
        snprintf(res->error, sizeof res->error, "out of memory");
    else
        rc = copy_in(conn, res, "issuing reset links",
                     "COPY password_resets (token_hash, user_id, institution_id, created_by)"
                     " FROM STDIN",
                     &data);
    buf_free(&data);
    return rc;
}

/* Each person just created (added) gets a welcome mail with a link of
 * their own to choose a password, made when the mail worker sends it
 * (sql/0024_password_link_mail.sql): the links issue_links made are for
 * whoever imports to hand over, if they would rather. */
static int queue_welcome_mails(PGconn *conn, import_result *res, const PGresult *added)
{
    if (PQntuples(added) == 0)
        return 0;
    buf ids = {0};
    bool ok = buf_puts(&ids, "{");
    for (int i = 0; i < PQntuples(added) && ok; i++)
        ok = buf_printf(&ids, "%s%s", i ? "," : "", PQgetvalue(added, i, AD_ID));
    ok = ok && buf_puts(&ids, "}");
    const char *params[] = {ids.data};
    PGresult *pg = ok ? run(conn, res, "queueing welcome mails",
                            "SELECT queue_password_links($1::bigint[], true)",
                            ARRAY_SIZE(params), params)
                      : NULL;
    if (!ok)
        snprintf(res->error, sizeof res->error, "out of memory");
    int rc = pg ? 0 : -1;
    buf_free(&ids);
    PQclear(pg);
    return rc;
}

/* Every line of one username has the same email and name (checked), so
 * min() just picks that one value. */
#define PEOPLE_IN_FILE                                                                             \
    "SELECT username, min(line) AS line, min(email) AS email,"                                     \
    "       min(display_name) AS display_name, bit_or(roles) AS roles"                             \
    "  FROM import_rows GROUP BY username"

/* Existing people first, then new ones, then memberships: each one
 * statement over import_rows. Existing roles are kept (roles | new). */
static int apply(PGconn *conn, import_result *res, const import_scope *scope)
{
    char inst[24];
    snprintf(inst, sizeof inst, "%lld", scope->institution_id);
    const char *params[] = {inst};
    PGresult *pg = run(conn, res, "updating people",
                       "UPDATE users u SET email = p.email, display_name = p.display_name,"
                       "       roles = u.roles | p.roles, updated_at = now()"
                       "  FROM (" PEOPLE_IN_FILE ") p"
                       " WHERE u.username = p.username AND u.institution_id = $1::bigint"
                       "   AND (u.email, u.display_name, u.roles | p.roles)"
                       "       IS DISTINCT FROM (p.email, p.display_name, u.roles)",
                       ARRAY_SIZE(params), params);
    if (!pg)
        return -1;
    res->updated = atoll(PQcmdTuples(pg));
    PQclear(pg);
    pg = run(conn, res, "creating people",
             "WITH p AS (SELECT * FROM (" PEOPLE_IN_FILE ") f"
             "            WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = f.username)),"
             "     added AS (INSERT INTO users"
             "                      (institution_id, username, display_name, email, roles)"
             "               SELECT $1::bigint, username, display_name, email, roles FROM p"
             "               RETURNING id, username, display_name)"
             " SELECT a.id, a.username, a.display_name FROM added a JOIN p USING (username)"
             " ORDER BY p.line",
             ARRAY_SIZE(params), params);
    if (!pg)
        return -1;
    int rc = issue_links(conn, res, scope, pg) ||
             (!scope->no_welcome_mail && queue_welcome_mails(conn, res, pg));
    PQclear(pg);
    if (rc)
        return -1;
    pg = run(conn, res, "adding memberships",
             "INSERT INTO memberships (cohort_id, user_id, institution_id, role)"
             " SELECT DISTINCT c.id, u.id, $1::bigint, t.cohort_role FROM import_rows t"
             "   JOIN users u ON u.username = t.username AND u.institution_id = $1::bigint"
             "   JOIN cohorts c ON c.code = t.cohort_code AND c.institution_id = $1::bigint"
             " ON CONFLICT DO NOTHING",
             ARRAY_SIZE(params), params);
    if (!pg)
        return -1;
    res->memberships = atoll(PQcmdTuples(pg));
    PQclear(pg);
    res->unchanged = (long long)res->n_people - res->created - res->updated;
    return 0;
}

enum import_status import_run(PGconn *conn, const char *data, size_t len, const import_scope *scope,
                              import_result *res)
{
    if (import_parse(res, data, len) != 0) {
        snprintf(res->error, sizeof res->error, "out of memory");
        return IMPORT_FAILED;
    }
    if (res->n_rows == 0)
        return IMPORT_PROBLEMS; /* the header is wrong, or nobody is in the file */
    if (load_rows(conn, res) != 0 || check_people(conn, res, scope) != 0 ||
        check_cohorts(conn, res, scope) != 0)
        return IMPORT_FAILED;
    if (res->problems_total) {
        sort_problems(res);
        return IMPORT_PROBLEMS;
    }
    return apply(conn, res, scope) == 0 ? IMPORT_OK : IMPORT_FAILED;
}

const char *import_summary(import_result *res)
{
    return arena_printf(&res->mem,
                        "%lld created, %lld updated, %lld unchanged, %lld "
                        "memberships added",
                        res->created, res->updated, res->unchanged, res->memberships);
}
