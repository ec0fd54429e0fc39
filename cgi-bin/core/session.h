/* session: who is signed in, and the CSRF token that proves a form came
 * from Tandem. Only a hash of the session token is ever stored. */
#ifndef TANDEM_SESSION_H
#define TANDEM_SESSION_H
#include <stdbool.h>

#include "../http/request.h"
#include "db.h"

extern const db_statement session_statements[];

#define SESSION_COOKIE "tandem_session"
#define VISITOR_CSRF_COOKIE "tandem_csrf"

/* Reads the session cookie and, if it names a live session of an active
 * account, sets r->user (and refreshes the idle timer at most once a
 * minute), and r->prefetched to the result of the route's prefetch
 * statement, run in the same round trip. Returns 0, or 503 when the
 * database cannot answer. */
int session_load(request *r);

/* The route's prefetches for whoever asks, for a public page: a signed-in
 * person's came with the session; for a visitor they run now (in one round
 * trip), with '' as the session's hash. *also may be NULL. What was run
 * here is in own[0..1], for the caller to PQclear; NULL results mean the
 * database did not answer. */
void session_prefetched(request *r, PGresult *own[2], const PGresult **first,
                        const PGresult **also);

/* Signs user_id in: a new random token (never reusing one the browser
 * sent, so a planted token is useless), a new CSRF token, the cookie. */
int session_start(request *r, long long user_id);

/* Deletes the current session server-side and clears the cookie. */
int session_end(request *r);

/* The token to put in forms: the session's, or for a visitor a random one
 * kept in a cookie (double submit), created on first use. */
const char *csrf_token(request *r);

/* True when a state-changing request carries the right token and, if the
 * browser sent an Origin header, it is this site's own origin. */
bool csrf_valid(request *r);

/* 43 characters of URL-safe base64 from 32 random bytes, into the arena. */
char *session_random_token(arena *a);
/* Hex BLAKE2b-256 of a token, into the arena: what the database keeps. */
char *session_token_hash(arena *a, const char *token);

#endif
