/* voice_results: a poll's results, as a page (bar charts drawn on the
 * server as SVG, each with a table of the same figures) and as CSV. Every
 * count is made by the database from what the mixer has counted: whole
 * batches of at least k ballots (voice_mix.c), never a ballot still
 * sealed, so two readings differ by nothing or by k ballots at least.
 * Instant run-off then runs over the grouped rankings (voice_irv.c). The
 * rendered results are kept in memory under the number of ballots
 * counted, which only a new batch changes. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "voice.h"

/* voice_rankings: one row a ranking of a question. */
enum { RK_QUESTION, RK_RANKING, RK_BALLOTS, VOICE_RANKINGS_COLUMNS };
/* voice_texts: one row a written answer. */
enum { TX_QUESTION, TX_BODY, TX_AUTHOR, VOICE_TEXTS_COLUMNS };
/* voice_turnout: one row a cohort (or the college): its people, and how
 * many of them voted. */
enum { TO_NAME, TO_OF, TO_VOTED, VOICE_TURNOUT_COLUMNS };

// clang-format off
const db_statement voice_result_statements[] = {
    /* Each ranking counted for a ranked question of poll $1, and by how
     * many ballots: question, the option ids in order as {1,2,3}, ballots. */
    {"voice_rankings",
     "SELECT k.question_id, k.ranking::text, k.ballots FROM poll_rankings k"
     "  JOIN poll_questions q ON q.id = k.question_id WHERE q.poll_id = $1",
     VOICE_RANKINGS_COLUMNS},
    /* The written answers counted in poll $1, at most $2 a question, in
     * the order of their random keys; the writer's name only when $3 (the
     * poll's creator, in a named poll). */
    {"voice_texts",
     "SELECT question_id, body, author FROM ("
     "   SELECT t.question_id, t.body,"
     "          CASE WHEN $3::boolean THEN coalesce(u.display_name, '') ELSE '' END AS author,"
     "          row_number() OVER (PARTITION BY t.question_id ORDER BY t.ballot) AS n"
     "     FROM poll_texts t LEFT JOIN poll_named nm ON nm.ballot = t.ballot AND $3::boolean"
     "     LEFT JOIN users u ON u.id = nm.user_id"
     "    WHERE t.poll_id = $1) x WHERE n <= $2::int ORDER BY question_id, n",
     VOICE_TEXTS_COLUMNS},
    /* Turnout of poll $1 as of its last batch: each cohort's learners and
     * how many of them had their ballot counted, or the whole college's
     * active people. A statistic of the people eligible_voters names,
     * counted from their cohorts, or by the index of the college's people
     * (asking eligible_voters person by person took a fifth longer). */
    {"voice_turnout",
     "SELECT c.name, count(DISTINCT m.user_id), count(DISTINCT v.user_id)"
     "  FROM poll_cohorts pc JOIN cohorts c ON c.id = pc.cohort_id"
     "  JOIN memberships m ON m.institution_id = pc.institution_id AND m.cohort_id = c.id"
     "                    AND m.role = 'learner'"
     "  LEFT JOIN poll_voters v ON v.poll_id = pc.poll_id AND v.user_id = m.user_id AND v.opened"
     " WHERE pc.poll_id = $1 GROUP BY c.id, c.name"
     " UNION ALL"
     " SELECT 'Everyone at ' || i.name,"
     "        (SELECT count(*) FROM users u WHERE u.institution_id = p.institution_id"
     "            AND u.status = 'active'), p.counted + p.spoiled"
     "   FROM polls p JOIN institutions i ON i.id = p.institution_id"
     "  WHERE p.id = $1 AND p.scope = 'college' ORDER BY 1",
     VOICE_TURNOUT_COLUMNS},
    {NULL, NULL},
};
// clang-format on

#define TEXTS_SHOWN 25

bool voice_results_visible(const PGresult *head)
{
    const char *state = db_text(head, 0, PH_STATE), *vis = db_text(head, 0, PH_VISIBILITY);
    if (strcmp(state, "draft") == 0 || strcmp(state, "scheduled") == 0)
        return false;
    if (voice_flag(head, PH_MINE))
        return true;
    if (!voice_flag(head, PH_ELIGIBLE))
        return false;
    return strcmp(state, "closed") == 0 || strcmp(vis, "live") == 0 ||
           (strcmp(vis, "voted") == 0 && *db_text(head, 0, PH_VOTED_ON));
}

/* Why no results are shown yet (for a page saying so), or NULL: nothing
 * has been counted, which with k = 5 means until the 10th vote, or the
 * poll closed with fewer than k. */
static const char *results_withheld(request *r, const PGresult *head)
{
    long long k = db_int(head, 0, PH_MIN_VOTERS);
    if (db_int(head, 0, PH_COUNTED) > 0)
        return NULL;
    if (voice_flag(head, PH_FINAL))
        return arena_printf(r->mem,
                            "Fewer than %lld people voted, so no ballot was opened: with so few, "
                            "anyone's answers could be picked out. Nothing will be counted.",
                            k);
    if (strcmp(db_text(head, 0, PH_STATE), "closed") == 0)
        return "The poll has closed and its last ballots are being counted. Reload this page "
               "in a moment.";
    return arena_printf(r->mem,
                        "No ballots are counted yet. Ballots are counted in groups of at least "
                        "%lld, and the newest %lld always wait for the next group, so the first "
                        "results show once %lld people have voted (or when the poll closes, if "
                        "%lld or more have).",
                        k, k, 2 * k, k);
}

/* What the page says about how many ballots are counted, and why the
 * newest wait. */
static const char *counted_words(request *r, const PGresult *head)
{
    long long counted = db_int(head, 0, PH_COUNTED), k = db_int(head, 0, PH_MIN_VOTERS);
    long long spoiled = db_int(head, 0, PH_SPOILED);
    const char *unopened =
        spoiled ? arena_printf(r->mem, " %lld could not be opened and %s not counted.", spoiled,
                               spoiled == 1 ? "is" : "are")
                : "";
    if (voice_flag(head, PH_FINAL))
        return arena_printf(r->mem, "%s counted: these are the final results.%s",
                            counted == 1 ? "The 1 ballot is"
                                         : arena_printf(r->mem, "All %lld ballots are", counted),
                            unopened);
    return arena_printf(r->mem,
                        "%lld ballot%s counted so far. Ballots are counted in groups of at least "
                        "%lld, and the newest %lld always wait for the next group, so that no "
                        "result ever changes by one vote: the newest ballots are counted later, "
                        "and all of them when the poll closes.%s",
                        counted, counted == 1 ? " is" : "s are", k, k, unopened);
}

/* Whether the viewer sees who wrote each written answer: the creator of a
 * named poll, and nobody else. */
static bool sees_names(const PGresult *head)
{
    return voice_flag(head, PH_MINE) && !voice_flag(head, PH_ANONYMOUS);
}

/* Everything the results are made from. */
typedef struct {
    PGresult *questions, *rankings, *texts, *turnout;
    long long voters;
} results;

static bool load_results(request *r, const PGresult *head, long long limit, results *out)
{
    const char *poll = db_text(head, 0, PH_ID);
    const char *a[] = {poll}, *b[] = {poll, req_id_text(r, limit), sees_names(head) ? "t" : "f"};
    const db_call calls[] = {{"voice_questions", ARRAY_SIZE(a), a},
                             {"voice_rankings", ARRAY_SIZE(a), a},
                             {"voice_texts", ARRAY_SIZE(b), b},
                             {"voice_turnout", ARRAY_SIZE(a), a}};
    PGresult *res[4] = {NULL};
    bool ok = DB_RUN_PIPELINE(r->db, calls, res);
    out->questions = res[0];
    out->rankings = res[1];
    out->texts = res[2];
    out->turnout = res[3];
    return ok;
}

static void free_results(results *x)
{
    PQclear(x->questions);
    PQclear(x->rankings);
    PQclear(x->texts);
    PQclear(x->turnout);
}

/* The rows first..first+n-1 of the questions result: one question. */
typedef struct {
    const char *id, *kind, *prompt;
    int first, n;
} result_question;

/* The next question of res from row *i on. */
static bool next_question(const PGresult *res, int *i, result_question *q)
{
    if (*i >= PQntuples(res))
        return false;
    q->id = db_text(res, *i, VQ_ID);
    q->kind = db_text(res, *i, VQ_KIND);
    q->prompt = db_text(res, *i, VQ_PROMPT);
    q->first = *i;
    q->n = 0;
    while (*i < PQntuples(res) && strcmp(db_text(res, *i, VQ_ID), q->id) == 0) {
        q->n += *db_text(res, *i, VQ_OPTION) != 0;
        ++*i;
    }
    if (q->n > IRV_MAX_OPTIONS)
        q->n = IRV_MAX_OPTIONS;
    return true;
}

static const char *percent(request *r, long long part, long long whole)
{
    return arena_printf(r->mem, "%.0f", whole ? 100.0 * (double)part / (double)whole : 0.0);
}

/* The bars and table rows of a choice question. */
static void fill_bars(request *r, tpl_dict *d, const results *x, const result_question *q)
{
    long long max = 1, sum = 0, weighted = 0;
    for (int o = 0; o < q->n; o++) {
        long long v = db_int(x->questions, q->first + o, VQ_VOTES);
        max = v > max ? v : max;
        sum += v;
        weighted += v * (o + 1);
    }
    tpl_dict *chart = tpl_add_section(d, "CHART");
    tpl_set(chart, "ID", q->id);
    tpl_set(chart, "PROMPT", q->prompt);
    tpl_set_int(chart, "HEIGHT", q->n * 32 + 8);
    for (int o = 0; o < q->n; o++) {
        long long v = db_int(x->questions, q->first + o, VQ_VOTES);
        const char *label = db_text(x->questions, q->first + o, VQ_LABEL);
        tpl_dict *bar = tpl_add_section(chart, "BAR");
        tpl_set(bar, "LABEL", label);
        tpl_set(bar, "SHORT", strlen(label) > 36 ? arena_printf(r->mem, "%.33s…", label) : label);
        tpl_set_int(bar, "Y", o * 32 + 8);
        tpl_set_int(bar, "TY", o * 32 + 24);
        tpl_set_int(bar, "W", v * 300 / max);
        tpl_set_int(bar, "TX", 258 + v * 300 / max);
        tpl_set_int(bar, "VOTES", v);
        tpl_set(bar, "PCT", percent(r, v, x->voters));
        tpl_dict *row = tpl_add_section(d, "ROW");
        tpl_set(row, "LABEL", label);
        tpl_set_int(row, "VOTES", v);
        tpl_set(row, "PCT", percent(r, v, x->voters));
    }
    if (strcmp(q->kind, "rating") == 0 && sum)
        tpl_set(tpl_add_section(d, "MEAN"), "VALUE",
                arena_printf(r->mem, "%.1f", (double)weighted / (double)sum));
}

/* Parses "{4,2,9}" into option indexes of q; returns how many. */
static int parse_ranking(const results *x, const result_question *q, const char *text, int *out)
{
    int n = 0;
    for (const char *p = text + 1; *p && *p != '}' && n < IRV_MAX_OPTIONS;) {
        size_t len = strcspn(p, ",}");
        for (int o = 0; o < q->n; o++) {
            const char *id = db_text(x->questions, q->first + o, VQ_OPTION);
            if (strlen(id) == len && strncmp(id, p, len) == 0)
                out[n++] = o;
        }
        p += len + (p[len] == ',');
    }
    return n;
}

/* The instant run-off of a ranked question: a table of rounds. */
static void fill_runoff(request *r, tpl_dict *d, const results *x, const result_question *q)
{
    int n = 0, total = PQntuples(x->rankings);
    int(*orders)[IRV_MAX_OPTIONS] = arena_alloc(r->mem, sizeof *orders * (total ? total : 1));
    const int **rankings = arena_alloc(r->mem, sizeof *rankings * (total ? total : 1));
    int *len = arena_alloc(r->mem, sizeof *len * (total ? total : 1));
    long long *weight = arena_alloc(r->mem, sizeof *weight * (total ? total : 1));
    irv_result *irv = arena_alloc(r->mem, sizeof *irv);
    if (!orders || !rankings || !len || !weight || !irv)
        return;
    for (int i = 0; i < total; i++) {
        if (strcmp(db_text(x->rankings, i, RK_QUESTION), q->id) != 0)
            continue;
        len[n] = parse_ranking(x, q, db_text(x->rankings, i, RK_RANKING), orders[n]);
        rankings[n] = orders[n];
        weight[n++] = db_int(x->rankings, i, RK_BALLOTS);
    }
    voice_irv(q->n, n, rankings, len, weight, irv);
    tpl_dict *t = tpl_add_section(d, "RUNOFF");
    tpl_set(t, "ID", q->id);
    for (int o = 0; o < q->n; o++)
        tpl_set(tpl_add_section(t, "HEAD"), "LABEL", db_text(x->questions, q->first + o, VQ_LABEL));
    for (int k = 0; k < irv->n_rounds; k++) {
        const irv_round *round = &irv->rounds[k];
        tpl_dict *row = tpl_add_section(t, "ROUND");
        tpl_set_int(row, "N", k + 1);
        for (int o = 0; o < q->n; o++)
            tpl_set(tpl_add_section(row, "CELL"), "VALUE",
                    round->tally[o] < 0 ? "–" : arena_printf(r->mem, "%lld", round->tally[o]));
        tpl_set_int(row, "EXHAUSTED", round->exhausted);
        tpl_set(row, "OUTCOME",
                round->eliminated >= 0
                    ? arena_printf(r->mem, "%s eliminated",
                                   db_text(x->questions, q->first + round->eliminated, VQ_LABEL))
                : irv->winner >= 0 && k == irv->n_rounds - 1 ? "Majority reached"
                                                             : "Tie");
    }
    tpl_set(t, "WINNER",
            irv->winner >= 0 ? arena_printf(r->mem, "Winner: %s, after %d round%s.",
                                            db_text(x->questions, q->first + irv->winner, VQ_LABEL),
                                            irv->n_rounds, irv->n_rounds == 1 ? "" : "s")
            : n              ? "No winner: the last options are tied."
                             : "No rankings yet.");
}

static void fill_texts(tpl_dict *d, const results *x, const result_question *q)
{
    int shown = 0;
    for (int i = 0; i < PQntuples(x->texts); i++) {
        if (strcmp(db_text(x->texts, i, TX_QUESTION), q->id) != 0)
            continue;
        tpl_dict *a = tpl_add_section(d, "ANSWER");
        tpl_set(a, "BODY", db_text(x->texts, i, TX_BODY));
        if (*db_text(x->texts, i, TX_AUTHOR))
            tpl_set(tpl_add_section(a, "BY"), "NAME", db_text(x->texts, i, TX_AUTHOR));
        shown++;
    }
    if (!shown)
        tpl_show(d, "NO_ANSWERS");
    if (shown == TEXTS_SHOWN)
        tpl_show(d, "MORE_IN_CSV");
}

/* The results' HTML, from the memory when the voters are the same. */
static const safe_html *results_html(request *r, const PGresult *head)
{
    const char *poll = db_text(head, 0, PH_ID);
    long long counted = db_int(head, 0, PH_COUNTED);
    const char *key =
        arena_printf(r->mem, "voice-results/%s%s", poll, sees_names(head) ? "/names" : "");
    const safe_html *html = render_fragment_find(r, key, counted);
    if (html)
        return html;
    results x = {.voters = counted};
    tpl_dict *d = load_results(r, head, TEXTS_SHOWN, &x) ? tpl_dict_new() : NULL;
    result_question q;
    int number = 0;
    for (int i = 0; d && next_question(x.questions, &i, &q);) {
        tpl_dict *s = tpl_add_section(d, "QUESTION");
        tpl_set_int(s, "NUMBER", ++number);
        tpl_set(s, "PROMPT", q.prompt);
        if (strcmp(q.kind, "text") == 0) {
            fill_texts(tpl_add_section(s, "TEXT"), &x, &q);
            continue;
        }
        tpl_dict *c = tpl_add_section(s, "CHOICE");
        if (strcmp(q.kind, "ranked") == 0)
            tpl_show(c, "FIRST_PREFERENCES");
        fill_bars(r, c, &x, &q);
        if (strcmp(q.kind, "ranked") == 0)
            fill_runoff(r, s, &x, &q);
    }
    for (int i = 0; d && i < PQntuples(x.turnout); i++) {
        tpl_dict *t = tpl_add_section(d, "TURNOUT");
        tpl_set(t, "NAME", db_text(x.turnout, i, TO_NAME));
        tpl_set(t, "OF", db_text(x.turnout, i, TO_OF));
        tpl_set(t, "VOTED", db_text(x.turnout, i, TO_VOTED));
        tpl_set(t, "PCT", percent(r, db_int(x.turnout, i, TO_VOTED), db_int(x.turnout, i, TO_OF)));
    }
    html = d ? render_fragment(r, "voice/results_body.tpl", d) : NULL;
    if (html)
        render_fragment_keep(key, counted, html, time(NULL) + 60);
    free_results(&x);
    return html;
}

/* GET /voice/polls/:id/results */
void page_voice_results(request *r)
{
    PGresult *owned;
    const PGresult *head = voice_poll(r, &owned);
    if (!head)
        return;
    if (!voice_results_visible(head)) {
        render_error(r, 404,
                     "The results of this poll are not shown to you yet: they show as "
                     "the poll's creator chose, for example once it closes.");
        goto out;
    }
    const char *withheld = results_withheld(r, head);
    const safe_html *html = withheld ? NULL : results_html(r, head);
    if (!withheld && !html) {
        render_db_failed(r);
        goto out;
    }
    tpl_dict *d = render_begin(r, arena_printf(r->mem, "Results: %s", db_text(head, 0, PH_TITLE)),
                               "voice/results.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(head, 0, PH_ID));
        tpl_set(d, "TITLE", db_text(head, 0, PH_TITLE));
        long long voters = db_int(head, 0, PH_VOTERS);
        tpl_set(d, "VOTED",
                arena_printf(r->mem, "%lld %s voted.", voters,
                             voters == 1 ? "person has" : "people have"));
        if (!withheld)
            tpl_set(tpl_add_section(d, "COUNTED"), "WORDS", counted_words(r, head));
        tpl_set(d, "AUDIENCE", db_text(head, 0, PH_AUDIENCE));
        tpl_set(d, "STATE",
                strcmp(db_text(head, 0, PH_STATE), "closed") == 0
                    ? arena_printf(r->mem, "closed %s", db_text(head, 0, PH_CLOSES))
                    : arena_printf(r->mem, "open until %s", db_text(head, 0, PH_CLOSES)));
        if (withheld)
            tpl_set(tpl_add_section(d, "WITHHELD"), "MESSAGE", withheld);
        else
            tpl_set_html(tpl_add_section(d, "SHOWN"), "RESULTS_HTML", html); /* results_body */
        if (voice_flag(head, PH_ANONYMOUS))
            tpl_show(d, "ANONYMOUS");
        if (voice_flag(head, PH_MINE) && !withheld)
            tpl_show(d, "MAY_RAISE");
    }
    render_end(r, 200);
out:
    PQclear(owned);
}

/* ------------------------------------------------------------ CSV */

/* Appends one CSV field: quoted, quotes doubled, and a leading = + - @
 * defused so that a spreadsheet does not run it as a formula. */
static void csv_field(buf *b, const char *s, bool last)
{
    buf_append(b, "\"", 1);
    if (strchr("=+-@", *s) && *s)
        buf_append(b, "'", 1);
    for (; *s; s++) {
        if (*s == '"')
            buf_append(b, "\"", 1);
        buf_append(b, s, 1);
    }
    buf_append(b, last ? "\"\r\n" : "\",", last ? 3 : 2);
}

/* One CSV row of the six columns (written_by: "" but for the creator of
 * a named poll, as on the page). */
static void csv_row(buf *b, const char *a, const char *c, const char *d, const char *e,
                    const char *f, const char *written_by)
{
    csv_field(b, a, false);
    csv_field(b, c, false);
    csv_field(b, d, false);
    csv_field(b, e, false);
    csv_field(b, f, false);
    csv_field(b, written_by, true);
}

/* GET /voice/polls/:id/csv: every figure of the results page, and every
 * written answer, as of the last batch counted. */
void page_voice_results_csv(request *r)
{
    PGresult *owned;
    const PGresult *head = voice_poll(r, &owned);
    results x = {0};
    if (!head)
        return;
    if (!voice_results_visible(head) || results_withheld(r, head)) {
        render_error(r, 404, "The results of this poll are not shown yet.");
        goto out;
    }
    x.voters = db_int(head, 0, PH_COUNTED);
    if (!load_results(r, head, 1000000, &x)) {
        render_db_failed(r);
        goto out;
    }
    buf b = {0};
    csv_row(&b, "question", "kind", "answer", "votes", "percent of ballots counted", "written by");
    result_question q;
    for (int i = 0; next_question(x.questions, &i, &q);) {
        for (int o = 0; o < q.n; o++) {
            long long v = db_int(x.questions, q.first + o, VQ_VOTES);
            csv_row(&b, q.prompt, q.kind, db_text(x.questions, q.first + o, VQ_LABEL),
                    arena_printf(r->mem, "%lld", v), percent(r, v, x.voters), "");
        }
        for (int t = 0; t < PQntuples(x.texts); t++)
            if (strcmp(db_text(x.texts, t, TX_QUESTION), q.id) == 0)
                csv_row(&b, q.prompt, q.kind, db_text(x.texts, t, TX_BODY), "", "",
                        db_text(x.texts, t, TX_AUTHOR));
    }
    for (int t = 0; t < PQntuples(x.turnout); t++)
        csv_row(&b, "turnout", db_text(x.turnout, t, TO_NAME), "", db_text(x.turnout, t, TO_VOTED),
                percent(r, db_int(x.turnout, t, TO_VOTED), db_int(x.turnout, t, TO_OF)), "");
    resp_header(r, "Content-Disposition",
                arena_printf(r->mem, "attachment; filename=\"poll-%s-results.csv\"",
                             db_text(head, 0, PH_ID)));
    resp_bytes(r, 200, "text/csv; charset=utf-8", b.data ? b.data : "", b.len);
    buf_free(&b);
out:
    free_results(&x);
    PQclear(owned);
}
