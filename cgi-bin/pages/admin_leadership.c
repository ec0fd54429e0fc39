/* admin_leadership: the settings of the leadership plans that a college's
 * administrators keep: the psychometric instruments managers record results
 * with (their scales or types), the development themes goals are about, and
 * which departments people are in (set on each person's page, counted
 * here). Everything works inside the viewer's scope (admin.h).
 *
 * An instrument's items are never changed or removed here: results and
 * 360-degree answers refer to them (answers by position). An archived
 * instrument or theme takes nothing new; what already uses it stays. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "admin.h"

/* Each list and lookup comes in two forms (auth_scoped): NAME for one
 * college, college being the predicate that keeps to it (the college is
 * the last parameter), and NAME_all for every college. */
#define INSTRUMENTS_LIST(college)                                                                  \
    "SELECT n.id, n.name, n.kind, n.scale_min, n.scale_max, n.feedback, n.archived, i.name,"       \
    "       (SELECT count(*) FROM profile_results r WHERE r.instrument_id = n.id),"                \
    "       coalesce((SELECT string_agg(t.name, ', ' ORDER BY t.position)"                         \
    "                   FROM instrument_items t WHERE t.instrument_id = n.id), ''),"               \
    "       n.description"                                                                         \
    "  FROM instruments n JOIN institutions i ON i.id = n.institution_id" college                  \
    " ORDER BY i.name, n.archived, lower(n.name)"
#define THEMES_LIST(college)                                                                       \
    "SELECT h.id, h.name, h.archived, i.name,"                                                     \
    "       (SELECT count(*) FROM leadership_goals g WHERE g.theme_id = h.id)"                     \
    "  FROM leadership_themes h JOIN institutions i ON i.id = h.institution_id" college            \
    " ORDER BY i.name, h.archived, lower(h.name)"
/* Departments as people's records name them, with how many are in each. */
#define DEPARTMENTS_LIST(college)                                                                  \
    "SELECT u.department, i.name, count(*)"                                                        \
    "  FROM users u JOIN institutions i ON i.id = u.institution_id"                                \
    " WHERE u.department <> '' AND u.status = 'active'" college                                    \
    " GROUP BY i.name, u.department ORDER BY i.name, lower(u.department)"
/* One instrument and its items, a row each. */
#define INSTRUMENT_SHOW(college)                                                                   \
    "SELECT n.id, n.name, n.kind, n.scale_min, n.scale_max, n.feedback, n.archived, i.name,"       \
    "       (SELECT count(*) FROM profile_results r WHERE r.instrument_id = n.id),"                \
    "       (SELECT count(*) FROM feedback_rounds f WHERE f.instrument_id = n.id),"                \
    "       n.description, t.name"                                                                 \
    "  FROM instruments n JOIN institutions i ON i.id = n.institution_id"                          \
    "  LEFT JOIN instrument_items t ON t.instrument_id = n.id"                                     \
    " WHERE n.id = $1" college " ORDER BY t.position"
/* The instrument, locked while items are added, with its items (one a
 * line: an item never holds a line break) and how many 360-degree rounds
 * used it. */
#define INSTRUMENT_LOCK(college)                                                                   \
    "SELECT n.name, n.kind, n.archived, n.institution_id,"                                         \
    "       (SELECT count(*) FROM feedback_rounds f WHERE f.instrument_id = n.id),"                \
    "       coalesce((SELECT string_agg(t.name, E'\\n' ORDER BY t.position)"                       \
    "                   FROM instrument_items t WHERE t.instrument_id = n.id), '')"                \
    "  FROM instruments n WHERE n.id = $1" college " FOR UPDATE"
/* Archiving and restoring ($2) an instrument or a theme (table): the row
 * as it was, so that a second click records nothing. */
#define SET_ARCHIVED(table, college)                                                               \
    "WITH old AS (SELECT id, archived FROM " table " WHERE id = $1" college " FOR UPDATE)"         \
    "UPDATE " table " x SET archived = $2::boolean FROM old WHERE x.id = old.id"                   \
    " RETURNING x.name, x.institution_id, old.archived"

/* The columns INSTRUMENTS_LIST and INSTRUMENT_SHOW both start with (kind_text
 * reads either), then each one's own. */
enum {
    IN_ID,
    IN_NAME,
    IN_KIND,
    IN_MIN,
    IN_MAX,
    IN_FEEDBACK,
    IN_ARCHIVED,
    IN_COLLEGE,
    IN_RESULTS,
    IN_N_COLUMNS
};
enum { IL_ITEMS = IN_N_COLUMNS, IL_DESCRIPTION, ADMIN_INSTRUMENTS_LIST_COLUMNS };
enum { IS_ROUNDS = IN_N_COLUMNS, IS_DESCRIPTION, IS_ITEM, ADMIN_INSTRUMENT_SHOW_COLUMNS };
/* THEMES_LIST: one row a theme, with how many goals name it. */
enum { TL_ID, TL_NAME, TL_ARCHIVED, TL_COLLEGE, TL_GOALS, ADMIN_THEMES_LIST_COLUMNS };
/* DEPARTMENTS_LIST: one row a department, with how many people are in it. */
enum { DL_NAME, DL_COLLEGE, DL_PEOPLE, ADMIN_DEPARTMENTS_LIST_COLUMNS };
/* admin_instrument_insert and admin_theme_insert: the new id. */
enum { NW_ID, ADMIN_INSERT_COLUMNS };
/* INSTRUMENT_LOCK: the instrument as items are added to it. */
enum {
    LK_NAME,
    LK_KIND,
    LK_ARCHIVED,
    LK_COLLEGE,
    LK_ROUNDS,
    LK_ITEMS,
    ADMIN_INSTRUMENT_LOCK_COLUMNS
};
/* SET_ARCHIVED: the row, and whether it was archived before. */
enum { AR_NAME, AR_COLLEGE, AR_WAS_ARCHIVED, ADMIN_ARCHIVE_COLUMNS };

// clang-format off
const db_statement admin_leadership_statements[] = {
    {"admin_instruments_list", INSTRUMENTS_LIST(" WHERE n.institution_id = $1"),
     ADMIN_INSTRUMENTS_LIST_COLUMNS},
    {"admin_instruments_list_all", INSTRUMENTS_LIST(""), ADMIN_INSTRUMENTS_LIST_COLUMNS},
    {"admin_themes_list", THEMES_LIST(" WHERE h.institution_id = $1"), ADMIN_THEMES_LIST_COLUMNS},
    {"admin_themes_list_all", THEMES_LIST(""), ADMIN_THEMES_LIST_COLUMNS},
    {"admin_departments_list", DEPARTMENTS_LIST(" AND u.institution_id = $1"),
     ADMIN_DEPARTMENTS_LIST_COLUMNS},
    {"admin_departments_list_all", DEPARTMENTS_LIST(""), ADMIN_DEPARTMENTS_LIST_COLUMNS},
    {"admin_instrument_insert",
     "INSERT INTO instruments (institution_id, name, kind, description, scale_min, scale_max,"
     "                         feedback, created_by)"
     " VALUES ($1, $2, $3, $4, $5::int, $6::int, $7::boolean, $8) RETURNING id",
     ADMIN_INSERT_COLUMNS},
    /* $2: the items, a text array in their order, after the $3 there are. */
    {"admin_instrument_items_insert",
     "INSERT INTO instrument_items (instrument_id, position, name)"
     " SELECT $1, $3::int + t.n, t.item FROM unnest($2::text[]) WITH ORDINALITY AS t(item, n)",
     0},
    {"admin_instrument_show", INSTRUMENT_SHOW(" AND n.institution_id = $2"),
     ADMIN_INSTRUMENT_SHOW_COLUMNS},
    {"admin_instrument_show_all", INSTRUMENT_SHOW(""), ADMIN_INSTRUMENT_SHOW_COLUMNS},
    {"admin_instrument_lock", INSTRUMENT_LOCK(" AND n.institution_id = $2"),
     ADMIN_INSTRUMENT_LOCK_COLUMNS},
    {"admin_instrument_lock_all", INSTRUMENT_LOCK(""), ADMIN_INSTRUMENT_LOCK_COLUMNS},
    {"admin_instrument_archive", SET_ARCHIVED("instruments", " AND institution_id = $3"),
     ADMIN_ARCHIVE_COLUMNS},
    {"admin_instrument_archive_all", SET_ARCHIVED("instruments", ""), ADMIN_ARCHIVE_COLUMNS},
    {"admin_theme_insert",
     "INSERT INTO leadership_themes (institution_id, name) VALUES ($1, $2) RETURNING id",
     ADMIN_INSERT_COLUMNS},
    {"admin_theme_archive", SET_ARCHIVED("leadership_themes", " AND institution_id = $3"),
     ADMIN_ARCHIVE_COLUMNS},
    {"admin_theme_archive_all", SET_ARCHIVED("leadership_themes", ""), ADMIN_ARCHIVE_COLUMNS},
    {NULL, NULL},
};
// clang-format on

#define MAX_ITEMS 40
#define MAX_ITEM_CHARS 80

static const admin_notice leadership_notices[] = {
    {"instrument", "The instrument has been added. Managers can now record results with it."},
    {"instrument_archived", "The instrument has been archived. Its results stay in the plans."},
    {"instrument_restored", "The instrument has been restored. It takes new results again."},
    {"theme", "The development theme has been added."},
    {"theme_archived", "The theme has been archived. Goals about it keep it."},
    {"theme_restored", "The theme has been restored. New goals can choose it again."},
    {NULL, NULL},
};

/* "Scores on scales, 1 to 5" or "A type", for the list. */
static const char *kind_text(request *r, const PGresult *res, int i)
{
    if (strcmp(db_text(res, i, IN_KIND), "scales") != 0)
        return "A type";
    return arena_printf(r->mem, "Scores on scales, %s to %s", db_text(res, i, IN_MIN),
                        db_text(res, i, IN_MAX));
}

/* Adds row i of res to section: its college (column college) shown to
 * site administrators, and whether it is archived (column archived). */
static tpl_dict *add_row(tpl_dict *d, const char *section, const PGresult *res, int i, bool site,
                         int college, int archived)
{
    tpl_dict *row = tpl_add_section(d, section);
    if (site)
        tpl_set(tpl_add_section(row, "SITE"), "COLLEGE", db_text(res, i, college));
    if (archived >= 0)
        tpl_show(row, strcmp(db_text(res, i, archived), "t") == 0 ? "ARCHIVED" : "IN_USE");
    return row;
}

static void fill_instruments(request *r, tpl_dict *d, const PGresult *res, bool site)
{
    for (int i = 0; i < PQntuples(res); i++) {
        tpl_dict *row = add_row(d, "INSTRUMENT", res, i, site, IN_COLLEGE, IN_ARCHIVED);
        tpl_set(row, "ID", db_text(res, i, IN_ID));
        tpl_set(row, "NAME", db_text(res, i, IN_NAME));
        tpl_set(row, "KIND", kind_text(r, res, i));
        tpl_set(row, "FEEDBACK", strcmp(db_text(res, i, IN_FEEDBACK), "t") == 0 ? "Yes" : "No");
        tpl_set(row, "RESULTS", db_text(res, i, IN_RESULTS));
        tpl_set(row, "ITEMS", db_text(res, i, IL_ITEMS));
        if (db_text(res, i, IL_DESCRIPTION)[0])
            tpl_set(tpl_add_section(row, "DESCRIPTION"), "TEXT", db_text(res, i, IL_DESCRIPTION));
    }
    tpl_show(d, PQntuples(res) ? "HAS_INSTRUMENTS" : "NO_INSTRUMENTS");
}

/* The themes (with how many goals name each) and the departments (with
 * how many people are in each). */
static void fill_themes_and_departments(tpl_dict *d, const PGresult *themes,
                                        const PGresult *departments, bool site)
{
    for (int i = 0; i < PQntuples(themes); i++) {
        tpl_dict *row = add_row(d, "THEME", themes, i, site, TL_COLLEGE, TL_ARCHIVED);
        tpl_set(row, "ID", db_text(themes, i, TL_ID));
        tpl_set(row, "NAME", db_text(themes, i, TL_NAME));
        tpl_set(row, "GOALS", db_text(themes, i, TL_GOALS));
    }
    for (int i = 0; i < PQntuples(departments); i++) {
        tpl_dict *row = add_row(d, "DEPARTMENT", departments, i, site, DL_COLLEGE, -1);
        tpl_set(row, "NAME", db_text(departments, i, DL_NAME));
        tpl_set(row, "PEOPLE", db_text(departments, i, DL_PEOPLE));
    }
    tpl_show(d, PQntuples(themes) ? "HAS_THEMES" : "NO_THEMES");
    tpl_show(d, PQntuples(departments) ? "HAS_DEPARTMENTS" : "NO_DEPARTMENTS");
}

/* ---- GET /admin/leadership, and POST /admin/leadership/themes ---- */

static const field_spec theme_fields[] = {
    {"name", "the theme's name", FIELD_STRING, true, 1, 100, NULL},
    {"institution_id", "the college", FIELD_ID, false, 0, 0, NULL},
};

/* The settings page: instruments, themes and departments in one round
 * trip, and the form to add a theme (v: what was typed, when shown again). */
static void show_settings(request *r, int status, const field_value *v, const char *field,
                          const char *error)
{
    admin_scope s;
    admin_scope_of(r, &s);
    const db_call calls[] = {auth_scoped(r, "admin_instruments_list", 0, NULL),
                             auth_scoped(r, "admin_themes_list", 0, NULL),
                             auth_scoped(r, "admin_departments_list", 0, NULL)};
    PGresult *res[3] = {NULL, NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        for (int i = 0; i < 3; i++)
            PQclear(res[i]);
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(
        r, error ? "Error: Leadership plans – Administration" : "Leadership plans – Administration",
        "admin/leadership.tpl");
    if (d) {
        if (s.site)
            tpl_show(d, "SITE");
        fill_instruments(r, d, res[0], s.site);
        fill_themes_and_departments(d, res[1], res[2], s.site);
        tpl_set(d, "THEME_NAME", v ? v[0].str : "");
        if (s.site && !admin_college_choices(r, tpl_add_section(d, "THEME_SITE"), v ? v[1].num : 0))
            status = 503;
        if (error)
            admin_field_error(r, d, field, error);
        else
            admin_show_done(r, d, leadership_notices);
    }
    for (int i = 0; i < 3; i++)
        PQclear(res[i]);
    if (status == 503)
        render_db_failed(r);
    else
        render_end(r, status);
}

void page_admin_leadership(request *r)
{
    show_settings(r, 200, NULL, NULL, NULL);
}

/* The college a new instrument or theme belongs to: the viewer's own, or
 * the one a site administrator chose (0: none chosen). */
static long long college_of(request *r, const admin_scope *s, long long chosen)
{
    return s->site ? chosen : r->user->institution_id;
}

/* How saving something new went. */
typedef enum { SAVED, DUPLICATE_NAME, NO_COLLEGE, NOT_SAVED } saving;

/* Inserts a new instrument or theme with statement (params[0]: its
 * college; its first column: the new id), an instrument's items (a text
 * array, NULL for a theme) and the audit row, in one transaction. */
static saving insert_new(request *r, const char *statement, int n, const char *const *params,
                         const char *items, const char *action, long long institution_id,
                         const char *detail)
{
    if (!db_begin(r->db))
        return NOT_SAVED;
    PGresult *res = db_run(r->db, statement, n, params);
    const char *state = res ? "" : db_last_sqlstate(r->db);
    saving out = strcmp(state, "23505") == 0   ? DUPLICATE_NAME
                 : strcmp(state, "23503") == 0 ? NO_COLLEGE
                                               : NOT_SAVED;
    if (res) {
        const char *item_params[] = {db_text(res, 0, NW_ID), items, "0"};
        PGresult *added = items ? db_run(r->db, "admin_instrument_items_insert",
                                         ARRAY_SIZE(item_params), item_params)
                                : NULL;
        if ((!items || added) && audit(r, action, 0, institution_id, detail) && db_commit(r->db))
            out = SAVED;
        PQclear(added);
    }
    PQclear(res);
    if (out != SAVED)
        db_rollback(r->db);
    return out;
}

/* A form's page, shown again with error against field. */
typedef void (*form_page)(request *r, int status, const field_value *v, const char *field,
                          const char *error);

/* Answers how saving went: on to done, or the form again saying why. */
static void answer(request *r, saving o, const char *done, form_page show, const field_value *v,
                   const char *name_field, const char *duplicate)
{
    if (o == SAVED)
        resp_redirect(r, done);
    else if (o == DUPLICATE_NAME)
        show(r, 400, v, name_field, duplicate);
    else if (o == NO_COLLEGE)
        show(r, 400, v, "institution_id", "Select a college from the list.");
    else
        render_db_failed(r);
}

void page_admin_theme_create(request *r)
{
    field_value v[2];
    const char *err;
    int bad;
    admin_scope s;
    admin_scope_of(r, &s);
    if (!admin_validate(r, theme_fields, 2, v, &err, &bad)) {
        show_settings(r, 400, v, bad == 1 ? "institution_id" : "theme_name", err);
        return;
    }
    long long institution_id = college_of(r, &s, v[1].num);
    if (!institution_id) {
        show_settings(r, 400, v, "institution_id", "Select the college this theme is for.");
        return;
    }
    const char *params[] = {req_id_text(r, institution_id), v[0].str};
    saving o = insert_new(r, "admin_theme_insert", ARRAY_SIZE(params), params, NULL,
                          "theme_created", institution_id,
                          arena_printf(r->mem, "added the development theme \"%s\"", v[0].str));
    answer(r, o, "/admin/leadership?done=theme#themes", show_settings, v, "theme_name",
           arena_printf(r->mem,
                        "There is already a theme called \"%s\". Archived themes count too: "
                        "restore it instead.",
                        v[0].str));
}

/* ---- POST .../instruments/:id/archive|restore, .../themes/:id/archive|restore ---- */

/* Archives (or restores) one instrument or theme in the viewer's scope,
 * recording it once; what is already so is left as it is. */
static void set_archived(request *r, const char *statement, const char *what, bool archived)
{
    long long id = admin_param_id(r, 0);
    field_value none[1];
    const char *err;
    if (!id) {
        render_error(r, 404, ADMIN_NOT_FOUND);
        return;
    }
    if (!form_validate(r, NULL, 0, none, &err)) {
        render_error(r, 400, err);
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    bool done = false;
    const char *params[] = {req_id_text(r, id), archived ? "true" : "false"};
    PGresult *res = admin_run(r, statement, ARRAY_SIZE(params), params);
    bool missing = res && PQntuples(res) == 0;
    if (res && !missing) {
        bool was = strcmp(db_text(res, 0, AR_WAS_ARCHIVED), "t") == 0;
        const char *action =
            arena_printf(r->mem, "%s_%s", what, archived ? "archived" : "restored");
        done = (was == archived ||
                audit(r, action, 0, db_int(res, 0, AR_COLLEGE),
                      arena_printf(r->mem, "%s the %s \"%s\"", archived ? "archived" : "restored",
                                   strcmp(what, "theme") == 0 ? "development theme" : "instrument",
                                   db_text(res, 0, AR_NAME)))) &&
               db_commit(r->db);
    }
    PQclear(res);
    if (!done)
        db_rollback(r->db);
    if (done)
        resp_redirect(r, arena_printf(r->mem, "/admin/leadership?done=%s_%s#%ss", what,
                                      archived ? "archived" : "restored", what));
    else if (missing)
        render_error(r, 404, ADMIN_NOT_FOUND);
    else
        render_db_failed(r);
}

void page_admin_instrument_archive(request *r)
{
    set_archived(r, "admin_instrument_archive", "instrument", true);
}

void page_admin_instrument_restore(request *r)
{
    set_archived(r, "admin_instrument_archive", "instrument", false);
}

void page_admin_theme_archive(request *r)
{
    set_archived(r, "admin_theme_archive", "theme", true);
}

void page_admin_theme_restore(request *r)
{
    set_archived(r, "admin_theme_archive", "theme", false);
}

/* ---- GET /admin/leadership/instruments/new, POST /admin/leadership/instruments ---- */

static const char *const kinds[] = {"scales", "type", NULL};
static const char *const yes[] = {"yes", NULL};

/* The scores are read only for scales, so what was typed there before
 * choosing "A type" does not stand in the way. */
static const field_spec instrument_fields[] = {
    {"name", "the instrument's name", FIELD_STRING, true, 1, 120, NULL},
    {"description", "the description", FIELD_STRING, false, 0, 2000, NULL},
    {"kind", "what a result gives", FIELD_ENUM, true, 0, 0, kinds},
    {"scale_min", "the lowest score", FIELD_STRING, false, 0, 20, NULL},
    {"scale_max", "the highest score", FIELD_STRING, false, 0, 20, NULL},
    {"items", "the scales or types", FIELD_STRING, false, 0, 20000, NULL},
    {"feedback", "the 360-degree feedback choice", FIELD_ENUM, false, 0, 0, yes},
    {"institution_id", "the college", FIELD_ID, false, 0, 0, NULL},
};
#define N_INSTRUMENT (sizeof instrument_fields / sizeof *instrument_fields)
enum { F_NAME, F_DESCRIPTION, F_KIND, F_MIN, F_MAX, F_ITEMS, F_FEEDBACK, F_COLLEGE };

static void show_new_instrument(request *r, int status, const field_value *v, const char *field,
                                const char *error)
{
    admin_scope s;
    admin_scope_of(r, &s);
    tpl_dict *d = render_begin(r,
                               error ? "Error: Add an instrument – Administration"
                                     : "Add an instrument – Administration",
                               "admin/leadership_instrument.tpl");
    if (!d) {
        render_end(r, 500);
        return;
    }
    if (v) {
        tpl_set(d, "NAME", v[F_NAME].str);
        tpl_set(d, "DESCRIPTION", v[F_DESCRIPTION].str);
        /* compared as text: a form refused early has not read the choice */
        if (strcmp(v[F_KIND].str, "scales") == 0)
            tpl_show(d, "SCALES");
        else if (strcmp(v[F_KIND].str, "type") == 0)
            tpl_show(d, "TYPE");
        tpl_set(d, "SCALE_MIN", v[F_MIN].str);
        tpl_set(d, "SCALE_MAX", v[F_MAX].str);
        tpl_set(d, "ITEMS", v[F_ITEMS].str);
        if (v[F_FEEDBACK].present)
            tpl_show(d, "FEEDBACK");
    }
    if (s.site && !admin_college_choices(r, tpl_add_section(d, "SITE"), v ? v[F_COLLEGE].num : 0)) {
        render_db_failed(r);
        return;
    }
    if (error)
        admin_field_error(r, d, field, error);
    render_end(r, status);
}

void page_admin_instrument_new(request *r)
{
    show_new_instrument(r, 200, NULL, NULL, NULL);
}

/* The items typed one per line (trimmed, blank lines skipped), after the
 * *n an instrument already has in items[0 .. *n - 1]; *n becomes the count
 * of all of them. Returns NULL, or a message saying what is wrong. */
static const char *read_items(request *r, const char *typed, bool scales, const char **items,
                              size_t *n)
{
    const char *noun = scales ? "scale" : "type";
    size_t had = *n, added = 0, line = 0;
    for (const char *p = typed; *p;) {
        size_t len = strcspn(p, "\n");
        const char *next = p[len] ? p + len + 1 : p + len;
        line++;
        while (len && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++, len--;
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r'))
            len--;
        const char *item = len ? arena_strndup(r->mem, p, len) : NULL;
        p = next;
        if (!item || had + ++added > MAX_ITEMS)
            continue; /* too many: only counted, to say how many */
        size_t chars = utf8_chars(item, len);
        if (chars > MAX_ITEM_CHARS)
            return arena_printf(r->mem,
                                "The %s on line %zu is %zu characters long: each %s can have "
                                "up to %d characters.",
                                noun, line, chars, noun, MAX_ITEM_CHARS);
        for (size_t i = 0; i < *n; i++)
            if (strcasecmp(items[i], item) == 0)
                return arena_printf(r->mem,
                                    i < had ? "\"%s\" is already one of its %ss."
                                            : "\"%s\" is on more than one line: each %s must "
                                              "have a different name.",
                                    item, noun);
        items[(*n)++] = item;
    }
    if (had + added > MAX_ITEMS)
        return had ? arena_printf(r->mem,
                                  "It has %zu %ss already: with these %zu it would have %zu, "
                                  "and an instrument can have up to %d.",
                                  had, noun, added, had + added, MAX_ITEMS)
                   : arena_printf(r->mem,
                                  "There are %zu %ss: an instrument can have up to %d. Split "
                                  "it into two instruments, or leave some out.",
                                  added, noun, MAX_ITEMS);
    if (!added)
        return arena_printf(r->mem, "Enter the names of the %ss%s, one per line.", noun,
                            had ? " to add" : "");
    return NULL;
}

/* A score typed in a box: a whole number from 0 to 1000. */
static const char *read_score(request *r, const field_value *v, const char *label, long long *out)
{
    if (!v->present)
        return arena_printf(r->mem, "Enter the %s score, a whole number from 0 to 1000.", label);
    if (validate_int(v->str, 0, 1000, out))
        return arena_printf(r->mem, "The %s score must be a whole number from 0 to 1000.", label);
    return NULL;
}

void page_admin_instrument_create(request *r)
{
    field_value v[N_INSTRUMENT];
    const char *err;
    int bad;
    admin_scope s;
    admin_scope_of(r, &s);
    if (!admin_validate(r, instrument_fields, N_INSTRUMENT, v, &err, &bad)) {
        show_new_instrument(r, 400, v, bad < 0 ? "name" : instrument_fields[bad].name, err);
        return;
    }
    bool scales = v[F_KIND].num == 0;
    long long lo = 0, hi = 0;
    const char *items[MAX_ITEMS];
    size_t n_items = 0;
    const char *field = NULL, *problem = NULL;
    if (scales && (problem = read_score(r, &v[F_MIN], "lowest", &lo)))
        field = "scale_min";
    else if (scales && (problem = read_score(r, &v[F_MAX], "highest", &hi)))
        field = "scale_max";
    else if (scales && lo >= hi) {
        field = "scale_max";
        problem = "The highest score must be more than the lowest score.";
    } else if ((problem = read_items(r, v[F_ITEMS].str, scales, items, &n_items)))
        field = "items";
    else if (!scales && v[F_FEEDBACK].present) {
        field = "feedback";
        problem = "Only an instrument with scores on scales can be answered in a 360-degree "
                  "feedback round. Untick the box, or choose scores on scales.";
    }
    long long institution_id = college_of(r, &s, v[F_COLLEGE].num);
    if (!problem && !institution_id) {
        field = "institution_id";
        problem = "Select the college this instrument is for.";
    }
    if (problem) {
        show_new_instrument(r, 400, v, field, problem);
        return;
    }
    const char *params[] = {req_id_text(r, institution_id),
                            v[F_NAME].str,
                            scales ? "scales" : "type",
                            v[F_DESCRIPTION].str,
                            scales ? req_id_text(r, lo) : NULL,
                            scales ? req_id_text(r, hi) : NULL,
                            v[F_FEEDBACK].present ? "true" : "false",
                            req_id_text(r, r->user->id)};
    saving o = insert_new(
        r, "admin_instrument_insert", ARRAY_SIZE(params), params,
        arena_pg_array(r->mem, items, n_items), "instrument_created", institution_id,
        arena_printf(r->mem, "added the instrument \"%s\" (%s, %zu %s%s)", v[F_NAME].str,
                     scales ? "scores on scales" : "a type", n_items, scales ? "scales" : "types",
                     v[F_FEEDBACK].present ? ", for 360-degree feedback" : ""));
    answer(r, o, "/admin/leadership?done=instrument#instruments", show_new_instrument, v, "name",
           arena_printf(r->mem,
                        "There is already an instrument called \"%s\". Archived instruments "
                        "count too: choose another name.",
                        v[F_NAME].str));
}

/* ---- GET /admin/leadership/instruments/:id, POST .../items ---- */

static const admin_notice instrument_notices[] = {
    {"items", "They have been added."},
    {NULL, NULL},
};

static const field_spec items_fields[] = {
    {"items", "the scales or types to add", FIELD_STRING, false, 0, 20000, NULL},
};

/* Why no items may be added to an instrument now, or NULL. */
static const char *items_closed(bool archived, long long rounds)
{
    if (rounds)
        return "It has been used in 360-degree feedback rounds, whose answers hold a score for "
               "each of its scales in order: its scales cannot change now. To ask about other "
               "scales, add another instrument.";
    if (archived)
        return "It is archived: restore it to add to it.";
    return NULL;
}

/* An instrument's page: what it is, its items in order, and the form to
 * add items (typed: what was typed, when shown again with error). */
static void show_instrument(request *r, long long id, int status, const char *typed,
                            const char *error)
{
    PGresult *res = admin_find(r, "admin_instrument_show", id);
    if (!res)
        return;
    bool scales = strcmp(db_text(res, 0, IN_KIND), "scales") == 0;
    tpl_dict *d = render_begin(r,
                               arena_printf(r->mem, "%s%s – Administration", error ? "Error: " : "",
                                            db_text(res, 0, IN_NAME)),
                               "admin/leadership_instrument_show.tpl");
    if (!d) {
        PQclear(res);
        render_end(r, 500);
        return;
    }
    tpl_set(d, "ID", db_text(res, 0, IN_ID));
    tpl_set(d, "NAME", db_text(res, 0, IN_NAME));
    tpl_set(d, "COLLEGE", db_text(res, 0, IN_COLLEGE));
    tpl_set(d, "KIND", kind_text(r, res, 0));
    tpl_set(d, "FEEDBACK", strcmp(db_text(res, 0, IN_FEEDBACK), "t") == 0 ? "Yes" : "No");
    tpl_set(d, "RESULTS", db_text(res, 0, IN_RESULTS));
    tpl_set(d, "ROUNDS", db_text(res, 0, IS_ROUNDS));
    tpl_set(d, "NOUN", scales ? "scales" : "types");
    bool archived = strcmp(db_text(res, 0, IN_ARCHIVED), "t") == 0;
    tpl_show(d, archived ? "ARCHIVED" : "IN_USE");
    if (db_text(res, 0, IS_DESCRIPTION)[0])
        tpl_set(tpl_add_section(d, "DESCRIPTION"), "TEXT", db_text(res, 0, IS_DESCRIPTION));
    for (int i = 0; i < PQntuples(res); i++)
        if (!PQgetisnull(res, i, IS_ITEM))
            tpl_set(tpl_add_section(d, "ITEM"), "NAME", db_text(res, i, IS_ITEM));
    const char *closed = items_closed(archived, db_int(res, 0, IS_ROUNDS));
    if (closed) {
        tpl_set(tpl_add_section(d, "CLOSED"), "WHY", closed);
    } else {
        tpl_dict *f = tpl_add_section(d, "ADD");
        tpl_set(f, "ID", db_text(res, 0, IN_ID));
        tpl_set(f, "NOUN", scales ? "scales" : "types");
        tpl_set(f, "ITEMS", typed ? typed : "");
        if (error)
            admin_inline_error(r, f, "items", error);
    }
    if (error) {
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "FIELD", "items");
        tpl_set(e, "MESSAGE", error);
    } else {
        admin_show_done(r, d, instrument_notices);
    }
    PQclear(res);
    render_end(r, status);
}

void page_admin_instrument_show(request *r)
{
    long long id = admin_param_id(r, 0);
    if (!id)
        render_error(r, 404, ADMIN_NOT_FOUND);
    else
        show_instrument(r, id, 200, NULL, NULL);
}

/* Adds items after the last, in one transaction with its audit row, unless
 * results of 360-degree rounds count on the items staying as they are. */
void page_admin_instrument_items(request *r)
{
    long long id = admin_param_id(r, 0);
    field_value v[1];
    const char *err;
    int bad;
    if (!id) {
        render_error(r, 404, ADMIN_NOT_FOUND);
        return;
    }
    if (!admin_validate(r, items_fields, 1, v, &err, &bad)) {
        show_instrument(r, id, 400, v[0].str, err);
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    int status = 503;
    const char *problem = NULL;
    const char *find[] = {req_id_text(r, id)};
    PGresult *res = admin_run(r, "admin_instrument_lock", ARRAY_SIZE(find), find);
    if (!res || PQntuples(res) != 1) {
        status = res ? 404 : 503;
        goto out;
    }
    bool scales = strcmp(db_text(res, 0, LK_KIND), "scales") == 0;
    if ((problem = items_closed(strcmp(db_text(res, 0, LK_ARCHIVED), "t") == 0,
                                db_int(res, 0, LK_ROUNDS)))) {
        status = 409;
        goto out;
    }
    const char *items[MAX_ITEMS];
    size_t n = 0;
    for (const char *p = db_text(res, 0, LK_ITEMS); *p && n < MAX_ITEMS;) {
        size_t len = strcspn(p, "\n");
        items[n++] = arena_strndup(r->mem, p, len);
        p += len + (p[len] == '\n');
    }
    size_t had = n;
    if ((problem = read_items(r, v[0].str, scales, items, &n))) {
        status = 400;
        goto out;
    }
    const char *params[] = {req_id_text(r, id), arena_pg_array(r->mem, items + had, n - had),
                            req_id_text(r, (long long)had)};
    PGresult *added = db_run(r->db, "admin_instrument_items_insert", ARRAY_SIZE(params), params);
    bool inserted = added != NULL;
    PQclear(added);
    if (inserted &&
        audit(r, "instrument_items_added", 0, db_int(res, 0, LK_COLLEGE),
              arena_printf(r->mem, "added %zu %s to the instrument \"%s\"", n - had,
                           scales ? "scales" : "types", db_text(res, 0, LK_NAME))) &&
        db_commit(r->db))
        status = 0;
out:
    PQclear(res);
    if (status)
        db_rollback(r->db);
    if (!status)
        resp_redirect(r, arena_printf(r->mem, "/admin/leadership/instruments/%lld?done=items", id));
    else if (problem)
        show_instrument(r, id, status, v[0].str, problem);
    else if (status == 404)
        render_error(r, 404, ADMIN_NOT_FOUND);
    else
        render_db_failed(r);
}
