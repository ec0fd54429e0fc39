#include "notify.h"

#include <stdio.h>

const db_statement notify_statements[] = {
    {"notify_insert",
     "INSERT INTO notifications (institution_id, user_id, actor_id, kind, subject,"
     "  link) VALUES ($1, $2, $3, $4, left($5, 300), $6)",
     0},
    {NULL, NULL},
};

bool notify(request *r, long long user_id, const char *kind, const char *subject, const char *link)
{
    if (!r->user || user_id == r->user->id)
        return true;
    char inst[24], user[24], actor[24];
    snprintf(inst, sizeof inst, "%lld", r->user->institution_id);
    snprintf(user, sizeof user, "%lld", user_id);
    snprintf(actor, sizeof actor, "%lld", r->user->id);
    const char *params[] = {inst, user, actor, kind, subject, link};
    PGresult *res = db_run(r->db, "notify_insert", ARRAY_SIZE(params), params);
    bool ok = res != NULL;
    PQclear(res);
    return ok;
}
