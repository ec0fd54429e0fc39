/* mail.c: an unsubscribe link's signature holds for the person and the
 * sort of news it was made for, and for nothing else: another person,
 * another sort, a changed or cut signature, another key. */
#include <stdbool.h>
#include <string.h>

#include "../../cgi-bin/core/mail.h"
#include "unit.h"

static const unsigned char KEY[32] = "0123456789abcdef0123456789abcde";

static void signature_holds_for_what_it_was_made_for(void **state)
{
    (void)state;
    char sig[MAIL_SIG_LEN];
    mail_unsubscribe_sig(KEY, 42, "messages", sig);
    assert_int_equal(strlen(sig), MAIL_SIG_LEN - 1);
    assert_true(mail_unsubscribe_valid(KEY, 42, "messages", sig));
}

static void signature_fails_for_anything_else(void **state)
{
    (void)state;
    char sig[MAIL_SIG_LEN], changed[MAIL_SIG_LEN];
    mail_unsubscribe_sig(KEY, 42, "messages", sig);
    assert_false(mail_unsubscribe_valid(KEY, 43, "messages", sig));
    assert_false(mail_unsubscribe_valid(KEY, 42, "plans", sig));
    assert_false(mail_unsubscribe_valid(KEY, 4, "2messages", sig));
    memcpy(changed, sig, sizeof changed);
    changed[5] = changed[5] == 'A' ? 'B' : 'A';
    assert_false(mail_unsubscribe_valid(KEY, 42, "messages", changed));
    changed[5] = sig[5];
    changed[20] = '\0';
    assert_false(mail_unsubscribe_valid(KEY, 42, "messages", changed));
    assert_false(mail_unsubscribe_valid(KEY, 42, "messages", ""));
    assert_false(mail_unsubscribe_valid(KEY, 42, "messages", "!!not base64!!"));
    unsigned char other[32];
    memcpy(other, KEY, sizeof other);
    other[0] ^= 1;
    assert_false(mail_unsubscribe_valid(other, 42, "messages", sig));
}

int run_mail_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signature_holds_for_what_it_was_made_for),
        cmocka_unit_test(signature_fails_for_anything_else),
    };
    return cmocka_run_group_tests_name("mail", tests, NULL, NULL);
}
