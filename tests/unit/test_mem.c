/* arena.c and buf.c: the per-request memory that a worker reuses. */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/buf.h"
#include "unit.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static void arena_alloc_zeroes_and_aligns(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 256);
    for (size_t n = 1; n < 600; n += 37) {
        unsigned char *p = arena_alloc(&a, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(p[i], 0);
        memset(p, 0xAB, n); /* ASan would catch an allocation smaller than n */
    }
    arena_free(&a);
    assert_null(a.head);
}

static void arena_strings(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 64);
    assert_string_equal(arena_strdup(&a, "hello"), "hello");
    char *s = arena_strndup(&a, "abcdef", 3);
    assert_string_equal(s, "abc");
    assert_string_equal(arena_printf(&a, "%d-%s-%05.1f", 42, "x", 2.25), "42-x-002.2");
    /* Longer than a chunk. */
    char *big = arena_printf(&a, "%0300d", 7);
    assert_int_equal(strlen(big), 300);
    assert_int_equal(big[299], '7');
    /* Earlier strings survive later chunks. */
    assert_string_equal(s, "abc");
    arena_free(&a);
}

static void arena_refuses_impossible_sizes(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1024);
    assert_null(arena_alloc(&a, SIZE_MAX));
    assert_null(arena_alloc(&a, SIZE_MAX - 1));
    /* Passes the alignment check, and would wrap the chunk header size. */
    assert_null(arena_alloc(&a, SIZE_MAX - 20));
    assert_non_null(arena_alloc(&a, 16)); /* still usable */
    arena_free(&a);
}

/* After a reset the arena hands out its first chunk again, from the start. */
static void arena_reset_reuses_first_chunk(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 4096);
    char *first = arena_alloc(&a, 100);
    for (int i = 0; i < 100; i++) /* many ordinary chunks */
        assert_non_null(arena_alloc(&a, 1000));
    assert_non_null(arena_alloc(&a, 1 << 20)); /* and a big one */
    arena_reset(&a);
    assert_non_null(a.head);
    char *again = arena_alloc(&a, 100);
    assert_ptr_equal(again, first);
    assert_int_equal(again[0], 0); /* zeroed again */
    arena_reset(&a);
    arena_reset(&a); /* twice is harmless */
    arena_free(&a);
    arena_reset(&a); /* and on an empty arena */
    assert_null(a.head);
}

/* A big request must not pin its memory: heap use after many big requests
 * is what one request needs, not the sum. */
static void arena_reset_keeps_memory_bounded(void **state)
{
    (void)state;
#ifdef UNDER_ASAN
    skip(); /* ASan's allocator does not report through mallinfo2 */
#else
    arena a;
    arena_init(&a, 8192);
    size_t base = 0;
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 200; i++)
            assert_non_null(arena_alloc(&a, 3000));
        assert_non_null(arena_alloc(&a, 4 << 20));
        arena_reset(&a);
        struct mallinfo2 mi = mallinfo2();
        size_t used = mi.uordblks + mi.hblkhd;
        if (round == 0)
            base = used;
        else if (used > base + 64 * 1024)
            fail_msg("heap grew from %zu to %zu bytes after %d resets", base, used, round);
    }
    arena_free(&a);
#endif
}

static void buf_printf_grows(void **state)
{
    (void)state;
    buf b = {0};
    assert_true(buf_puts(&b, "start:"));
    for (int i = 0; i < 2000; i++)
        assert_true(buf_printf(&b, "%04d,", i));
    assert_int_equal(b.len, 6 + 2000 * 5);
    assert_true(b.cap > b.len);
    assert_int_equal(b.data[b.len], '\0');
    assert_memory_equal(b.data, "start:0000,0001,", 16);
    assert_memory_equal(b.data + b.len - 5, "1999,", 5);
    /* One printf bigger than the whole buffer. */
    size_t before = b.len;
    assert_true(buf_printf(&b, "%-50000s|", "x"));
    assert_int_equal(b.len, before + 50001);
    assert_int_equal(b.data[b.len - 1], '|');
    assert_int_equal(b.data[b.len], '\0');
    assert_true(buf_append(&b, "a\0b", 3)); /* binary-safe */
    assert_int_equal(b.len, before + 50004);
    assert_memory_equal(b.data + b.len - 3, "a\0b", 3);
    buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.cap, 0);
}

static void buf_refuses_impossible_sizes(void **state)
{
    (void)state;
    buf b = {0};
    assert_true(buf_puts(&b, "keep"));
    char *data = b.data;
    assert_false(buf_append(&b, "x", SIZE_MAX - 2));
    assert_ptr_equal(b.data, data);
    assert_int_equal(b.len, 4);
    assert_string_equal(b.data, "keep");
    buf_free(&b);
}

static void buf_reset_gives_back_big_buffers(void **state)
{
    (void)state;
    buf b = {0};
    assert_true(buf_puts(&b, "small"));
    size_t small_cap = b.cap;
    char *small = b.data;
    buf_reset(&b, 64 * 1024);
    assert_ptr_equal(b.data, small); /* kept: below keep_cap */
    assert_int_equal(b.cap, small_cap);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");

    for (int i = 0; i < 1000; i++)
        assert_true(buf_printf(&b, "%0200d", i));
    assert_true(b.cap > 64 * 1024);
    buf_reset(&b, 64 * 1024);
    assert_null(b.data); /* given back */
    assert_int_equal(b.cap, 0);
    assert_int_equal(b.len, 0);
    assert_true(buf_puts(&b, "again"));
    assert_string_equal(b.data, "again");
    assert_true(b.cap <= 64 * 1024);
    buf_reset(&b, (size_t)-1); /* keep everything */
    assert_non_null(b.data);
    buf_free(&b);
    buf_reset(&b, 0); /* on an empty buffer */
    assert_null(b.data);
}

int run_mem_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_alloc_zeroes_and_aligns),
        cmocka_unit_test(arena_strings),
        cmocka_unit_test(arena_refuses_impossible_sizes),
        cmocka_unit_test(arena_reset_reuses_first_chunk),
        cmocka_unit_test(arena_reset_keeps_memory_bounded),
        cmocka_unit_test(buf_printf_grows),
        cmocka_unit_test(buf_refuses_impossible_sizes),
        cmocka_unit_test(buf_reset_gives_back_big_buffers),
    };
    return cmocka_run_group_tests_name("arena and buf", tests, NULL, NULL);
}
