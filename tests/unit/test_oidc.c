/* oidc_client.c: the pieces that need no provider. PKCE's S256 challenge
 * is RFC 7636's own example; a client secret sealed for the database opens
 * with the key it was sealed to, and only with it, to exactly what was
 * typed, and the sealed form does not hold the secret in the clear. The
 * flow itself is tested end to end (tests/e2e/oidc.test.mjs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../cgi-bin/core/oidc_client.h"
#include "unit.h"

typedef struct {
    char dir[64], other[64];
    arena mem;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/tandem-oidc.XXXXXX");
    snprintf(f->other, sizeof f->other, "/tmp/tandem-oidc.XXXXXX");
    if (!f || !mkdtemp(f->dir) || !mkdtemp(f->other))
        return -1;
    arena_init(&f->mem, 1 << 16);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf %s %s", f->dir, f->other);
    int rc = system(cmd);
    arena_free(&f->mem);
    free(f);
    return rc == 0 ? 0 : -1;
}

static void pkce_is_rfc_7636s_example(void **state)
{
    fixture *f = *state;
    assert_string_equal(oidc_pkce_challenge(&f->mem, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void a_sealed_secret_opens_with_its_key_only(void **state)
{
    fixture *f = *state;
    const char *secret = "Qx8~a-client-secret.from_Entra";
    const char *sealed = oidc_secret_seal(&f->mem, f->dir, secret);
    assert_non_null(sealed);
    assert_true(strncmp(sealed, "\\x", 2) == 0);
    assert_not_contains(sealed, secret);
    /* The key pair was made on first use, readable by its owner only. */
    char path[128];
    struct stat st;
    snprintf(path, sizeof path, "%s/oidc-secrets.key", f->dir);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_string_equal(oidc_secret_open(&f->mem, f->dir, sealed), secret);
    /* A second secret uses the same key; both still open. */
    const char *again = oidc_secret_seal(&f->mem, f->dir, "another");
    assert_int_equal(strlen(again), strlen(sealed)); /* one size whatever the length */
    assert_string_equal(oidc_secret_open(&f->mem, f->dir, sealed), secret);
    assert_string_equal(oidc_secret_open(&f->mem, f->dir, again), "another");
    /* Another key, a damaged box or no box at all: nothing opens. */
    assert_non_null(oidc_secret_seal(&f->mem, f->other, "x"));
    assert_null(oidc_secret_open(&f->mem, f->other, sealed));
    char *damaged = (char *)arena_strdup(&f->mem, sealed);
    damaged[10] = damaged[10] == 'a' ? 'b' : 'a';
    assert_null(oidc_secret_open(&f->mem, f->dir, damaged));
    assert_null(oidc_secret_open(&f->mem, f->dir, ""));
    assert_null(oidc_secret_open(&f->mem, f->dir, "\\xzz"));
}

int run_oidc_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(pkce_is_rfc_7636s_example, setup, teardown),
        cmocka_unit_test_setup_teardown(a_sealed_secret_opens_with_its_key_only, setup, teardown),
    };
    return cmocka_run_group_tests_name("oidc", tests, NULL, NULL);
}
