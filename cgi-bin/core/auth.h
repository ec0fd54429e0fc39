/* auth: roles, capabilities, and the one table that maps one to the other.
 * Pages ask for a capability, never for a role name. */
#ifndef TANDEM_AUTH_H
#define TANDEM_AUTH_H
#include <stdbool.h>

#include "../http/request.h"
#include "db.h"

/* Site-wide roles, stored as a bit set in users.roles. */
enum role {
    ROLE_STUDENT = 1 << 0,
    ROLE_STAFF = 1 << 1,
    ROLE_MANAGER = 1 << 2,
    ROLE_LEADER = 1 << 3,
    ROLE_INSTITUTION_ADMIN = 1 << 4,
    ROLE_SITE_ADMIN = 1 << 5,
    ROLE_UNION_OFFICER = 1 << 6, /* students' union: runs college-wide polls */
};
/* Who keeps a Personalised Leadership Plan and answers colleagues' 360-degree
 * feedback: members of staff. */
#define LP_STAFF_ROLES (ROLE_STAFF | ROLE_MANAGER | ROLE_LEADER)

enum capability {
    CAP_PUBLIC,     /* anyone, signed in or not */
    CAP_SIGNED_IN,  /* any active account */
    CAP_ADMINISTER, /* administration of one's college (site admins: of all) */
    CAP_SITE_ADMIN, /* colleges themselves: create institutions */
    CAP_LEAD,       /* the college's aggregated views, for senior leaders */
    CAP_COUNT
};

/* May u (NULL for a visitor) use capability cap? */
bool auth_can(const session_user *u, enum capability cap);
/* True when u administers every college, not only their own. */
bool auth_all_institutions(const session_user *u);

/* The college boundary. A statement that reads a viewer's college comes in
 * two forms, each with a plan of its own: NAME keeps to one college with
 * "institution_id = $n" (first in the index it uses), the college being
 * its last parameter; NAME_all, for site administrators, who see every
 * college, has no such predicate and takes one parameter fewer. Never
 * "institution_id = $n OR $m": one generic plan for both cannot use the
 * index, and scans every college. */
#define AUTH_ALL_SUFFIX "_all"
/* The call of statement with params[0 .. n-1] for the signed-in r->user:
 * NAME_all with the params alone when they administer every college, else
 * NAME with their college added as parameter n + 1. In r's arena; out of
 * memory, a call that fails when run. */
db_call auth_scoped(request *r, const char *statement, int n, const char *const *params);

/* "student, staff" for a role set, into the arena. */
const char *auth_role_names(arena *a, unsigned roles);
/* Parses one role name ("student", "institution_admin", …); 0 if unknown. */
unsigned auth_role_from_name(const char *name);

/* Argon2id hash of password into out (crypto_pwhash_STRBYTES); 0 or -1. At
 * most two hashes run at once, so a burst of sign-ins cannot exhaust memory. */
int auth_hash_password(const char *password, char *out);
/* Constant-time check of password against a stored hash. A NULL hash still
 * costs one verification, so timing does not reveal unknown accounts. */
bool auth_check_password(const char *password, const char *hash);

#endif
