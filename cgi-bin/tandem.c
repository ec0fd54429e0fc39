/* tandem: one program for the web application and its administration,
 * chosen by subcommand (like Fossil). */
#include <libpq-fe.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/audit.h"
#include "core/auth.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/demo.h"
#include "core/import.h"
#include "core/log.h"
#include "core/mail.h"
#include "core/migrate.h"
#include "core/oidc_client.h"
#include "core/rerender.h"
#include "core/reset.h"
#include "core/tpl.h"
#include "http/form.h"
#include "http/validate.h"
#include "pages/voice_mix.h"
#include "app.h"
#include "server.h"

#ifndef TANDEM_VERSION
#define TANDEM_VERSION "0.1.0"
#endif

/* The password every demo account gets. It is printed by `make run`. */
#define DEMO_PASSWORD "tandem-demo"

typedef struct {
    const char *name;
    const char *usage;
    const char *summary; /* one line for `tandem --help` */
    const char *help;
    int (*run)(int argc, char **argv);
} command;

/* "relation already exists, skipping" and the like are not news. */
static void ignore_notice(void *arg, const char *message)
{
    (void)arg, (void)message;
}

static PGconn *connect_or_explain(void)
{
    PGconn *conn = PQconnectdb(tandem_config->database_url);
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr,
                "tandem: cannot reach the database (%s)\n%s"
                "Is it running? `make start` starts it; TANDEM_VAR or TANDEM_DATABASE_URL "
                "say which one to use.\n",
                tandem_config->database_url, PQerrorMessage(conn));
        PQfinish(conn);
        return NULL;
    }
    PQsetNoticeProcessor(conn, ignore_notice, NULL);
    return conn;
}

static int cmd_serve(int argc, char **argv)
{
    (void)argc, (void)argv;
    char err[1024];
    if (tpl_load_all(tandem_config->templates_dir, err, sizeof err) != 0) {
        log_error("%s", err);
        return 1;
    }
    return server_run(tandem_config);
}

static int cmd_mail(int argc, char **argv)
{
    bool now = argc == 1 && strcmp(argv[0], "--digests-now") == 0;
    if (argc > 1 || (argc == 1 && !now)) {
        fprintf(stderr, "usage: tandem mail [--digests-now]\n");
        return 2;
    }
    return mail_run(tandem_config, now);
}

static int cmd_migrate(int argc, char **argv)
{
    (void)argc, (void)argv;
    PGconn *conn = connect_or_explain();
    if (!conn)
        return 1;
    int rc = migrate_run(conn, tandem_config->sql_dir);
    PQfinish(conn);
    return rc;
}

/* A connection with the mixer's statements, ready; NULL (explained) if the
 * database cannot be reached. */
static db *mixer_db(void)
{
    static const db_statement *const sets[] = {voice_mix_statements, NULL};
    db *d = db_new(tandem_config->database_url, sets);
    if (d && db_ready(d))
        return d;
    fprintf(stderr, "tandem: cannot reach the database (TANDEM_DATABASE_URL)\n");
    db_free(d);
    return NULL;
}

/* The demo's open polls and rounds get their keys, as opening them would
 * have made. */
static int make_demo_keys(void)
{
    db *d = mixer_db();
    int rc = d && voice_keys_ensure(d, tandem_config->keys_dir) >= 0 ? 0 : 1;
    db_free(d);
    return rc;
}

static int cmd_count_ballots(int argc, char **argv)
{
    (void)argc, (void)argv;
    db *d = mixer_db();
    int n = d ? voice_mix_pass(d, tandem_config->keys_dir) : -1;
    db_free(d);
    if (n < 0)
        return 1;
    printf("%d ballot%s opened\n", n, n == 1 ? "" : "s");
    return 0;
}

static int cmd_demo(int argc, char **argv)
{
    const char *copy = argc == 2 && strcmp(argv[0], "--copy") == 0 ? argv[1] : NULL;
    if (argc != 0 && !(copy && demo_copy_tag_ok(copy))) {
        fprintf(stderr, "usage: tandem demo [--copy TAG]  (TAG: 2 to 34 lower-case letters, "
                        "digits and hyphens)\n");
        return 2;
    }
    char hash[crypto_pwhash_STRBYTES];
    if (auth_hash_password(DEMO_PASSWORD, hash) != 0)
        return 1;
    PGconn *conn = connect_or_explain();
    if (!conn)
        return 1;
    int rc = demo_load(conn, tandem_config->sql_dir, copy, hash);
    /* The demo SQL writes some rich text as Markdown only: rendered here
     * the way the app does on save, so the demo shows what people see. */
    if (rc == 0)
        rc = rerender_run(conn, &(rerender_options){.demo = true});
    if (rc == 0)
        rc = make_demo_keys();
    if (rc == 0 && copy)
        printf("demo data loaded as the colleges %s and %s-north, each username ending in .%s;"
               " every demo account's password is %s\n",
               copy, copy, copy, DEMO_PASSWORD);
    else if (rc == 0)
        printf("demo data loaded; every demo account's password is %s\n", DEMO_PASSWORD);
    PQfinish(conn);
    return rc;
}

static int cmd_set_password(int argc, char **argv)
{
    if (argc != 1) {
        fprintf(stderr, "usage: tandem set-password USERNAME  (the password is read from stdin)\n");
        return 2;
    }
    char password[1025];
    if (!fgets(password, sizeof password, stdin)) {
        fprintf(stderr, "tandem: no password on standard input\n");
        return 2;
    }
    password[strcspn(password, "\r\n")] = '\0';
    if (strlen(password) < 10) {
        fprintf(stderr, "tandem: a password needs at least 10 characters\n");
        return 2;
    }
    char hash[crypto_pwhash_STRBYTES];
    PGconn *conn = auth_hash_password(password, hash) == 0 ? connect_or_explain() : NULL;
    sodium_memzero(password, sizeof password);
    if (!conn)
        return 1;
    const char *params[] = {hash, argv[0]};
    PGresult *res = PQexecParams(conn, "UPDATE users SET password_hash = $1 WHERE username = $2",
                                 ARRAY_SIZE(params), NULL, params, NULL, NULL, 0);
    int rc = 1;
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        fprintf(stderr, "tandem: %s", PQerrorMessage(conn));
    else if (strcmp(PQcmdTuples(res), "1") != 0)
        fprintf(stderr, "tandem: there is no user called %s\n", argv[0]);
    else
        rc = 0, printf("password set for %s\n", argv[0]);
    PQclear(res);
    PQfinish(conn);
    return rc;
}

/* ---- import-users and user add ---- */

#define IMPORT_USAGE "tandem import-users FILE.csv [--institution SLUG] [--no-email]"
#define USER_ADD_USAGE                                                                             \
    "tandem user add USERNAME --email EMAIL --name NAME --role ROLE[,ROLE…]\n"                   \
    "                  [--institution SLUG] [--password-stdin]"

#define USER_HELP                                                                                  \
    "       " USER_ADD_USAGE "\n\n"                                                                \
    "Adds one person to a college (the only one, or --institution SLUG). ROLE is\n"                \
    "student, staff, manager, leader, institution_admin or site_admin, or several\n"               \
    "joined with commas: this is how the first administrator is made. With\n"                      \
    "--password-stdin the password (at least 10 characters) is read from standard\n"               \
    "input; without it the person gets a one-time link to choose one (24 hours)."

static int usage_error(const char *usage, const char *why)
{
    fprintf(stderr, "tandem: %s\nusage: %s\n", why, usage);
    return 2;
}

/* The value of option name at argv[*i], as "--name VALUE" or "--name=VALUE"
 * (advancing *i past it); NULL when argv[*i] is another argument. An option
 * given without its value is "" so that the caller can say so. */
static const char *option(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    return *i + 1 < argc ? argv[++*i] : "";
}

/* find_institution's query: one row a college. */
enum { CO_ID, CO_SLUG, CO_NAME, COLLEGES_COLUMNS };

/* Every college of res (id, slug, name), a line each, for the operator to
 * choose from: however many there are, none is left out. */
static void list_colleges(PGresult *res)
{
    for (int i = 0; i < PQntuples(res); i++)
        fprintf(stderr, "  %-30s %s\n", PQgetvalue(res, i, CO_SLUG), PQgetvalue(res, i, CO_NAME));
}

/* Finds the college called slug, or the only one when slug is NULL, into
 * *id and name. Returns 0, 1 (no such college) or 2 (which one was not
 * said), having told the operator which colleges there are. */
static int find_institution(PGconn *conn, const char *slug, long long *id, char *name,
                            size_t name_len)
{
    PGresult *res = PQexec(conn, "SELECT id, slug, name FROM institutions ORDER BY slug");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        fprintf(stderr, "tandem: reading the colleges: %s", PQerrorMessage(conn));
        PQclear(res);
        return 1;
    }
    int n = PQntuples(res), found = -1;
    for (int i = 0; i < n; i++)
        if (slug ? strcmp(slug, PQgetvalue(res, i, CO_SLUG)) == 0 : n == 1)
            found = i;
    int rc = 0;
    if (found >= 0) {
        *id = strtoll(PQgetvalue(res, found, CO_ID), NULL, 10);
        snprintf(name, name_len, "%s (%s)", PQgetvalue(res, found, CO_NAME),
                 PQgetvalue(res, found, CO_SLUG));
    } else if (n == 0) {
        fprintf(stderr, "tandem: there is no college yet\n");
        rc = 1;
    } else {
        if (slug)
            fprintf(stderr, "tandem: there is no college \"%s\"; the colleges are:\n", slug);
        else
            fprintf(stderr, "tandem: there are %d colleges: say which with --institution SLUG:\n",
                    n);
        list_colleges(res);
        rc = slug ? 1 : 2;
    }
    PQclear(res);
    return rc;
}

static bool exec_ok(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok)
        fprintf(stderr, "tandem: %s: %s", sql, PQerrorMessage(conn));
    PQclear(res);
    return ok;
}

/* Reads the whole of path, refusing more than max bytes as the web page
 * does. Returns the bytes (to free) or NULL, having said why. */
static char *read_upload(const char *path, size_t max, size_t *len)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "tandem: cannot read %s\n", path);
        return NULL;
    }
    if ((unsigned long long)st.st_size > max) {
        fprintf(stderr,
                "tandem: %s is %lld bytes; the most an import takes is %zu "
                "(TANDEM_MAX_UPLOAD)\n",
                path, (long long)st.st_size, max);
        return NULL;
    }
    char *data = migrate_read_file(path, len);
    if (!data)
        fprintf(stderr, "tandem: cannot read %s\n", path);
    return data;
}

static void print_problems(const char *path, const import_result *res)
{
    for (size_t i = 0; i < res->n_problems; i++)
        fprintf(stderr, "line %ld: %s: %s\n", res->problems[i].line, res->problems[i].field,
                res->problems[i].message);
    if (res->problems_total > res->n_problems)
        fprintf(stderr, "… and %zu more problems not listed\n",
                res->problems_total - res->n_problems);
    fprintf(stderr, "tandem: %s has %zu problem%s: nothing was imported\n", path,
            res->problems_total, res->problems_total == 1 ? "" : "s");
}

static void print_report(const char *path, const char *college, import_result *res, double seconds)
{
    printf("imported %s into %s in %.1f s: %s\n", path, college, seconds, import_summary(res));
    if (res->n_links)
        printf("links for new people to choose a password (each works once and expires in 24 "
               "hours):\n");
    for (size_t i = 0; i < res->n_links; i++)
        printf("%s  /reset/%s\n", res->links[i].username, res->links[i].token);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Applies a checked file in one transaction, with its audit row. */
static int import_file(PGconn *conn, const char *path, const char *data, size_t len,
                       long long institution_id, const char *college, bool no_email)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    import_result res;
    import_init(&res);
    import_scope scope = {institution_id, 0, true, no_email};
    int rc = 1;
    if (!exec_ok(conn, "BEGIN"))
        goto out;
    enum import_status st = import_run(conn, data, len, &scope, &res);
    if (st == IMPORT_OK) {
        char detail[600];
        snprintf(detail, sizeof detail, "%s; file %s", import_summary(&res), path);
        if (!audit_cli(conn, "users_imported", 0, institution_id, detail)) {
            fprintf(stderr, "tandem: writing the audit row: %s", PQerrorMessage(conn));
            st = IMPORT_FAILED;
        } else if (!exec_ok(conn, "COMMIT")) {
            st = IMPORT_FAILED;
        }
    } else if (st == IMPORT_FAILED) {
        fprintf(stderr, "tandem: the import failed, nothing was imported: %s", res.error);
    }
    if (st != IMPORT_OK)
        exec_ok(conn, "ROLLBACK");
    if (st == IMPORT_PROBLEMS)
        print_problems(path, &res);
    else if (st == IMPORT_OK)
        print_report(path, college, &res, seconds_since(&t0)), rc = 0;
out:
    import_free(&res);
    return rc;
}

static int cmd_import_users(int argc, char **argv)
{
    const char *path = NULL, *slug = NULL, *v;
    bool no_email = false;
    for (int i = 0; i < argc; i++) {
        if ((v = option(argc, argv, &i, "--institution")))
            slug = v;
        else if (strcmp(argv[i], "--no-email") == 0)
            no_email = true;
        else if (argv[i][0] != '-' && !path)
            path = argv[i];
        else
            return usage_error(IMPORT_USAGE, path ? "one file at a time" : "unknown option");
    }
    if (!path)
        return usage_error(IMPORT_USAGE, "which file? Give the CSV file to import");
    if (slug && !*slug)
        return usage_error(IMPORT_USAGE, "--institution needs a college's slug");
    size_t len = 0;
    char *data = read_upload(path, tandem_config->limits.max_upload, &len);
    if (!data)
        return 1;
    PGconn *conn = connect_or_explain();
    int rc = 1;
    long long institution_id = 0;
    char college[512];
    if (conn)
        rc = find_institution(conn, slug, &institution_id, college, sizeof college);
    if (conn && rc == 0)
        rc = import_file(conn, path, data, len, institution_id, college, no_email);
    PQfinish(conn);
    free(data);
    return rc;
}

typedef struct {
    const char *username, *email, *name, *roles, *slug;
    bool password_stdin;
} new_user;

/* Checks the values of `user add` as the web checks a new person, and
 * turns ROLE[,ROLE…] into a bit set. Returns 0 or 2 (a usage error). */
static int check_new_user(new_user *u, char *username, unsigned *roles)
{
    if (!u->username || !u->email || !u->name || !u->roles)
        return usage_error(USER_ADD_USAGE, "USERNAME, --email, --name and --role are all needed");
    snprintf(username, 65, "%s", u->username);
    for (char *p = username; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    if (strlen(u->username) > 64 || !import_username_ok(username)) {
        fprintf(stderr,
                "tandem: \"%s\" is not a username: use 2 to 64 lower-case letters, "
                "digits, dots, hyphens or underscores, starting with a letter or digit\n",
                u->username);
        return 2;
    }
    const char *why = validate_email(u->email);
    if (!why && !utf8_valid(u->email, strlen(u->email)))
        why = "is not UTF-8 text";
    if (why) {
        fprintf(stderr, "tandem: the email %s\n", why);
        return 2;
    }
    why = utf8_valid(u->name, strlen(u->name)) ? import_name_problem(u->name, strlen(u->name))
                                               : "is not UTF-8 text";
    if (why) {
        fprintf(stderr, "tandem: the name %s\n", why);
        return 2;
    }
    *roles = 0;
    char list[256];
    snprintf(list, sizeof list, "%s", u->roles);
    for (char *save = NULL, *r = strtok_r(list, ",", &save); r; r = strtok_r(NULL, ",", &save)) {
        unsigned bit = auth_role_from_name(r);
        if (!bit) {
            fprintf(stderr,
                    "tandem: \"%s\" is not a role: use student, staff, manager, leader, "
                    "institution_admin or site_admin (several with commas)\n",
                    r);
            return 2;
        }
        *roles |= bit;
    }
    if (!*roles)
        return usage_error(USER_ADD_USAGE, "--role needs at least one role");
    return 0;
}

/* The password from standard input, hashed into hash. Returns 0 or 2. */
static int read_password_hash(char hash[crypto_pwhash_STRBYTES])
{
    char password[1025];
    if (!fgets(password, sizeof password, stdin)) {
        fprintf(stderr, "tandem: no password on standard input\n");
        return 2;
    }
    password[strcspn(password, "\r\n")] = '\0';
    int rc = 0;
    if (strlen(password) < 10) {
        fprintf(stderr, "tandem: a password needs at least 10 characters\n");
        rc = 2;
    } else if (auth_hash_password(password, hash) != 0) {
        fprintf(stderr, "tandem: hashing the password failed (out of memory?)\n");
        rc = 1;
    }
    sodium_memzero(password, sizeof password);
    return rc;
}

/* Inserts the person and their audit row in one transaction; without a
 * password (hash NULL) also a reset link, into token. Returns 0 or 1. */
static int insert_user(PGconn *conn, const char *username, const new_user *u, unsigned roles,
                       const char *hash, long long institution_id, char *token)
{
    char inst[24], roles_text[24];
    snprintf(inst, sizeof inst, "%lld", institution_id);
    snprintf(roles_text, sizeof roles_text, "%u", roles);
    const char *params[] = {inst, username, u->name, u->email, roles_text, hash};
    if (!exec_ok(conn, "BEGIN"))
        return 1;
    PGresult *res = PQexecParams(conn,
                                 "INSERT INTO users (institution_id, username, display_name,"
                                 " email, roles, password_hash)"
                                 " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                 ARRAY_SIZE(params), NULL, params, NULL, NULL, 0);
    int rc = 1;
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        if (state && strcmp(state, "23505") == 0)
            fprintf(stderr, "tandem: the username %s is already taken\n", username);
        else
            fprintf(stderr, "tandem: adding %s: %s", username, PQerrorMessage(conn));
        goto out;
    }
    long long id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    char detail[300];
    snprintf(detail, sizeof detail, "%s added with the roles %s", username, u->roles);
    if (!audit_cli(conn, "user_created", id, institution_id, detail)) {
        fprintf(stderr, "tandem: writing the audit row: %s", PQerrorMessage(conn));
        goto out;
    }
    if (!hash && reset_issue(conn, id, institution_id, 0, token) != 0) {
        fprintf(stderr, "tandem: issuing a reset link: %s", PQerrorMessage(conn));
        goto out;
    }
    rc = exec_ok(conn, "COMMIT") ? 0 : 1;
out:
    if (rc)
        exec_ok(conn, "ROLLBACK");
    PQclear(res);
    return rc;
}

static int user_add(int argc, char **argv)
{
    new_user u = {0};
    const char *v;
    for (int i = 0; i < argc; i++) {
        if ((v = option(argc, argv, &i, "--email")))
            u.email = v;
        else if ((v = option(argc, argv, &i, "--name")))
            u.name = v;
        else if ((v = option(argc, argv, &i, "--role")))
            u.roles = v;
        else if ((v = option(argc, argv, &i, "--institution")))
            u.slug = v;
        else if (strcmp(argv[i], "--password-stdin") == 0)
            u.password_stdin = true;
        else if (argv[i][0] != '-' && !u.username)
            u.username = argv[i];
        else
            return usage_error(USER_ADD_USAGE,
                               argv[i][0] == '-' ? "unknown option" : "one USERNAME at a time");
    }
    char username[65], hash[crypto_pwhash_STRBYTES];
    unsigned roles = 0;
    int rc = check_new_user(&u, username, &roles);
    if (rc == 0 && u.slug && !*u.slug)
        rc = usage_error(USER_ADD_USAGE, "--institution needs a college's slug");
    if (rc == 0 && u.password_stdin)
        rc = read_password_hash(hash);
    if (rc)
        return rc;
    PGconn *conn = connect_or_explain();
    if (!conn)
        return 1;
    long long institution_id = 0;
    char college[512], token[RESET_TOKEN_LEN + 1] = "";
    rc = find_institution(conn, u.slug, &institution_id, college, sizeof college);
    if (rc == 0)
        rc = insert_user(conn, username, &u, roles, u.password_stdin ? hash : NULL, institution_id,
                         token);
    if (rc == 0)
        printf("added %s to %s with the roles %s\n", username, college, u.roles);
    if (rc == 0 && !u.password_stdin)
        printf("link to choose a password (works once, expires in 24 hours):\n%s  /reset/%s\n",
               username, token);
    PQfinish(conn);
    return rc;
}

static int cmd_user(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "add") != 0)
        return usage_error(USER_ADD_USAGE, argc ? "the only user command is \"add\""
                                                : "what to do? (tandem user add …)");
    return user_add(argc - 1, argv + 1);
}

#define INSTITUTION_ADD_USAGE "tandem institution add SLUG NAME"

/* Adds a college: on a new Tandem, the first step before `user add`. */
static int cmd_institution(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[0], "add") != 0)
        return usage_error(INSTITUTION_ADD_USAGE, "expected: add SLUG NAME");
    PGconn *conn = connect_or_explain();
    if (!conn)
        return 1;
    const char *params[] = {argv[1], argv[2]};
    PGresult *res = PQexecParams(conn,
                                 "INSERT INTO institutions (slug, name) VALUES ($1, $2)"
                                 " RETURNING id",
                                 ARRAY_SIZE(params), NULL, params, NULL, NULL, 0);
    int rc = 1;
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    if (PQresultStatus(res) == PGRES_TUPLES_OK) {
        long long id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        char detail[300];
        snprintf(detail, sizeof detail, "added the college %s (%s)", argv[2], argv[1]);
        audit_cli(conn, "institution_created", 0, id, detail);
        printf("added the college %s (%s)\n", argv[2], argv[1]);
        rc = 0;
    } else if (state && strcmp(state, "23505") == 0) {
        fprintf(stderr, "tandem: there is already a college with the slug \"%s\"\n", argv[1]);
    } else if (state && strcmp(state, "23514") == 0) {
        fprintf(stderr, "tandem: a slug is 2 to 40 lower-case letters, digits and hyphens, and "
                        "a name 1 to 200 characters\n");
    } else {
        fprintf(stderr, "tandem: %s", PQerrorMessage(conn));
    }
    PQclear(res);
    PQfinish(conn);
    return rc;
}

#define RERENDER_USAGE "tandem rerender [--institution SLUG]"

/* Every stored *_html again from its *_md, with a count per table. */
static int cmd_rerender(int argc, char **argv)
{
    const char *slug = NULL, *v;
    for (int i = 0; i < argc; i++) {
        if ((v = option(argc, argv, &i, "--institution")) && *v)
            slug = v;
        else if (v)
            return usage_error(RERENDER_USAGE, "--institution needs a college's slug");
        else
            return usage_error(RERENDER_USAGE, "unknown argument");
    }
    PGconn *conn = connect_or_explain();
    if (!conn)
        return 1;
    rerender_options opt = {.report = stdout};
    char college[512];
    int rc = slug ? find_institution(conn, slug, &opt.institution_id, college, sizeof college) : 0;
    if (rc == 0)
        rc = rerender_run(conn, &opt);
    PQfinish(conn);
    return rc;
}

#define EXPLAIN_USAGE "tandem explain [--generic] [--analyze] STATEMENT [PARAM...]"

/* The statement's EXPLAIN text, with its parameters quoted as literals
 * (\N for NULL). Returns false (explained) when the statement fails. */
static bool print_plan(db *d, const char *options, const char *name, int n, char **params)
{
    PGconn *conn = db_conn(d);
    buf sql = {0};
    buf_printf(&sql, "EXPLAIN (%s) EXECUTE %s", options, name);
    for (int i = 0; i < n; i++) {
        char *lit = strcmp(params[i], "\\N") == 0 ? NULL : PQescapeLiteral(conn, params[i],
                                                                           strlen(params[i]));
        buf_printf(&sql, "%s%s", i ? ", " : " (", lit ? lit : "NULL");
        PQfreemem(lit);
    }
    buf_printf(&sql, "%s", n ? ")" : "");
    PGresult *res = PQexec(conn, sql.data ? sql.data : "");
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!ok)
        fprintf(stderr, "tandem: %s", PQerrorMessage(conn));
    for (int i = 0; ok && i < PQntuples(res); i++)
        printf("%s\n", PQgetvalue(res, i, 0));
    PQclear(res);
    buf_free(&sql);
    return ok;
}

/* How the database runs one of the server's statements, prepared exactly
 * as a worker prepares it: what the policy test reads to see that access
 * rules were inlined and the college's index used. */
static int cmd_explain(int argc, char **argv)
{
    bool generic = false, analyze = false;
    int i = 0;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--generic") == 0)
            generic = true;
        else if (strcmp(argv[i], "--analyze") == 0)
            analyze = true;
        else
            return usage_error(EXPLAIN_USAGE, "unknown option");
    }
    if (i == argc)
        return usage_error(EXPLAIN_USAGE, "which statement? Give its name");
    db *d = db_new(tandem_config->database_url, app_statements);
    int rc = 1;
    if (!d || !db_ready(d)) {
        fprintf(stderr, "tandem: cannot reach the database (TANDEM_DATABASE_URL)\n");
        goto out;
    }
    /* A worker's statement runs with a generic plan once the first five
     * custom ones cost no less: --generic shows that one. */
    if (generic) {
        PGresult *set = PQexec(db_conn(d), "SET plan_cache_mode = force_generic_plan");
        PQclear(set);
    }
    rc = print_plan(d, analyze ? "ANALYZE, VERBOSE, BUFFERS" : "VERBOSE, COSTS OFF", argv[i],
                    argc - i - 1, argv + i + 1)
             ? 0
             : 1;
out:
    db_free(d);
    return rc;
}

static int cmd_check_statements(int argc, char **argv)
{
    (void)argc, (void)argv;
    size_t n = 0;
    for (const db_statement *const *list = app_statements; *list; list++)
        for (const db_statement *s = *list; s->name; s++)
            n++;
    db *d = db_new(tandem_config->database_url, app_statements);
    bool ok = d && db_ready(d); /* prepares and checks each, logging what differs */
    db_free(d);
    if (!ok) {
        fprintf(stderr, "tandem: the statements above (or the database) need looking at\n");
        return 1;
    }
    printf("%zu statements prepared, each with the columns declared\n", n);
    return 0;
}

static int cmd_version(int argc, char **argv)
{
    (void)argc, (void)argv;
    printf("tandem %s (libpq %d, libsodium %s)\n", TANDEM_VERSION, PQlibVersion(),
           sodium_version_string());
    return 0;
}

static const command commands[] = {
    {"serve", "tandem serve", "serve Tandem over FastCGI",
     "Serves Tandem over FastCGI on TANDEM_SOCKET with TANDEM_THREADS worker threads,\n"
     "until SIGTERM or SIGINT; requests in flight are finished first.",
     cmd_serve},
    {"mail", "tandem mail [--digests-now]", "send email from the outbox",
     "Sends the emails in the outbox over SMTP (TANDEM_SMTP_URL, from TANDEM_MAIL_FROM),\n"
     "until SIGTERM or SIGINT: notifications people take at once, and each day from\n"
     "TANDEM_DIGEST_HOUR their digests. A mail the SMTP server refuses is tried again\n"
     "later, longer each time. --digests-now makes today's digests at once, sends\n"
     "what is due and exits.",
     cmd_mail},
    {"count-ballots", "tandem count-ballots", "open the sealed ballots that are due",
     "Opens the sealed ballots and 360-degree answers that are due, as `tandem mail`\n"
     "does on every pass: a batch of a poll's oldest once twice its threshold are\n"
     "waiting (the newest threshold's worth stay sealed), and everything left of a poll\n"
     "or round that has closed, after which its key (TANDEM_KEYS) is destroyed.\n"
     "Prints how many were opened.",
     cmd_count_ballots},
    {"migrate", "tandem migrate", "apply new database migrations",
     "Applies the migrations in TANDEM_SQL (sql/NNNN_*.sql) that have not run yet,\n"
     "each in its own transaction. Refuses to go on if an applied file was edited.",
     cmd_migrate},
    {"demo", "tandem demo [--copy TAG]", "load the demo colleges",
     "Loads the demo colleges, Riverside and Northgate (TANDEM_SQL/demo/*.sql), in one\n"
     "transaction; running it again changes nothing. Demo accounts get the password\n" DEMO_PASSWORD
     ".\n\n"
     "--copy TAG loads another copy of them, as the colleges TAG and TAG-north, with\n"
     "every username ending in .TAG (amira.TAG) and every email address in +TAG\n"
     "(amira+TAG@riverside.example): the end-to-end tests give each test file its own.\n"
     "Copies load only where the demo itself is not loaded, one at a time.",
     cmd_demo},
    {"set-password", "tandem set-password USERNAME", "set someone's password",
     "Reads a new password (at least 10 characters) from standard input and sets it\n"
     "for USERNAME.",
     cmd_set_password},
    {"import-users", "tandem import-users FILE.csv", "add and update people from a CSV file",
     "       " IMPORT_USAGE "\n\n"
     "Imports people into a college (the only one, or --institution SLUG) from a CSV\n"
     "file with the header " IMPORT_COLUMNS ",\n"
     "as the page /admin/import does. The whole file is checked first: if any line\n"
     "has a problem, each is printed as \"line N: column: problem\", nothing is\n"
     "imported and the exit status is 1. Otherwise, in one transaction, new people\n"
     "are created, people already in the college get the file's email and name and\n"
     "keep their roles plus the file's, and cohort memberships are added; the counts\n"
     "are printed, then \"USERNAME  /reset/TOKEN\" for each new person: a one-time\n"
     "link to choose a password, valid for 24 hours. Each new person with an email\n"
     "address is also sent a welcome mail with a link of their own (by `tandem mail`),\n"
     "unless --no-email. Importing the same file again changes nothing.",
     cmd_import_users},
    {"institution", INSTITUTION_ADD_USAGE, "add a college",
     "Adds a college: SLUG is its short name in addresses (2 to 40 lower-case\n"
     "letters, digits and hyphens), NAME its full name. On a new Tandem, add the\n"
     "college first, then its first administrator with `tandem user add`.",
     cmd_institution},
    {"user", "tandem user add USERNAME ...", "add one person (the first admin, say)", USER_HELP,
     cmd_user},
    {"rerender", "tandem rerender", "render stored rich text again",
     "       " RERENDER_USAGE "\n\n"
     "Renders every stored piece of rich text again from the Markdown it was written\n"
     "in, through today's Markdown renderer and sanitiser, so that a change to either\n"
     "reaches what was saved before it; with --institution, only that college's.\n"
     "Only rows whose HTML comes out different are written, in batches of rows, each\n"
     "in its own transaction, so running it again writes nothing; the site may stay\n"
     "up meanwhile. Prints, for each table, how many rows were rendered and how many\n"
     "changed. A mentoring thread a running server has kept in memory shows its old\n"
     "HTML until the thread has a new message or the server restarts.",
     cmd_rerender},
    {"explain", EXPLAIN_USAGE, "show how the database runs a statement",
     "Prepares every statement as a server worker does and prints the database's plan\n"
     "for STATEMENT (a name from the program's statement tables) with the given\n"
     "parameters (\\N for NULL). --generic shows the plan a worker keeps once it has\n"
     "run the statement a few times; --analyze runs it and shows times and buffers.",
     cmd_explain},
    {"check-statements", "tandem check-statements", "check every statement's columns",
     "Prepares every statement of the program, as a server worker does when it\n"
     "connects, and checks that each returns the columns declared with it. Prints each\n"
     "that does not (exit status 1), or how many were checked.",
     cmd_check_statements},
    {"version", "tandem version", "print the version",
     "Prints the version of Tandem and of its libraries.", cmd_version},
};
#define N_COMMANDS (sizeof commands / sizeof *commands)

static void usage(FILE *out)
{
    fprintf(out, "usage: tandem COMMAND [--help]\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-30s %s\n", commands[i].usage, commands[i].summary);
    fprintf(out, "\nConfiguration comes from the environment: see README.md.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const command *cmd = NULL;
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            cmd = &commands[i];
    if (!cmd) {
        fprintf(stderr, "tandem: unknown command \"%s\"\n\n", argv[1]);
        usage(stderr);
        return 2;
    }
    /* --help anywhere: `tandem user add --help` as well as `tandem user --help`. */
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0) {
            printf("usage: %s\n\n%s\n", cmd->usage, cmd->help);
            return 0;
        }
    static config cfg;
    char err[512];
    if (config_load(&cfg, err, sizeof err) != 0) {
        fprintf(stderr, "tandem: %s\n", err);
        return 2;
    }
    tandem_config = &cfg;
    if (sodium_init() < 0) {
        fprintf(stderr, "tandem: libsodium failed to initialise\n");
        return 1;
    }
    /* libcurl's global state is set up once, before any thread. */
    if (oidc_global_init() != 0) {
        fprintf(stderr, "tandem: libcurl failed to initialise\n");
        return 1;
    }
    return cmd->run(argc - 2, argv + 2);
}
