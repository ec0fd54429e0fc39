/* voice: student voice, shared between its files: polls (voice.c), voting
 * (voice_ballots.c), results (voice_results.c, voice_irv.c) and "you said,
 * we did" (voice_issues.c). See sql/0016_voice.sql. */
#ifndef TANDEM_VOICE_H
#define TANDEM_VOICE_H
#include "pages.h"

/* The columns of a poll as viewer w sees it (the voice_poll_head
 * statements): $2 the poll's id as it came in the path. */
enum {
    PH_ID,
    PH_TITLE,
    PH_DESCRIPTION,
    PH_ANONYMOUS,
    PH_VISIBILITY,
    PH_SCOPE,
    PH_OPENS,
    PH_CLOSES,
    PH_STATE, /* draft, scheduled, open, closed */
    PH_MINE,
    PH_ELIGIBLE,
    PH_VOTED_ON, /* "" when the viewer has not voted */
    PH_VOTERS,
    PH_MIN_VOTERS, /* k: the smallest batch of ballots ever counted */
    PH_OPENS_INPUT,
    PH_CLOSES_INPUT,
    PH_AUDIENCE,
    PH_CREATOR,
    PH_PUBLIC_KEY, /* "" until the poll has its key pair (when it opens) */
    PH_COUNTED,    /* ballots opened and counted, by whole batches */
    PH_UNCOUNTED,  /* ballots never opened: fewer than k in all */
    PH_FINAL,      /* the last batch has been counted and the key destroyed */
    PH_SPOILED,    /* ballots that did not open, or did not fit the poll */
    VOICE_POLL_HEAD_COLUMNS
};

/* The columns of voice_questions: one row an option (option columns empty
 * for a text question), questions in order. */
enum {
    VQ_ID,
    VQ_KIND,
    VQ_PROMPT,
    VQ_REQUIRED,
    VQ_MIN,
    VQ_MAX,
    VQ_OPTION,
    VQ_LABEL,
    VQ_VOTES,
    VOICE_QUESTIONS_COLUMNS
};
/* The columns of voice_rep_cohorts (voice.c): the cohorts I represent. */
enum { RC_ID, RC_NAME, RC_CODE, VOICE_REP_COHORTS_COLUMNS };
/* The columns of voice_boards (voice_issues.c): a board I read ("" for
 * the college's), its name, the issues awaiting a decision, and whether it
 * is the college's. */
enum { BD_COHORT, BD_NAME, BD_OPEN, BD_COLLEGE, VOICE_BOARDS_COLUMNS };
/* The columns of voice_answerable (voice_issues.c): an issue awaiting a
 * decision, and whether I answer it (else the name of who does). */
enum {
    AN_ID,
    AN_TITLE,
    AN_STATUS_WORDS,
    AN_DUE,
    AN_OVERDUE,
    AN_MINE,
    AN_RESPONSIBLE,
    VOICE_ANSWERABLE_COLUMNS
};

extern const db_statement voice_statements[];
extern const db_statement voice_ballot_statements[];
extern const db_statement voice_result_statements[];
extern const db_statement voice_issue_statements[];

#define VOICE_NO_POLL "There is no such poll, or it is not one for you."

/* The poll of the path for the signed-in person: the route's prefetch, or
 * (for routes without one) fetched now into *owned, which the caller
 * PQclears. Renders the error (404 or database) and returns NULL when there
 * is none to show. */
const PGresult *voice_poll(request *r, PGresult **owned);
/* Whether I may run polls and raise issues (a rep, or a union officer): 1
 * yes; 0 no, the 404 rendered; -1 the database failed, rendered. */
int voice_may_run(request *r);
/* "Draft", "Opens later", "Open" or "Closed" for a PH_STATE. */
const char *voice_state_words(const char *state);
/* Whether column col of row 0 of res is true. */
bool voice_flag(const PGresult *res, int col);
/* Whether the signed-in person may see poll head's results now. */
bool voice_results_visible(const PGresult *head);

/* Instant run-off over grouped rankings. */
#define IRV_MAX_OPTIONS 20
#define IRV_MAX_ROUNDS IRV_MAX_OPTIONS
typedef struct {
    long long tally[IRV_MAX_OPTIONS]; /* per option index; -1 once eliminated */
    long long exhausted;              /* ballots with no continuing option left */
    int eliminated;                   /* option index dropped after this round, or -1 */
} irv_round;
typedef struct {
    int n_rounds;
    irv_round rounds[IRV_MAX_ROUNDS];
    int winner; /* option index, or -1 when the last options tie */
} irv_result;
/* Counts n_rankings rankings (each a list of option indexes, first
 * preference first, len[i] long, weight[i] ballots) over n_options options:
 * each round gives every ballot to its highest continuing preference; an
 * option with more than half the ballots still counting wins; otherwise the
 * option with fewest is eliminated (a tie for fewest: the one with fewer
 * first preferences, then the later one in the question) and the next
 * round counts again. When every continuing option has the same tally, it is
 * a tie (winner -1). */
void voice_irv(int n_options, int n_rankings, const int *const *rankings, const int *len,
               const long long *weight, irv_result *out);

#endif
