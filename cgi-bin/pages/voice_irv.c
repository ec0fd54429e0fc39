/* voice_irv: the instant run-off count of a ranked question, over rankings
 * the database has already grouped and counted (voice_results.c). */
#include <string.h>

#include "voice.h"

/* The first option of ranking r still in the count, or -1. */
static int first_continuing(const int *ranking, int len, const irv_round *round, int n_options)
{
    for (int i = 0; i < len; i++)
        if (ranking[i] >= 0 && ranking[i] < n_options && round->tally[ranking[i]] >= 0)
            return ranking[i];
    return -1;
}

/* The continuing option with fewest ballots this round; ties go to the one
 * with fewer first preferences, then to the later one. */
static int weakest(const irv_round *round, const irv_round *first, int n_options)
{
    int w = -1;
    for (int o = 0; o < n_options; o++) {
        if (round->tally[o] < 0)
            continue;
        if (w < 0 || round->tally[o] < round->tally[w] ||
            (round->tally[o] == round->tally[w] && first->tally[o] <= first->tally[w]))
            w = o;
    }
    return w;
}

void voice_irv(int n_options, int n_rankings, const int *const *rankings, const int *len,
               const long long *weight, irv_result *out)
{
    memset(out, 0, sizeof *out);
    out->winner = -1;
    if (n_options > IRV_MAX_OPTIONS)
        n_options = IRV_MAX_OPTIONS;
    if (n_options <= 0)
        return;
    long long eliminated[IRV_MAX_OPTIONS] = {0};
    for (int n = 0; n < IRV_MAX_ROUNDS; n++) {
        irv_round *round = &out->rounds[out->n_rounds++];
        for (int o = 0; o < n_options; o++)
            round->tally[o] = eliminated[o] ? -1 : 0;
        round->eliminated = -1;
        for (int i = 0; i < n_rankings; i++) {
            int o = first_continuing(rankings[i], len[i], round, n_options);
            if (o < 0)
                round->exhausted += weight[i];
            else
                round->tally[o] += weight[i];
        }
        long long counting = 0, best = -1, least = -1;
        int leader = -1, left = 0;
        for (int o = 0; o < n_options; o++) {
            if (round->tally[o] < 0)
                continue;
            left++;
            counting += round->tally[o];
            if (round->tally[o] > best)
                best = round->tally[o], leader = o;
            if (least < 0 || round->tally[o] < least)
                least = round->tally[o];
        }
        if (counting == 0)
            return; /* nobody ranked anything: no winner */
        if (best * 2 > counting || left == 1) {
            out->winner = leader;
            return;
        }
        if (least == best)
            return; /* every option left has the same: a tie */
        round->eliminated = weakest(round, &out->rounds[0], n_options);
        eliminated[round->eliminated] = 1;
    }
}
