/* plan_goal_fields: the goals part of a plan's form, shared by the plan's
 * versions (plans.c) and the course templates (plan_templates.c): read,
 * checked, handed to statements and shown again. */
#include <sodium.h>
#include <string.h>

#include "plans.h"

/* The goal fields, which repeat once a goal, with their limits. */
static const field_spec goal_fields[N_GOAL_FIELDS + 1] = {PLAN_GOAL_FIELD_SPECS};

/* value without trailing spaces and line ends, anything no page can show
 * marked (*marked set then). */
static const char *typed_value(request *r, const char *value, bool *marked)
{
    size_t len = strlen(value);
    while (len && (value[len - 1] == ' ' || value[len - 1] == '\n' || value[len - 1] == '\r'))
        len--;
    const char *shown = validate_showable(r->mem, value, len);
    *marked = *marked || shown != value;
    return shown != value ? shown : arena_strndup(r->mem, value, len);
}

/* Reads every goal row as typed, so that a form shown again keeps them
 * all; rows left wholly empty are dropped. Returns the rows sent. */
static int collect_goals(request *r, goal_input *g, bool *marked)
{
    const char *raw[N_GOAL_FIELDS + 1][MAX_GOALS];
    int count[N_GOAL_FIELDS + 1], rows = 0;
    for (int f = 0; f <= N_GOAL_FIELDS; f++) {
        count[f] = req_body_all(r, goal_fields[f].name, raw[f], MAX_GOALS);
        rows = f < N_GOAL_FIELDS && count[f] > rows ? count[f] : rows;
    }
    g->n = 0;
    *marked = false;
    for (int i = 0; i < rows; i++) {
        bool any = false;
        for (int f = 0; f < N_GOAL_FIELDS; f++) {
            g->v[f][g->n] = typed_value(r, i < count[f] ? raw[f][i] : "", marked);
            any = any || *g->v[f][g->n];
        }
        g->key[g->n] = i < count[N_GOAL_FIELDS] ? raw[N_GOAL_FIELDS][i] : "";
        g->n += any;
    }
    int sent = 0;
    for (size_t i = 0; i < r->n_body_fields; i++)
        sent += strcmp(r->body_fields[i].name, goal_fields[0].name) == 0;
    return sent;
}

static bool is_goal_key(const char *key)
{
    size_t n = strspn(key, "0123456789abcdef");
    return n == 12 && !key[n];
}

/* Each goal keeps the key the form carried (it is the same goal, however
 * reworded); a new goal, or one whose key is malformed or already taken
 * in this version, is given a new one. */
static bool assign_keys(request *r, goal_input *g)
{
    for (int i = 0; i < g->n; i++) {
        bool fresh = is_goal_key(g->key[i]);
        for (int k = 0; k < i && fresh; k++)
            fresh = strcmp(g->key[k], g->key[i]) != 0;
        if (fresh)
            continue;
        unsigned char raw[6];
        char *hex = arena_alloc(r->mem, 13);
        if (!hex)
            return false;
        randombytes_buf(raw, sizeof raw);
        sodium_bin2hex(hex, 13, raw, sizeof raw);
        g->key[i] = hex;
    }
    return true;
}

/* What is wrong with goal i (from 0), or NULL. */
static const char *goal_problem(request *r, const goal_input *g, int i)
{
    for (int f = 0; f < N_GOAL_FIELDS; f++) {
        const field_spec *s = &goal_fields[f];
        if ((long long)utf8_chars(g->v[f][i], strlen(g->v[f][i])) > s->max)
            return arena_printf(r->mem, "Goal %d: %s is too long (at most %lld characters).", i + 1,
                                s->label, s->max);
    }
    if (!*g->v[0][i])
        return arena_printf(r->mem, "Goal %d needs a title: what do you want to achieve?", i + 1);
    if (*g->v[2][i] && validate_date(g->v[2][i]))
        return arena_printf(r->mem, "Goal %d: give the target date as a date, like 2027-03-31.",
                            i + 1);
    return NULL;
}

bool plan_read_goals(request *r, goal_input *g, const char **err, const char **field)
{
    bool marked;
    int sent = collect_goals(r, g, &marked);
    *field = "goal_title-1";
    if (sent > MAX_GOALS - 2 || g->n > MAX_GOALS - 2) {
        *err = "A plan can have at most 30 goals.";
        return false;
    }
    if (marked) {
        *err = "A goal holds a character that cannot be shown (marked �): remove it.";
        return false;
    }
    for (int i = 0; i < g->n; i++)
        if ((*err = goal_problem(r, g, i))) {
            *field = arena_printf(r->mem, "goal_title-%d", i + 1);
            return false;
        }
    if (!assign_keys(r, g)) {
        *err = "The form could not be read. Try again.";
        return false;
    }
    return true;
}

const char *plan_targets_literal(request *r, const goal_input *g)
{
    const char *dates[MAX_GOALS];
    int n = 0;
    for (int i = 0; i < g->n; i++)
        if (*g->v[2][i])
            dates[n++] = g->v[2][i];
    return arena_pg_array(r->mem, dates, n);
}

bool plan_goal_params(request *r, const goal_input *g, const char **params, int at)
{
    for (int f = 0; f < N_GOAL_FIELDS; f++)
        if (!(params[at + f] = arena_pg_array(r->mem, g->v[f], g->n)))
            return false;
    return (params[at + N_GOAL_FIELDS] = arena_pg_array(r->mem, g->key, g->n)) != NULL;
}

static void fill_goal(tpl_dict *d, int n, const char *const v[N_GOAL_FIELDS], const char *key)
{
    static const char *const names[N_GOAL_FIELDS] = {"TITLE", "CRITERIA", "TARGET", "ACTIVITIES",
                                                     "ASSESSMENT"};
    tpl_dict *g = tpl_add_section(d, "GOAL");
    tpl_set_int(g, "N", n);
    for (int f = 0; f < N_GOAL_FIELDS; f++)
        tpl_set(g, names[f], v[f]);
    tpl_set(g, "KEY", key);
}

void plan_fill_goal_fields(tpl_dict *d, const goal_input *g, const PGresult *goals,
                           const char *number)
{
    int n = 0;
    for (int i = 0; g && i < g->n; i++) {
        const char *v[N_GOAL_FIELDS];
        for (int k = 0; k < N_GOAL_FIELDS; k++)
            v[k] = g->v[k][i];
        fill_goal(d, ++n, v, g->key[i]);
    }
    for (int i = 0; !g && goals && i < PQntuples(goals); i++) {
        if (!plan_is(goals, i, PG_NUMBER, number) || PQgetisnull(goals, i, PG_INDEX))
            continue;
        const char *v[N_GOAL_FIELDS];
        for (int k = 0; k < N_GOAL_FIELDS; k++)
            v[k] = db_text(goals, i, PG_TITLE + k);
        fill_goal(d, ++n, v, db_text(goals, i, PG_KEY));
    }
    static const char *const empty[N_GOAL_FIELDS] = {"", "", "", "", ""};
    for (int k = 0; k < 2 && n < MAX_GOALS; k++) /* room for new goals */
        fill_goal(d, ++n, empty, "");
}
