/* voice_ballots: a poll's page (its ballot, or the receipt of a vote, and
 * for its creator the questions being written) and casting a vote. A vote
 * is checked here against the poll's questions, sealed here to the poll's
 * public key (voice_mix.c says what a sealed ballot holds), then cast by
 * one call of voice_cast (sql/0017_sealed_ballots.sql): one statement,
 * one transaction, writing the register row with the sealed ballot and
 * nothing else, in which the database itself refuses a second vote. */
#include <string.h>

#include "../core/config.h"
#include "../core/log.h"
#include "voice.h"
#include "voice_mix.h"

/* voice_cast: what became of the vote ("voted", "twice", ...). */
enum { VC_OUTCOME, VOICE_CAST_COLUMNS };

// clang-format off
const db_statement voice_ballot_statements[] = {
    {"voice_cast", "SELECT voice_cast($1, $2, $3::bytea, $4::bytea)", VOICE_CAST_COLUMNS},
    {NULL, NULL},
};
// clang-format on

#define MAX_QUESTIONS 50
#define MAX_TEXT 2000

/* One question of a poll, from the rows of voice_questions. */
typedef struct {
    const char *id, *kind, *prompt;
    bool required;
    long long min, max;
    int first, n; /* its options: rows first .. first + n - 1 */
    /* what a ballot gave it */
    int chosen;
    int ranks[IRV_MAX_OPTIONS]; /* rank given to each option, 0: none */
    const char *text;
} question;

typedef struct {
    int n;
    question q[MAX_QUESTIONS];
    const PGresult *rows;
} questionnaire;

/* Groups the rows of voice_questions into questions. */
static void read_questions(const PGresult *res, questionnaire *qs)
{
    memset(qs, 0, sizeof *qs);
    qs->rows = res;
    for (int i = 0; i < PQntuples(res); i++) {
        question *q = qs->n ? &qs->q[qs->n - 1] : NULL;
        if (!q || strcmp(q->id, db_text(res, i, VQ_ID)) != 0) {
            if (qs->n == MAX_QUESTIONS)
                return;
            q = &qs->q[qs->n++];
            q->id = db_text(res, i, VQ_ID);
            q->kind = db_text(res, i, VQ_KIND);
            q->prompt = db_text(res, i, VQ_PROMPT);
            q->required = strcmp(db_text(res, i, VQ_REQUIRED), "t") == 0;
            q->min = db_int(res, i, VQ_MIN);
            q->max = db_int(res, i, VQ_MAX);
            q->first = i;
        }
        if (*db_text(res, i, VQ_OPTION) && q->n < IRV_MAX_OPTIONS)
            q->n++;
    }
}

static bool kind_is(const question *q, const char *kind)
{
    return strcmp(q->kind, kind) == 0;
}

static const char *option_id(const questionnaire *qs, const question *q, int o)
{
    return db_text(qs->rows, q->first + o, VQ_OPTION);
}

/* ------------------------------------------------------------ the page */

/* Whether the form sent field name with value (a vote shown again). */
static bool sent(const request *r, const char *name, const char *value)
{
    for (size_t i = 0; i < r->n_body_fields; i++)
        if (strcmp(r->body_fields[i].name, name) == 0 &&
            strcmp(r->body_fields[i].value, value) == 0)
            return true;
    return false;
}

static const char *ordinal(request *r, int n)
{
    const char *suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
                         : n % 10 == 1                  ? "st"
                         : n % 10 == 2                  ? "nd"
                         : n % 10 == 3                  ? "rd"
                                                        : "th";
    return arena_printf(r->mem, "%d%s", n, suffix);
}

/* What a question asks of the voter, for its hint. */
static const char *question_hint(request *r, const question *q)
{
    if (kind_is(q, "multiple"))
        return q->min == q->max ? arena_printf(r->mem, "Choose %lld.", q->max)
                                : arena_printf(r->mem, "Choose from %lld to %lld.", q->min, q->max);
    if (kind_is(q, "ranked"))
        return arena_printf(r->mem,
                            "Give 1 to your first choice, 2 to your next, and so on. Rank at "
                            "least %lld and at most %lld; leave the rest unranked.",
                            q->min ? q->min : 1, q->max);
    if (kind_is(q, "rating"))
        return "From 1 to 5.";
    if (kind_is(q, "text"))
        return "Up to 2,000 characters.";
    return "Choose one.";
}

/* One question of the ballot into d (a QUESTION section), as the form
 * sent it when typed. */
static void fill_ballot_question(request *r, tpl_dict *d, const questionnaire *qs,
                                 const question *q, int number, bool typed)
{
    tpl_set(d, "ID", q->id);
    tpl_set_int(d, "NUMBER", number);
    tpl_set(d, "PROMPT", q->prompt);
    tpl_set(d, "HINT", question_hint(r, q));
    if (!q->required)
        tpl_show(d, "OPTIONAL");
    const char *name = arena_printf(r->mem, "q%s", q->id);
    if (kind_is(q, "text")) {
        const http_field *f = typed ? req_body(r, name) : NULL;
        tpl_set(tpl_add_section(d, "TEXT"), "VALUE", f ? f->value : "");
        return;
    }
    tpl_dict *k = tpl_add_section(d, kind_is(q, "ranked")     ? "RANKED"
                                     : kind_is(q, "multiple") ? "MULTIPLE"
                                                              : "SINGLE");
    tpl_set(k, "ID", q->id);
    for (int o = 0; o < q->n; o++) {
        tpl_dict *opt = tpl_add_section(k, "OPTION");
        const char *oid = option_id(qs, q, o);
        tpl_set(opt, "OPTION_ID", oid);
        tpl_set(opt, "LABEL", db_text(qs->rows, q->first + o, VQ_LABEL));
        if (typed && sent(r, name, oid))
            tpl_show(opt, "CHECKED");
        for (int n = 1; kind_is(q, "ranked") && n <= q->n; n++) {
            tpl_dict *rank = tpl_add_section(opt, "RANK");
            tpl_set_int(rank, "N", n);
            tpl_set(rank, "WORD", ordinal(r, n));
            if (typed && sent(r, arena_printf(r->mem, "r%s", oid), arena_printf(r->mem, "%d", n)))
                tpl_show(rank, "SELECTED");
        }
    }
}

/* The creator's list of a poll's questions, each with its options. */
static void fill_question_list(request *r, tpl_dict *d, const questionnaire *qs, bool editable)
{
    static const char *const kind_words[][2] = {
        {"single", "One choice"},     {"multiple", "Several choices"}, {"rating", "Rating, 1 to 5"},
        {"ranked", "Ranked choices"}, {"text", "Written answer"},
    };
    for (int i = 0; i < qs->n; i++) {
        const question *q = &qs->q[i];
        tpl_dict *e = tpl_add_section(d, "LISTED");
        tpl_set(e, "QID", q->id);
        tpl_set_int(e, "NUMBER", i + 1);
        tpl_set(e, "PROMPT", q->prompt);
        for (size_t k = 0; k < sizeof kind_words / sizeof *kind_words; k++)
            if (kind_is(q, kind_words[k][0]))
                tpl_set(e, "KIND", kind_words[k][1]);
        tpl_set(e, "HINT", question_hint(r, q));
        for (int o = 0; o < q->n; o++)
            tpl_set(tpl_add_section(e, "OPTION"), "LABEL",
                    db_text(qs->rows, q->first + o, VQ_LABEL));
        if (editable)
            tpl_show(e, "REMOVABLE");
    }
}

static void fill_poll_facts(tpl_dict *d, const PGresult *head)
{
    tpl_set(d, "ID", db_text(head, 0, PH_ID));
    tpl_set(d, "TITLE", db_text(head, 0, PH_TITLE));
    tpl_set(d, "DESCRIPTION", db_text(head, 0, PH_DESCRIPTION));
    tpl_set(d, "AUDIENCE", db_text(head, 0, PH_AUDIENCE));
    tpl_set(d, "CREATOR", db_text(head, 0, PH_CREATOR));
    tpl_set(d, "CLOSES", db_text(head, 0, PH_CLOSES));
    tpl_set(d, "OPENS", *db_text(head, 0, PH_OPENS) ? db_text(head, 0, PH_OPENS) : "Not yet set");
    tpl_set(d, "VOTERS", db_text(head, 0, PH_VOTERS));
    tpl_set(d, "MIN", db_text(head, 0, PH_MIN_VOTERS));
    tpl_show(d, voice_flag(head, PH_ANONYMOUS) ? "ANONYMOUS" : "NAMED");
    const char *vis = db_text(head, 0, PH_VISIBILITY);
    tpl_set(d, "VISIBILITY",
            strcmp(vis, "live") == 0    ? "At any time, as votes come in"
            : strcmp(vis, "voted") == 0 ? "To each person once they have voted"
                                        : "When the poll closes");
    const char *state = db_text(head, 0, PH_STATE);
    tpl_set(d, "STATE", voice_state_words(state));
}

/* The poll's page; error (with status) when a vote was refused and the
 * ballot is shown again with what was chosen. */
static void show_poll(request *r, const PGresult *head, int status, const char *error)
{
    const char *params[] = {db_text(head, 0, PH_ID)};
    PGresult *res = db_run(r->db, "voice_questions", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    questionnaire *q = arena_alloc(r->mem, sizeof *q);
    if (!q) {
        render_error(r, 500, "The page could not be made. Try again.");
        PQclear(res);
        return;
    }
    read_questions(res, q);
    const char *title = db_text(head, 0, PH_TITLE);
    tpl_dict *d =
        render_begin(r, error ? arena_printf(r->mem, "Error: %s", title) : title, "voice/poll.tpl");
    const char *state = db_text(head, 0, PH_STATE);
    bool mine = voice_flag(head, PH_MINE), voted = *db_text(head, 0, PH_VOTED_ON);
    bool editable = mine && (strcmp(state, "draft") == 0 || strcmp(state, "scheduled") == 0);
    if (d) {
        fill_poll_facts(d, head);
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
        if (voted)
            tpl_set(tpl_add_section(d, "RECEIPT"), "DATE", db_text(head, 0, PH_VOTED_ON));
        else if (strcmp(state, "open") == 0 && voice_flag(head, PH_ELIGIBLE)) {
            tpl_dict *b = tpl_add_section(d, "BALLOT");
            tpl_set(b, "ID", db_text(head, 0, PH_ID));
            for (int i = 0; i < q->n; i++)
                fill_ballot_question(r, tpl_add_section(b, "QUESTION"), q, &q->q[i], i + 1,
                                     error != NULL);
        } else if (strcmp(state, "closed") == 0)
            tpl_show(d, "CLOSED");
        if (voice_results_visible(head))
            tpl_show(d, "RESULTS");
        if (mine) {
            tpl_dict *m = tpl_add_section(d, "MANAGE");
            tpl_set_global(m, "POLL_ID", db_text(head, 0, PH_ID));
            fill_question_list(r, m, q, editable);
            if (!q->n)
                tpl_show(m, "NO_QUESTIONS");
            if (editable) {
                tpl_show(m, "EDITABLE");
                if (q->n)
                    tpl_show(m, "CAN_OPEN");
            }
            if (strcmp(state, "open") == 0)
                tpl_show(m, "CAN_CLOSE");
        }
    }
    render_end(r, status);
    PQclear(res);
}

/* GET /voice/polls/:id */
void page_voice_poll_show(request *r)
{
    PGresult *owned;
    const PGresult *head = voice_poll(r, &owned);
    if (head)
        show_poll(r, head, 200, NULL);
    PQclear(owned);
}

/* ------------------------------------------------------------ voting */

/* The question of qs whose id is the digits after name's first letter,
 * or NULL. */
static question *question_named(questionnaire *qs, const char *digits)
{
    for (int i = 0; i < qs->n; i++)
        if (strcmp(qs->q[i].id, digits) == 0)
            return &qs->q[i];
    return NULL;
}

/* The index of option oid in q, or -1. */
static int option_index(const questionnaire *qs, const question *q, const char *oid)
{
    for (int o = 0; o < q->n; o++)
        if (strcmp(option_id(qs, q, o), oid) == 0)
            return o;
    return -1;
}

#define NOT_THIS_POLL                                                                              \
    "The vote named an option that is not one of this poll's. Nothing was recorded: choose again " \
    "from the options shown."

/* One field of the vote: q<question> (an option id, or the text) or
 * r<option> (its rank). NULL, or the refusal. */
static const char *take_field(request *r, questionnaire *qs, const http_field *f)
{
    if (strcmp(f->name, "csrf_token") == 0)
        return NULL;
    if (f->name[0] == 'q') {
        question *q = question_named(qs, f->name + 1);
        if (!q)
            return NOT_THIS_POLL;
        if (kind_is(q, "text")) {
            if (q->text)
                return "The vote gave one question two written answers.";
            size_t start = strspn(f->value, " \t\r\n"), len = f->len - start;
            while (len && strchr(" \t\r\n", f->value[start + len - 1]))
                len--;
            q->text = validate_showable(r->mem, arena_strndup(r->mem, f->value + start, len), len);
            return NULL;
        }
        if (kind_is(q, "ranked"))
            return NOT_THIS_POLL;
        int o = option_index(qs, q, f->value);
        if (o < 0)
            return NOT_THIS_POLL;
        if (q->ranks[o])
            return "The vote chose the same option twice.";
        q->ranks[o] = 1;
        q->chosen++;
        return NULL;
    }
    if (f->name[0] == 'r') {
        for (int i = 0; i < qs->n; i++) {
            question *q = &qs->q[i];
            int o = kind_is(q, "ranked") ? option_index(qs, q, f->name + 1) : -1;
            if (o < 0)
                continue;
            long long rank;
            if (!*f->value)
                return NULL;
            if (validate_int(f->value, 1, q->n, &rank) || q->ranks[o])
                return "A rank must be a number from 1 to the number of options.";
            q->ranks[o] = (int)rank;
            q->chosen++;
            return NULL;
        }
        return NOT_THIS_POLL;
    }
    return arena_printf(r->mem, "The form sent a field this page does not know: \"%s\".", f->name);
}

/* Checks what a ballot gave question q (number n); NULL, or the refusal. */
static const char *check_answer(request *r, const question *q, int n)
{
    if (kind_is(q, "text")) {
        size_t len = q->text ? strlen(q->text) : 0;
        if (!len && q->required)
            return arena_printf(r->mem, "Answer question %d: it cannot be left empty.", n);
        if (len && utf8_chars(q->text, len) > MAX_TEXT)
            return arena_printf(r->mem,
                                "The answer to question %d is too long: at most 2,000 "
                                "characters.",
                                n);
        return NULL;
    }
    if (!q->chosen && !q->required)
        return NULL;
    if (!q->chosen)
        return arena_printf(r->mem, "Answer question %d.", n);
    if (kind_is(q, "ranked")) {
        int seen[IRV_MAX_OPTIONS + 1] = {0};
        for (int o = 0; o < q->n; o++)
            if (q->ranks[o] && seen[q->ranks[o]]++)
                return arena_printf(r->mem,
                                    "In question %d two options are ranked %s: give each "
                                    "rank to one option only.",
                                    n, ordinal(r, q->ranks[o]));
        for (int k = 1; k <= q->chosen; k++)
            if (!seen[k])
                return arena_printf(r->mem,
                                    "In question %d, rank from 1 without gaps: %s is "
                                    "missing.",
                                    n, ordinal(r, k));
    }
    if (q->chosen > q->max ||
        (kind_is(q, "multiple") || kind_is(q, "ranked") ? q->chosen < q->min : false))
        return arena_printf(r->mem,
                            "Question %d takes from %lld to %lld choices; this vote gave "
                            "%d.",
                            n, q->min, q->max, q->chosen);
    return NULL;
}

/* The ballot as voice_mix.c reads it once opened: each option chosen
 * with its rank (0 unranked), each written answer, and in a named poll
 * the voter. Sealed to the poll's key, padded to the one size every
 * ballot of this poll has. NULL when out of memory. */
static const char *seal_ballot(request *r, const questionnaire *qs, const PGresult *head,
                               const unsigned char *pk)
{
    buf b = {0};
    int options = 0, texts = 0;
    for (int i = 0; i < qs->n; i++) {
        const question *q = &qs->q[i];
        options += q->n;
        texts += kind_is(q, "text");
        if (q->text && *q->text) {
            buf_printf(&b, "t%s,%zu\n", q->id, strlen(q->text));
            buf_puts(&b, q->text);
        }
        for (int o = 0; o < q->n; o++)
            if (q->ranks[o])
                buf_printf(&b, "o%s,%d\n", option_id(qs, q, o),
                           kind_is(q, "ranked") ? q->ranks[o] : 0);
    }
    if (!voice_flag(head, PH_ANONYMOUS))
        buf_printf(&b, "u%lld\n", r->user->id);
    const char *sealed =
        b.data ? sealed_seal_hex(r->mem, pk, b.data, b.len, voice_ballot_size(options, texts))
               : NULL;
    sodium_memzero(b.data, b.cap);
    buf_free(&b);
    return sealed;
}

/* Why the poll takes no vote from me now (409), or NULL. */
static const char *closed_to_me(const PGresult *head)
{
    const char *state = db_text(head, 0, PH_STATE);
    if (*db_text(head, 0, PH_VOTED_ON))
        return "You have voted in this poll already: each person votes once. Your first vote "
               "stands.";
    if (strcmp(state, "closed") == 0)
        return "This poll has closed: votes are no longer taken.";
    if (strcmp(state, "open") != 0)
        return "This poll is not open yet.";
    return NULL;
}

#define NO_KEY                                                                                     \
    "Votes cannot be taken in this poll just now: the key that keeps ballots secret is missing "   \
    "on the server. Nothing was recorded. Please tell the college's IT team; try again later."

/* Seals and casts the checked ballot; renders the outcome. */
static void cast(request *r, const PGresult *head, const questionnaire *qs)
{
    const char *poll = db_text(head, 0, PH_ID);
    unsigned char pk[SEALED_KEY_BYTES];
    /* A ballot sealed to a key whose private half is gone could never be
     * counted: refuse the vote rather than store it, sealed or not. */
    if (!sealed_key_parse(db_text(head, 0, PH_PUBLIC_KEY), pk) ||
        !voice_key_present(tandem_config->keys_dir, "poll", poll)) {
        log_error("voice: poll %s has no key in %s: votes refused", poll, tandem_config->keys_dir);
        render_error(r, 503, NO_KEY);
        return;
    }
    const char *sealed = seal_ballot(r, qs, head, pk);
    if (!sealed) {
        render_error(r, 500, "Your vote could not be sealed. Nothing was recorded: try again.");
        return;
    }
    const char *params[] = {poll, req_id_text(r, r->user->id), db_text(head, 0, PH_PUBLIC_KEY),
                            sealed};
    PGresult *res = db_run(r->db, "voice_cast", ARRAY_SIZE(params), params);
    const char *outcome = res ? db_text(res, 0, VC_OUTCOME) : "";
    if (!res)
        render_db_failed(r);
    else if (strcmp(outcome, "voted") == 0)
        resp_redirect(r, arena_printf(r->mem, "/voice/polls/%s#receipt", poll));
    else if (strcmp(outcome, "twice") == 0)
        render_error(r, 409,
                     "You have voted in this poll already: each person votes once. Your "
                     "first vote stands.");
    else if (strcmp(outcome, "closed") == 0 || strcmp(outcome, "not_open") == 0)
        render_error(r, 409, "This poll is not open: votes are not taken now.");
    else if (strcmp(outcome, "no_key") == 0)
        render_error(r, 503, NO_KEY);
    else
        render_error(r, 404, VOICE_NO_POLL);
    PQclear(res);
}

/* POST /voice/polls/:id/vote: 404 for a poll not meant for me, 409 when I
 * voted already or it is not open, 400 for a ballot that does not fit the
 * questions (shown again with what was chosen). */
void page_voice_vote(request *r)
{
    PGresult *owned, *res = NULL;
    const PGresult *head = voice_poll(r, &owned);
    const char *refusal = NULL;
    questionnaire *qs = arena_alloc(r->mem, sizeof *qs);
    if (!head)
        goto out;
    if (!voice_flag(head, PH_ELIGIBLE)) {
        render_error(r, 404, VOICE_NO_POLL);
        goto out;
    }
    if ((refusal = closed_to_me(head))) {
        render_error(r, 409, refusal);
        goto out;
    }
    const char *params[] = {db_text(head, 0, PH_ID)};
    if (!qs || !(res = db_run(r->db, "voice_questions", ARRAY_SIZE(params), params))) {
        render_db_failed(r);
        goto out;
    }
    read_questions(res, qs);
    for (size_t i = 0; i < r->n_body_fields && !refusal; i++)
        refusal = take_field(r, qs, &r->body_fields[i]);
    for (int i = 0; i < qs->n && !refusal; i++)
        refusal = check_answer(r, &qs->q[i], i + 1);
    if (refusal)
        show_poll(r, head, 400, refusal);
    else
        cast(r, head, qs);
out:
    PQclear(res);
    PQclear(owned);
}
