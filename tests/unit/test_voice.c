/* voice_irv.c: the instant run-off count of a ranked question, over
 * rankings grouped with how many ballots gave each. */
#include <string.h>

#include "../../cgi-bin/pages/voice.h"
#include "unit.h"

/* An option over half the ballots wins in the first round. */
static void majority_wins_at_once(void **state)
{
    (void)state;
    const int a[] = {0, 1}, b[] = {1, 0}, c[] = {2};
    const int *rankings[] = {a, b, c};
    const int len[] = {2, 2, 1};
    const long long weight[] = {6, 3, 2};
    irv_result out;
    voice_irv(3, 3, rankings, len, weight, &out);
    assert_int_equal(out.n_rounds, 1);
    assert_int_equal(out.winner, 0);
    assert_int_equal(out.rounds[0].tally[0], 6);
    assert_int_equal(out.rounds[0].tally[1], 3);
    assert_int_equal(out.rounds[0].tally[2], 2);
    assert_int_equal(out.rounds[0].eliminated, -1);
}

/* The weakest goes, its ballots move to their next preference; ballots
 * with none left are counted as exhausted. */
static void transfers_decide_it(void **state)
{
    (void)state;
    /* first preferences: A 4, B 3, C 2 (then B), D 1 (no further) */
    const int a[] = {0}, b[] = {1}, c[] = {2, 1}, d[] = {3};
    const int *rankings[] = {a, b, c, d};
    const int len[] = {1, 1, 2, 1};
    const long long weight[] = {4, 3, 2, 1};
    irv_result out;
    voice_irv(4, 4, rankings, len, weight, &out);
    assert_int_equal(out.n_rounds, 3);
    assert_int_equal(out.rounds[0].eliminated, 3); /* D, with 1 */
    assert_int_equal(out.rounds[1].tally[3], -1);
    assert_int_equal(out.rounds[1].exhausted, 1);
    assert_int_equal(out.rounds[1].eliminated, 2); /* C, with 2: to B */
    assert_int_equal(out.rounds[2].tally[1], 5);
    assert_int_equal(out.rounds[2].tally[0], 4);
    assert_int_equal(out.winner, 1); /* B: 5 of the 9 still counting */
}

/* A tie for fewest drops the one with fewer first preferences; when all
 * that are left have the same, there is no winner. */
static void ties(void **state)
{
    (void)state;
    const int a[] = {0}, b[] = {1};
    const int *rankings[] = {a, b};
    const int len[] = {1, 1};
    const long long weight[] = {2, 2};
    irv_result out;
    voice_irv(2, 2, rankings, len, weight, &out);
    assert_int_equal(out.winner, -1);
    assert_int_equal(out.n_rounds, 1);

    /* A 3, B 2, C 2: B and C tie for fewest in round 1 with the same first
     * preferences, so the later (C) goes; C's ballots name A next. */
    const int x[] = {0}, y[] = {1}, z[] = {2, 0};
    const int *more[] = {x, y, z};
    const long long w2[] = {3, 2, 2};
    voice_irv(3, 3, more, (const int[]){1, 1, 2}, w2, &out);
    assert_int_equal(out.rounds[0].eliminated, 2);
    assert_int_equal(out.winner, 0);
    assert_int_equal(out.rounds[1].tally[0], 5);
}

/* No rankings at all: no rounds to speak of, no winner. */
static void nothing_to_count(void **state)
{
    (void)state;
    irv_result out;
    voice_irv(3, 0, NULL, NULL, NULL, &out);
    assert_int_equal(out.winner, -1);
}

int run_voice_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(majority_wins_at_once),
        cmocka_unit_test(transfers_decide_it),
        cmocka_unit_test(ties),
        cmocka_unit_test(nothing_to_count),
    };
    return cmocka_run_group_tests_name("voice", tests, NULL, NULL);
}
