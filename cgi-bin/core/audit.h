/* audit: the append-only record of who did what, when, from where. Each
 * event is written in the same transaction as the change it describes, so
 * there is never a change without its record or a record without its change. */
#ifndef TANDEM_AUDIT_H
#define TANDEM_AUDIT_H
#include <libpq-fe.h>
#include <stdbool.h>

#include "../http/request.h"
#include "db.h"

extern const db_statement audit_statements[];

/* Records action by r's signed-in person (or a visitor) from r's address.
 * target_user_id 0: none. institution_id 0: the actor's college, or none
 * for a visitor. detail is a short human-readable sentence. */
bool audit(request *r, const char *action, long long target_user_id, long long institution_id,
           const char *detail);

/* The same with an explicit actor: signing in, where the person is known
 * only once the password was right and r->user is not set yet. */
bool audit_by(request *r, long long actor_id, const char *action, long long target_user_id,
              long long institution_id, const char *detail);

/* The same from the command line, where there is no request and no actor. */
bool audit_cli(PGconn *conn, const char *action, long long target_user_id, long long institution_id,
               const char *detail);

#endif
