/* sealed.c: key files and sealed ballots. A ballot sealed to a poll's key
 * opens with that key only, to exactly what was sealed; every ballot of a
 * poll has one sealed size whatever it says; a key once destroyed is gone
 * from the disk and nothing sealed to it opens again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../cgi-bin/core/sealed.h"
#include "../../cgi-bin/pages/voice_mix.h"
#include "unit.h"

typedef struct {
    char dir[64];
    arena mem;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/tandem-keys.XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    arena_init(&f->mem, 1 << 16);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    int rc = system(cmd);
    arena_free(&f->mem);
    free(f);
    return rc == 0 ? 0 : -1;
}

/* The bytes of a "\x…" literal, for opening as a binary result gives it. */
static unsigned char *unhex(arena *a, const char *hex, size_t *len)
{
    size_t n = (strlen(hex) - 2) / 2;
    unsigned char *out = arena_alloc(a, n);
    sodium_hex2bin(out, n, hex + 2, strlen(hex) - 2, NULL, len, NULL);
    return out;
}

static void seal_and_open_with_the_poll_key(void **state)
{
    fixture *f = *state;
    unsigned char pk[SEALED_KEY_BYTES], pk2[SEALED_KEY_BYTES], sk[SEALED_KEY_BYTES];
    assert_int_equal(sealed_key_create(f->dir, "poll-7", pk), 0);
    assert_true(sealed_key_present(f->dir, "poll-7"));
    char path[128];
    struct stat st;
    snprintf(path, sizeof path, "%s/poll-7.key", f->dir);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(sealed_key_load(f->dir, "poll-7", pk2, sk), 0);
    assert_memory_equal(pk, pk2, sizeof pk);

    const char *ballot = "o12,0\nt5,5\nhello";
    const char *hex = sealed_seal_hex(&f->mem, pk, ballot, strlen(ballot), 256);
    assert_non_null(hex);
    size_t len, out_len;
    unsigned char *bytes = unhex(&f->mem, hex, &len);
    assert_int_equal(len, 256 + crypto_box_SEALBYTES);
    char *plain = sealed_open(&f->mem, pk, sk, bytes, len, &out_len);
    assert_non_null(plain);
    assert_int_equal(out_len, strlen(ballot));
    assert_string_equal(plain, ballot);
}

/* A short ballot and a long one seal to the same size. */
static void every_ballot_has_one_size(void **state)
{
    fixture *f = *state;
    unsigned char pk[SEALED_KEY_BYTES];
    assert_int_equal(sealed_key_create(f->dir, "poll-8", pk), 0);
    size_t size = voice_ballot_size(4, 1);
    char long_text[8100];
    memset(long_text, 'x', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    const char *a = sealed_seal_hex(&f->mem, pk, "o1,0\n", 5, size);
    const char *b = sealed_seal_hex(&f->mem, pk, long_text, 8000, size);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(strlen(a), strlen(b));
    /* Longer than the poll's ballots can be: refused, never truncated. */
    assert_null(sealed_seal_hex(&f->mem, pk, long_text, size, size));
}

/* Another poll's key, or a changed byte: nothing opens. */
static void tampered_or_other_key_does_not_open(void **state)
{
    fixture *f = *state;
    unsigned char pk[SEALED_KEY_BYTES], pk2[SEALED_KEY_BYTES], sk2[SEALED_KEY_BYTES];
    assert_int_equal(sealed_key_create(f->dir, "poll-9", pk), 0);
    assert_int_equal(sealed_key_create(f->dir, "poll-10", pk2), 0);
    assert_int_equal(sealed_key_load(f->dir, "poll-10", pk2, sk2), 0);
    const char *hex = sealed_seal_hex(&f->mem, pk, "o1,0\n", 5, 64);
    size_t len, out_len;
    unsigned char *bytes = unhex(&f->mem, hex, &len);
    assert_null(sealed_open(&f->mem, pk2, sk2, bytes, len, &out_len));
    unsigned char sk[SEALED_KEY_BYTES];
    assert_int_equal(sealed_key_load(f->dir, "poll-9", pk, sk), 0);
    bytes[len - 1] ^= 1;
    assert_null(sealed_open(&f->mem, pk, sk, bytes, len, &out_len));
    bytes[len - 1] ^= 1;
    assert_non_null(sealed_open(&f->mem, pk, sk, bytes, len, &out_len));
    assert_null(sealed_open(&f->mem, pk, sk, bytes, crypto_box_SEALBYTES, &out_len));
}

static void a_destroyed_key_is_gone(void **state)
{
    fixture *f = *state;
    unsigned char pk[SEALED_KEY_BYTES], sk[SEALED_KEY_BYTES];
    assert_int_equal(sealed_key_create(f->dir, "round-3", pk), 0);
    assert_int_equal(sealed_key_destroy(f->dir, "round-3"), 0);
    assert_false(sealed_key_present(f->dir, "round-3"));
    assert_int_equal(sealed_key_load(f->dir, "round-3", pk, sk), -1);
    /* Destroying what is already gone is not an error. */
    assert_int_equal(sealed_key_destroy(f->dir, "round-3"), 0);
}

static void public_keys_parse_only_when_whole(void **state)
{
    fixture *f = *state;
    unsigned char pk[SEALED_KEY_BYTES], back[SEALED_KEY_BYTES];
    randombytes_buf(pk, sizeof pk);
    const char *hex = sealed_key_hex(&f->mem, pk);
    assert_true(sealed_key_parse(hex, back));
    assert_memory_equal(pk, back, sizeof pk);
    assert_false(sealed_key_parse("", back));
    assert_false(sealed_key_parse("\\x00", back));
}

int run_sealed_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(seal_and_open_with_the_poll_key, setup, teardown),
        cmocka_unit_test_setup_teardown(every_ballot_has_one_size, setup, teardown),
        cmocka_unit_test_setup_teardown(tampered_or_other_key_does_not_open, setup, teardown),
        cmocka_unit_test_setup_teardown(a_destroyed_key_is_gone, setup, teardown),
        cmocka_unit_test_setup_teardown(public_keys_parse_only_when_whole, setup, teardown),
    };
    return cmocka_run_group_tests_name("sealed", tests, NULL, NULL);
}
