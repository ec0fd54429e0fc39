#include "auth.h"

#include <pthread.h>
#include <semaphore.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const struct {
    enum role role;
    const char *name;
} role_names[] = {
    {ROLE_STUDENT, "student"},
    {ROLE_STAFF, "staff"},
    {ROLE_MANAGER, "manager"},
    {ROLE_LEADER, "leader"},
    {ROLE_INSTITUTION_ADMIN, "institution_admin"},
    {ROLE_SITE_ADMIN, "site_admin"},
    {ROLE_UNION_OFFICER, "union_officer"},
};

/* The capability table: which roles grant each capability. 0 means any
 * signed-in person; CAP_PUBLIC needs no account at all. */
static const unsigned capability_roles[CAP_COUNT] = {
    [CAP_PUBLIC] = 0,
    [CAP_SIGNED_IN] = 0,
    [CAP_ADMINISTER] = ROLE_INSTITUTION_ADMIN | ROLE_SITE_ADMIN,
    [CAP_SITE_ADMIN] = ROLE_SITE_ADMIN,
    [CAP_LEAD] = ROLE_LEADER,
};

bool auth_all_institutions(const session_user *u)
{
    return u && (u->roles & ROLE_SITE_ADMIN);
}

/* Out of memory, a call of a statement never prepared: it fails, where a
 * NULL name would run libpq's unnamed statement, whatever that was. */
#define NOT_PREPARED "auth_scoped: out of memory"

db_call auth_scoped(request *r, const char *statement, int n, const char *const *params)
{
    if (auth_all_institutions(r->user)) {
        const char *all = arena_printf(r->mem, "%s" AUTH_ALL_SUFFIX, statement);
        return (db_call){all ? all : NOT_PREPARED, n, params};
    }
    const char **with = arena_alloc(r->mem, (size_t)(n + 1) * sizeof *with);
    if (!with)
        return (db_call){NOT_PREPARED, 0, NULL};
    for (int i = 0; i < n; i++)
        with[i] = params[i];
    with[n] = req_id_text(r, r->user->institution_id);
    return (db_call){statement, n + 1, with};
}

bool auth_can(const session_user *u, enum capability cap)
{
    if (cap == CAP_PUBLIC)
        return true;
    if (!u || cap >= CAP_COUNT)
        return false;
    return capability_roles[cap] == 0 || (u->roles & capability_roles[cap]) != 0;
}

const char *auth_role_names(arena *a, unsigned roles)
{
    char out[160] = "";
    for (size_t i = 0; i < sizeof role_names / sizeof *role_names; i++)
        if (roles & role_names[i].role) {
            if (out[0])
                strcat(out, ", ");
            strcat(out, role_names[i].name);
        }
    return arena_strdup(a, out);
}

unsigned auth_role_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof role_names / sizeof *role_names; i++)
        if (strcmp(role_names[i].name, name) == 0)
            return role_names[i].role;
    return 0;
}

/* Argon2id at 19 MiB and 2 passes (OWASP's minimum); with at most two at a
 * time a burst of sign-ins costs at most ~40 MB. */
#define HASH_OPS 2
#define HASH_MEM (19u << 20)
static pthread_once_t hash_once = PTHREAD_ONCE_INIT;
static sem_t hash_slots;

static void hash_init(void)
{
    sem_init(&hash_slots, 0, 2);
}

int auth_hash_password(const char *password, char *out)
{
    pthread_once(&hash_once, hash_init);
    sem_wait(&hash_slots);
    int rc = crypto_pwhash_str(out, password, strlen(password), HASH_OPS, HASH_MEM);
    sem_post(&hash_slots);
    return rc == 0 ? 0 : -1;
}

/* A hash of a random password nobody knows, made once, so that checking a
 * missing account costs the same time as checking a wrong password. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy_hash(void)
{
    unsigned char secret[16];
    char hex[33];
    randombytes_buf(secret, sizeof secret);
    sodium_bin2hex(hex, sizeof hex, secret, sizeof secret);
    auth_hash_password(hex, dummy_hash);
}

bool auth_check_password(const char *password, const char *hash)
{
    bool known = hash && *hash;
    if (!known) {
        pthread_once(&dummy_once, make_dummy_hash);
        hash = dummy_hash;
    }
    pthread_once(&hash_once, hash_init);
    sem_wait(&hash_slots);
    bool ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
    sem_post(&hash_slots);
    return ok && known;
}
