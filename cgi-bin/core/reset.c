#include "reset.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "db.h"

/* The hash the database keeps of token: the same as of session tokens
 * (core/session.c), so one function of the database's content never
 * reveals a usable token. */
static void token_hash(const char *token, char hash[65])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(hash, 65, h, sizeof h);
}

void reset_new_token(char token[RESET_TOKEN_LEN + 1], char hash[65])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(token, RESET_TOKEN_LEN + 1, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    token_hash(token, hash);
}

/* Runs sql, a command, with n text parameters on conn: 0 or -1. */
static int command(PGconn *conn, const char *sql, int n, const char *const *params)
{
    PGresult *res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
    int rc = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : -1;
    PQclear(res);
    return rc;
}

int reset_revoke(PGconn *conn, const char *token)
{
    char hash[65];
    token_hash(token, hash);
    const char *params[] = {hash};
    return command(conn,
                   "UPDATE password_resets SET used_at = now()"
                   " WHERE token_hash = $1 AND used_at IS NULL",
                   ARRAY_SIZE(params), params);
}

int reset_issue(PGconn *conn, long long user_id, long long institution_id, long long created_by,
                char token[RESET_TOKEN_LEN + 1])
{
    char hash[65], user[24], inst[24], by[24];
    reset_new_token(token, hash);
    snprintf(user, sizeof user, "%lld", user_id);
    snprintf(inst, sizeof inst, "%lld", institution_id);
    snprintf(by, sizeof by, "%lld", created_by);
    const char *params[] = {hash, user, inst, by};
    return command(conn,
                   "INSERT INTO password_resets (token_hash, user_id, institution_id,"
                   " created_by) VALUES ($1, $2, $3, NULLIF($4, '0')::bigint)",
                   ARRAY_SIZE(params), params);
}
