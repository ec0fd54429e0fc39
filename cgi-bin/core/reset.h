/* reset: one-time password-reset links. The link holds a random token; the
 * database keeps only its hash, an expiry 24 hours ahead and when it was used. */
#ifndef TANDEM_RESET_H
#define TANDEM_RESET_H
#include <libpq-fe.h>

#define RESET_TOKEN_LEN 43

/* Issues a link for user_id (of institution_id), made by created_by (0 for
 * the command line), on conn, inside the caller's transaction if any. Writes
 * the token (to be shown once, as /reset/TOKEN) into token. Returns 0 or -1. */
int reset_issue(PGconn *conn, long long user_id, long long institution_id, long long created_by,
                char token[RESET_TOKEN_LEN + 1]);

/* Marks the link of token used, so that it can never work (a mail that
 * held it was not sent). Returns 0 or -1. */
int reset_revoke(PGconn *conn, const char *token);

/* Fills token with 43 URL-safe characters from 32 random bytes, and hash
 * with its 64-character hex hash (what the database keeps). */
void reset_new_token(char token[RESET_TOKEN_LEN + 1], char hash[65]);

#endif
