/* unit: the C unit tests. One binary (build/<mode>/unit-tests) links every
 * module of the program except main with all tests/unit/test_*.c; main is in
 * test_main.c and runs each suite below in turn. */
#ifndef TANDEM_UNIT_H
#define TANDEM_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Each runs one cmocka group and returns its number of failed tests. */
int run_form_tests(void);
int run_validate_tests(void);
int run_router_tests(void);
int run_tpl_tests(void);
int run_mem_tests(void);
int run_session_tests(void);
int run_response_tests(void);
int run_import_tests(void);
int run_richtext_tests(void);
int run_atom_tests(void);
int run_mail_tests(void);
int run_voice_tests(void);
int run_sealed_tests(void);
int run_oidc_tests(void);

/* Asserts that the NUL-terminated string haystack contains needle. */
#define assert_contains(haystack, needle)                                                          \
    do {                                                                                           \
        const char *h_ = (haystack), *n_ = (needle);                                               \
        if (!h_ || !strstr(h_, n_))                                                                \
            fail_msg("expected \"%s\" to contain \"%s\"", h_ ? h_ : "(null)", n_);                 \
    } while (0)
#define assert_not_contains(haystack, needle)                                                      \
    do {                                                                                           \
        const char *h_ = (haystack), *n_ = (needle);                                               \
        if (h_ && strstr(h_, n_))                                                                  \
            fail_msg("expected \"%s\" not to contain \"%s\"", h_, n_);                             \
    } while (0)

#endif
