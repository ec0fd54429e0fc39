/* tandem: one program for the web application and its administration,
 * chosen by subcommand (like Fossil). */
#include <libpq-fe.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/auth.h"
#include "core/config.h"
#include "core/log.h"
#include "core/migrate.h"
#include "core/tpl.h"
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

/* Sets the demo password on demo accounts that have none yet, so demo
 * data stays SQL while passwords are hashed the one right way. */
static int set_demo_passwords(PGconn *conn)
{
    char hash[crypto_pwhash_STRBYTES];
    if (auth_hash_password(DEMO_PASSWORD, hash) != 0)
        return 1;
    const char *params[] = {hash};
    PGresult *res = PQexecParams(conn,
                                 "UPDATE users SET password_hash = $1 WHERE password_hash IS NULL"
                                 " AND institution_id IN (SELECT id FROM institutions WHERE demo)",
                                 1, NULL, params, NULL, NULL, 0);
    int rc = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : 1;
    if (rc)
        fprintf(stderr, "tandem: setting demo passwords: %s", PQerrorMessage(conn));
    PQclear(res);
    return rc;
}

static int cmd_demo(int argc, char **argv)
{
    (void)argc, (void)argv;
    PGconn *conn = connect_or_explain();
    if (!conn)
        return 1;
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/demo", tandem_config->sql_dir);
    int rc = migrate_load_dir(conn, dir);
    if (rc == 0)
        rc = set_demo_passwords(conn);
    if (rc == 0)
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
                                 2, NULL, params, NULL, NULL, 0);
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
    {"migrate", "tandem migrate", "apply new database migrations",
     "Applies the migrations in TANDEM_SQL (sql/NNNN_*.sql) that have not run yet,\n"
     "each in its own transaction. Refuses to go on if an applied file was edited.",
     cmd_migrate},
    {"demo", "tandem demo", "load the demo college",
     "Loads the demo college (TANDEM_SQL/demo/*.sql) in one transaction; running it\n"
     "again changes nothing. Demo accounts get the password " DEMO_PASSWORD ".",
     cmd_demo},
    {"set-password", "tandem set-password USERNAME", "set someone's password",
     "Reads a new password (at least 10 characters) from standard input and sets it\n"
     "for USERNAME.",
     cmd_set_password},
    {"version", "tandem version", "print the version", "Prints the version of Tandem and of its libraries.",
     cmd_version},
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
    if (argc > 2 && strcmp(argv[2], "--help") == 0) {
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
    return cmd->run(argc - 2, argv + 2);
}
