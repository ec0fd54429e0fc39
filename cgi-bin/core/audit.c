#include "audit.h"

#include <stdio.h>

#define AUDIT_INSERT                                                                               \
    "INSERT INTO audit_log (institution_id, actor_id, action, target_user_id, detail, address)"    \
    " VALUES (NULLIF($1, '0')::bigint, NULLIF($2, '0')::bigint, $3, NULLIF($4, '0')::bigint,"      \
    "         left($5, 1000), left($6, 100))"

const db_statement audit_statements[] = {
    {"audit_insert", AUDIT_INSERT, 0},
    {NULL, NULL},
};

bool audit(request *r, const char *action, long long target_user_id, long long institution_id,
           const char *detail)
{
    return audit_by(r, r->user ? r->user->id : 0, action, target_user_id, institution_id, detail);
}

bool audit_by(request *r, long long actor_id, const char *action, long long target_user_id,
              long long institution_id, const char *detail)
{
    char inst[24], actor[24], target[24];
    if (!institution_id && r->user)
        institution_id = r->user->institution_id;
    snprintf(inst, sizeof inst, "%lld", institution_id);
    snprintf(actor, sizeof actor, "%lld", actor_id);
    snprintf(target, sizeof target, "%lld", target_user_id);
    const char *params[] = {inst, actor, action, target, detail ? detail : "", r->remote_addr};
    PGresult *res = db_run(r->db, "audit_insert", ARRAY_SIZE(params), params);
    bool ok = res != NULL;
    PQclear(res);
    return ok;
}

bool audit_cli(PGconn *conn, const char *action, long long target_user_id, long long institution_id,
               const char *detail)
{
    char inst[24], target[24];
    snprintf(inst, sizeof inst, "%lld", institution_id);
    snprintf(target, sizeof target, "%lld", target_user_id);
    const char *params[] = {inst, "0", action, target, detail ? detail : "", "command line"};
    PGresult *res =
        PQexecParams(conn, AUDIT_INSERT, ARRAY_SIZE(params), NULL, params, NULL, NULL, 0);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    return ok;
}
