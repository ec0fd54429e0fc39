#include "housekeeping.h"

#include <stdio.h>

#include "log.h"

/* Each statement deletes what is past use and returns how many rows. */
enum { HK_DELETED, HOUSEKEEPING_COLUMNS };

const db_statement housekeeping_statements[] = {
    /* $1 idle minutes, $2 hours at most (TANDEM_SESSION_*), as
     * session_lookup refuses them, and a day more: an ended session's row
     * says whose a form sent after it ended is (pages/kept_form.c). */
    {"housekeeping_sessions",
     "WITH gone AS (DELETE FROM sessions"
     "               WHERE last_seen_at < now() - make_interval(mins => $1::int) - interval '1 day'"
     "                  OR created_at < now() - make_interval(hours => $2::int + 24) RETURNING 1)"
     " SELECT count(*) FROM gone",
     HOUSEKEEPING_COLUMNS},
    /* A form's one-time key outlives any Back and send again. */
    {"housekeeping_form_keys",
     "WITH gone AS (DELETE FROM form_keys WHERE created_at < now() - interval '1 day'"
     "              RETURNING 1)"
     " SELECT count(*) FROM gone",
     HOUSEKEEPING_COLUMNS},
    /* A form kept after its session ended waits an hour. */
    {"housekeeping_kept_forms",
     "WITH gone AS (DELETE FROM kept_forms WHERE created_at < now() - interval '1 hour'"
     "              RETURNING 1)"
     " SELECT count(*) FROM gone",
     HOUSEKEEPING_COLUMNS},
    /* login_throttle counts a day of failures (login_failures_at). */
    {"housekeeping_login_failures",
     "WITH gone AS (DELETE FROM login_failures WHERE at < now() - interval '1 day' RETURNING 1)"
     " SELECT count(*) FROM gone",
     HOUSEKEEPING_COLUMNS},
    {"housekeeping_password_links",
     "WITH gone AS (DELETE FROM password_resets"
     "               WHERE used_at IS NOT NULL OR expires_at < now() RETURNING 1)"
     " SELECT count(*) FROM gone",
     HOUSEKEEPING_COLUMNS},
    /* A device cookie lives a year from its last sign-in (account.c). */
    {"housekeeping_devices",
     "WITH gone AS (DELETE FROM sign_in_devices"
     "               WHERE last_used_at < now() - interval '1 year' RETURNING 1)"
     " SELECT count(*) FROM gone",
     HOUSEKEEPING_COLUMNS},
    /* A single sign-on on its way lives 10 minutes (pages/oidc.c). */
    {"housekeeping_oidc_requests",
     "WITH gone AS (DELETE FROM oidc_requests"
     "               WHERE created_at < now() - interval '10 minutes' RETURNING 1)"
     " SELECT count(*) FROM gone",
     HOUSEKEEPING_COLUMNS},
    {NULL, NULL, 0},
};

/* Each statement above, what it deletes, and whether it takes the
 * sessions' lifetimes. */
static const struct {
    const char *statement, *what;
    bool lifetimes;
} chores[] = {
    {"housekeeping_sessions", "sessions", true},
    {"housekeeping_kept_forms", "forms kept after their sessions ended", false},
    {"housekeeping_form_keys", "forms' one-time keys", false},
    {"housekeeping_login_failures", "failed sign-ins", false},
    {"housekeeping_password_links", "password links", false},
    {"housekeeping_devices", "device cookies", false},
    {"housekeeping_oidc_requests", "unfinished single sign-ons", false},
};

bool housekeeping_pass(db *d, const config *c)
{
    char idle[16], hours[16];
    snprintf(idle, sizeof idle, "%d", c->session_idle_minutes);
    snprintf(hours, sizeof hours, "%d", c->session_max_hours);
    const char *lifetimes[] = {idle, hours};
    bool ok = true;
    for (size_t i = 0; i < ARRAY_SIZE(chores); i++) {
        PGresult *res = chores[i].lifetimes
                            ? db_run(d, chores[i].statement, ARRAY_SIZE(lifetimes), lifetimes)
                            : db_run(d, chores[i].statement, 0, NULL);
        long long deleted = res ? db_int(res, 0, HK_DELETED) : 0;
        if (deleted)
            log_info("housekeeping: deleted %lld %s", deleted, chores[i].what);
        ok = ok && res;
        PQclear(res);
    }
    return ok;
}
