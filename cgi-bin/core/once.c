#include "once.h"

#include <string.h>

#include "../http/response.h"
#include "render.h"
#include "session.h"

#define FORM_KEY_FIELD "form_key"

/* once_claim: whether this sending claimed the key; else where the first
 * one led (NULL while it is still on its way). */
enum { OC_CLAIMED, OC_LOCATION, ONCE_CLAIM_COLUMNS };

// clang-format off
const db_statement once_statements[] = {
    /* Key hash $1 claimed for person $2, unless it is claimed already;
     * a claim still without a location after 30 seconds was a sending
     * that never finished (a crash), and may be claimed again. */
    {"once_claim",
     "WITH claim AS ("
     "  INSERT INTO form_keys (key_hash, user_id) VALUES ($1, $2)"
     "  ON CONFLICT (key_hash) DO UPDATE SET created_at = now()"
     "   WHERE form_keys.user_id = $2 AND form_keys.location IS NULL"
     "     AND form_keys.created_at < now() - interval '30 seconds'"
     "  RETURNING 1)"
     " SELECT EXISTS (SELECT 1 FROM claim),"
     "        (SELECT location FROM form_keys WHERE key_hash = $1 AND user_id = $2)",
     ONCE_CLAIM_COLUMNS},
    {"once_settle", "UPDATE form_keys SET location = $3 WHERE key_hash = $1 AND user_id = $2", 0},
    {"once_free", "DELETE FROM form_keys WHERE key_hash = $1 AND user_id = $2", 0},
    {NULL, NULL},
};
// clang-format on

const char *once_key(request *r)
{
    return session_random_token(r->mem);
}

/* The hash of the key r's form carries, or NULL when it carries none. */
static const char *sent_key(request *r)
{
    const http_field *key = req_body(r, FORM_KEY_FIELD);
    return r->user && key && *key->value ? session_token_hash(r->mem, key->value) : NULL;
}

bool once_begin(request *r)
{
    const char *hash = sent_key(r);
    if (!hash)
        return true;
    const char *params[] = {hash, req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "once_claim", ARRAY_SIZE(params), params);
    bool claimed = res && strcmp(db_text(res, 0, OC_CLAIMED), "t") == 0;
    if (!res)
        render_db_failed(r);
    else if (!claimed && !PQgetisnull(res, 0, OC_LOCATION))
        resp_redirect(r, arena_strdup(r->mem, db_text(res, 0, OC_LOCATION)));
    else if (!claimed)
        render_error(r, 409,
                     "This form was sent already and is still on its way. Wait a moment, then "
                     "open the page again to see it.");
    PQclear(res);
    return claimed;
}

void once_end(request *r)
{
    const char *hash = sent_key(r);
    if (!hash)
        return;
    const char *params[] = {hash, req_id_text(r, r->user->id), r->location};
    bool led = r->status == 303 && r->location && resp_local_path(r->location);
    PGresult *res =
        led ? db_run(r->db, "once_settle", 3, params) : db_run(r->db, "once_free", 2, params);
    PQclear(res);
}
