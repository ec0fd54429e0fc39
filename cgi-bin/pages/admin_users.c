/* admin_users: people, as their college's administrators see them: find,
 * add, change details and roles, suspend and reactivate, and issue
 * one-time password-reset links. Everything happens inside the viewer's
 * scope (admin.h); someone outside it answers 404, like no one. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/reset.h"
#include "admin.h"

// clang-format off
/* The people the list's filters match ($1 search, $2 status, $3 role
 * mask), from users u and the search pattern p; college: the predicate
 * that keeps to one college. */
#define USERS_MATCH(college)                                                                       \
    " WHERE ($1::text IS NULL OR u.username ILIKE p.pattern"                                       \
    "        OR u.display_name ILIKE p.pattern OR u.email ILIKE p.pattern)"                        \
    "   AND ($2::text IS NULL OR u.status = $2)"                                                   \
    "   AND ($3::int IS NULL OR u.roles & $3::int <> 0)"                                           \
    college
/* One round trip for a page of results and the count of all of them: the
 * count row always exists, the page may be empty. The page is read in
 * username order from the index, only as far as it goes. Wildcards typed
 * into the search box match themselves (backslash is ILIKE's escape); the
 * pattern is made once, not for each row. */
#define USERS_LIST(college)                                                                        \
    "WITH p AS MATERIALIZED (SELECT '%' || replace(replace(replace($1, '\\', '\\\\'),"             \
    "                                                      '%', '\\%'), '_', '\\_') || '%'"        \
    "                                 AS pattern)"                                                 \
    "SELECT t.total, pg.id, pg.username, pg.display_name, pg.roles, pg.status, pg.college,"        \
    "       pg.department"                                                                         \
    "  FROM (SELECT count(*) AS total FROM users u CROSS JOIN p"                                   \
    USERS_MATCH(college) ") t"                                                                     \
    "  LEFT JOIN LATERAL (SELECT u.id, u.username, u.display_name, u.roles, u.status,"             \
    "                            i.name AS college, u.department"                                  \
    "                       FROM users u JOIN institutions i ON i.id = u.institution_id"           \
    "                      CROSS JOIN p"                                                           \
    USERS_MATCH(college)                                                                           \
    "                      ORDER BY u.username LIMIT $4::int OFFSET $5::int) pg ON true"           \
    " ORDER BY pg.username"
// clang-format on
/* The person and their cohorts: one row per membership. The version is
 * updated_at in microseconds, exact as a number, for optimistic locking. */
#define USER_SHOW(college)                                                                         \
    "SELECT u.id, u.username, u.display_name, u.email, u.roles, u.status, u.institution_id,"       \
    "       i.name, coalesce(lm.username, ''),"                                                    \
    "       (extract(epoch FROM u.updated_at) * 1000000)::bigint,"                                 \
    "       to_char(u.created_at, '" SQL_DAY "'),"                                                 \
    "       coalesce(to_char(greatest((SELECT max(a.at) FROM audit_log a"                          \
    "                                   WHERE a.target_user_id = u.id AND a.action = 'sign_in'),"  \
    "                                 (SELECT max(s.created_at) FROM sessions s"                   \
    "                                   WHERE s.user_id = u.id)),"                                 \
    "                        '" SQL_DAY ", HH24:MI'), ''),"                                        \
    "       c.id, c.code, c.name, m.role, coalesce(lm.display_name, ''), u.department"             \
    "  FROM users u JOIN institutions i ON i.id = u.institution_id"                                \
    "  LEFT JOIN users lm ON lm.id = u.line_manager_id"                                            \
    "  LEFT JOIN memberships m ON m.user_id = u.id AND m.institution_id = u.institution_id"        \
    "  LEFT JOIN cohorts c ON c.id = m.cohort_id AND c.institution_id = m.institution_id"          \
    " WHERE u.id = $1" college " ORDER BY c.code, m.role"
#define USER_LOCK(college)                                                                         \
    "SELECT u.username, u.display_name, u.email, u.roles, u.status, u.institution_id,"             \
    "       coalesce(u.line_manager_id, 0), u.department"                                          \
    "  FROM users u WHERE u.id = $1" college " FOR UPDATE"

/* USERS_LIST: the count on every row, then one person (ID NULL on the
 * lone count row of an empty page). */
enum {
    UL_TOTAL,
    UL_ID,
    UL_USERNAME,
    UL_DISPLAY_NAME,
    UL_ROLES,
    UL_STATUS,
    UL_COLLEGE,
    UL_DEPARTMENT,
    ADMIN_USERS_LIST_COLUMNS
};
/* USER_SHOW: the person on every row, then one membership (COHORT_ID NULL
 * when they have none); MANAGER is the line manager's username, VERSION
 * the row's version. */
enum {
    US_ID,
    US_USERNAME,
    US_DISPLAY_NAME,
    US_EMAIL,
    US_ROLES,
    US_STATUS,
    US_INSTITUTION_ID,
    US_COLLEGE,
    US_MANAGER,
    US_VERSION,
    US_CREATED,
    US_LAST_SIGN_IN,
    US_COHORT_ID,
    US_COHORT_CODE,
    US_COHORT_NAME,
    US_ROLE,
    US_MANAGER_NAME,
    US_DEPARTMENT,
    ADMIN_USER_SHOW_COLUMNS
};
/* USER_LOCK: the locked person (LINE_MANAGER_ID 0 for none). */
enum {
    UK_USERNAME,
    UK_DISPLAY_NAME,
    UK_EMAIL,
    UK_ROLES,
    UK_STATUS,
    UK_INSTITUTION_ID,
    UK_LINE_MANAGER_ID,
    UK_DEPARTMENT,
    ADMIN_USER_LOCK_COLUMNS
};
enum { UIC_ID, ADMIN_USER_IN_COLLEGE_COLUMNS };
enum { UI_ID, ADMIN_USER_INSERT_COLUMNS };
enum { CN_NAME, ADMIN_COLLEGE_NAME_COLUMNS };

/* Each list and lookup in two forms: for one college (the college its
 * last parameter) and, _all, for site administrators (auth_scoped). */
const db_statement admin_users_statements[] = {
    {"admin_users_list", USERS_LIST(" AND u.institution_id = $6"), ADMIN_USERS_LIST_COLUMNS},
    {"admin_users_list_all", USERS_LIST(""), ADMIN_USERS_LIST_COLUMNS},
    {"admin_user_show", USER_SHOW(" AND u.institution_id = $2"), ADMIN_USER_SHOW_COLUMNS},
    {"admin_user_show_all", USER_SHOW(""), ADMIN_USER_SHOW_COLUMNS},
    {"admin_user_lock", USER_LOCK(" AND u.institution_id = $2"), ADMIN_USER_LOCK_COLUMNS},
    {"admin_user_lock_all", USER_LOCK(""), ADMIN_USER_LOCK_COLUMNS},
    {"admin_user_in_college",
     "SELECT id FROM users WHERE username = lower($1) AND institution_id = $2",
     ADMIN_USER_IN_COLLEGE_COLUMNS},
    /* A mail with a new one-time password link for person $1, a welcome
     * to a new account when $2 (sql/0024_password_link_mail.sql). */
    {"admin_user_password_mail", "SELECT queue_password_links(ARRAY[$1::bigint], $2::boolean)", 1},
    {"admin_user_insert",
     "INSERT INTO users (institution_id, username, display_name, email, roles, line_manager_id,"
     "                   department)"
     " VALUES ($1, $2, $3, $4, $5, NULLIF($6, '0')::bigint, $7) RETURNING id",
     ADMIN_USER_INSERT_COLUMNS},
    {"admin_user_update",
     "UPDATE users SET display_name = $2, email = $3, roles = $4,"
     "                 line_manager_id = NULLIF($5, '0')::bigint, department = $7,"
     "                 updated_at = now()"
     " WHERE id = $1 AND institution_id = $8"
     "   AND (extract(epoch FROM updated_at) * 1000000)::bigint = $6::bigint",
     0},
    /* These two take the person's college, $2, as admin_user_lock found it. */
    {"admin_user_status",
     "UPDATE users SET status = $3, updated_at = now() WHERE id = $1 AND institution_id = $2", 0},
    /* A suspended person's private feed address stops too. */
    {"admin_user_sessions_end",
     "WITH feeds AS (DELETE FROM feed_tokens WHERE user_id = $1 AND institution_id = $2)"
     " DELETE FROM sessions WHERE user_id = $1 AND institution_id = $2",
     0},
    {"admin_college_name", "SELECT name FROM institutions WHERE id = $1",
     ADMIN_COLLEGE_NAME_COLUMNS},
    {NULL, NULL},
};

/* The reset link travels from the POST that made it to the page that shows
 * it in a short-lived cookie, so that the POST can end in a redirect and
 * the link is still shown exactly once (the page deletes the cookie). */
#define RESET_COOKIE "tandem_admin_reset"
#define RESET_COOKIE_SECONDS 600

#define ADMIN_ROLES (ROLE_INSTITUTION_ADMIN | ROLE_SITE_ADMIN)

/* The roles as administrators choose them. */
static const struct {
    unsigned role;
    const char *field, *label, *hint;
} role_choices[] = {
    {ROLE_STUDENT, "role_student", "Student",
     "Keeps a portfolio, a learning log and a learning plan."},
    {ROLE_STAFF, "role_staff", "Staff", "Tutors, mentors and other college staff."},
    {ROLE_MANAGER, "role_manager", "Manager", "Middle managers, with a leadership plan."},
    {ROLE_LEADER, "role_leader", "Leader",
     "Senior leaders: see college-wide, aggregated information."},
    {ROLE_INSTITUTION_ADMIN, "role_institution_admin", "College administrator",
     "Manages people, courses and cohorts at their college."},
    {ROLE_SITE_ADMIN, "role_site_admin", "Site administrator",
     "Manages every college on this Tandem."},
    {ROLE_UNION_OFFICER, "role_union_officer", "Students' union officer",
     "Runs student-voice polls for the whole college."},
};
#define N_ROLES (sizeof role_choices / sizeof *role_choices)

static const char *const checked[] = {"yes", NULL};
#define ROLE_FIELDS                                                                                \
    {"role_student", "the student role", FIELD_ENUM, false, 0, 0, checked},                        \
        {"role_staff", "the staff role", FIELD_ENUM, false, 0, 0, checked},                        \
        {"role_manager", "the manager role", FIELD_ENUM, false, 0, 0, checked},                    \
        {"role_leader", "the leader role", FIELD_ENUM, false, 0, 0, checked},                      \
        {"role_institution_admin",                                                                 \
         "the college administrator role",                                                         \
         FIELD_ENUM,                                                                               \
         false,                                                                                    \
         0,                                                                                        \
         0,                                                                                        \
         checked},                                                                                 \
        {"role_site_admin", "the site administrator role", FIELD_ENUM, false, 0, 0, checked},      \
    {                                                                                              \
        "role_union_officer", "the union officer role", FIELD_ENUM, false, 0, 0, checked           \
    }

/* Creating and changing take the same fields, except that only creating
 * names a username and a college, and only changing carries the version
 * that was shown (optimistic locking). */
static const field_spec create_fields[] = {
    {"username", "the username", FIELD_STRING, true, 2, 64, NULL},
    {"display_name", "the full name", FIELD_STRING, true, 1, 200, NULL},
    {"email", "the email address", FIELD_EMAIL, true, 0, 0, NULL},
    {"line_manager", "the line manager's username", FIELD_STRING, false, 0, 64, NULL},
    {"department", "the department", FIELD_STRING, false, 0, 100, NULL},
    {"institution_id", "the college", FIELD_ID, false, 0, 0, NULL},
    ROLE_FIELDS,
};
static const field_spec edit_fields[] = {
    {"display_name", "the full name", FIELD_STRING, true, 1, 200, NULL},
    {"email", "the email address", FIELD_EMAIL, true, 0, 0, NULL},
    {"line_manager", "the line manager's username", FIELD_STRING, false, 0, 64, NULL},
    {"department", "the department", FIELD_STRING, false, 0, 100, NULL},
    {"version", "the version of these details", FIELD_INT, true, 0, 9007199254740991LL, NULL},
    ROLE_FIELDS,
};
#define N_CREATE (sizeof create_fields / sizeof *create_fields)
#define N_EDIT (sizeof edit_fields / sizeof *edit_fields)

/* What a person typed into the create or edit form. */
typedef struct {
    const char *username, *display_name, *email, *line_manager, *department;
    long long institution_id, version;
    unsigned roles;
} user_input;

static const field_value *value_of(const field_spec *specs, size_t n, const field_value *v,
                                   const char *name)
{
    static const field_value absent = {.str = ""};
    for (size_t i = 0; i < n; i++)
        if (strcmp(specs[i].name, name) == 0)
            return &v[i];
    return &absent;
}

static void read_input(const field_spec *specs, size_t n, const field_value *v, user_input *in)
{
    in->username = value_of(specs, n, v, "username")->str;
    in->display_name = value_of(specs, n, v, "display_name")->str;
    in->email = value_of(specs, n, v, "email")->str;
    in->line_manager = value_of(specs, n, v, "line_manager")->str;
    in->department = value_of(specs, n, v, "department")->str;
    in->institution_id = value_of(specs, n, v, "institution_id")->num;
    in->version = value_of(specs, n, v, "version")->num;
    in->roles = 0;
    for (size_t i = 0; i < N_ROLES; i++)
        if (value_of(specs, n, v, role_choices[i].field)->present)
            in->roles |= role_choices[i].role;
}

/* The field a validation failure is shown against; the role checkboxes
 * share one. An unknown field is shown against the first. */
static const char *field_name(const field_spec *specs, int bad)
{
    const char *name = specs[bad < 0 ? 0 : bad].name;
    return strncmp(name, "role_", 5) == 0 ? "roles" : name;
}

/* "Student, Staff" for a set of roles. */
static const char *role_labels(request *r, unsigned roles)
{
    const char *out = "";
    for (size_t i = 0; i < N_ROLES; i++)
        if (roles & role_choices[i].role)
            out = arena_printf(r->mem, "%s%s%s", out, out[0] ? ", " : "", role_choices[i].label);
    return out[0] ? out : "None";
}

/* The roles this viewer may give: a college administrator can make
 * another, but only a site administrator can make a site administrator. */
static unsigned grantable(const admin_scope *s)
{
    unsigned all = 0;
    for (size_t i = 0; i < N_ROLES; i++)
        all |= role_choices[i].role;
    return s->site ? all : all & ~(unsigned)ROLE_SITE_ADMIN;
}

/* NULL when roles are acceptable from this viewer, else why not. */
static const char *roles_problem(const admin_scope *s, unsigned roles)
{
    if (!roles)
        return "Select at least one role.";
    if (roles & ~grantable(s))
        return "Only a site administrator can give the site administrator role.";
    return NULL;
}

/* The role checkboxes, ticked from roles. */
static void fill_roles(tpl_dict *d, const admin_scope *s, unsigned roles)
{
    unsigned may = grantable(s);
    bool first = true;
    for (size_t i = 0; i < N_ROLES; i++) {
        if (!(may & role_choices[i].role))
            continue;
        tpl_dict *c = tpl_add_section(d, "ROLE");
        /* The error summary links to the first checkbox. */
        tpl_set(c, "ID", first ? "roles" : role_choices[i].field);
        tpl_set(c, "NAME", role_choices[i].field);
        tpl_set(c, "LABEL", role_choices[i].label);
        tpl_set(c, "HINT", role_choices[i].hint);
        if (roles & role_choices[i].role)
            tpl_show(c, "CHECKED");
        first = false;
    }
}

/* A college administrator cannot change a site administrator, or they
 * could take over the whole site with a reset link. */
#define NOT_CHANGEABLE "Only a site administrator can change a site administrator's account."
static bool may_change(const admin_scope *s, unsigned roles)
{
    return s->site || !(roles & ROLE_SITE_ADMIN);
}

/* The fields that creating and changing share (admin/user_fields.tpl),
 * included as FIELDS in d, with error shown beside its field. */
static void fill_fields(request *r, tpl_dict *d, const admin_scope *s, const char *display_name,
                        const char *email, const char *line_manager, const char *department,
                        unsigned roles, const char *field, const char *error)
{
    tpl_dict *f = tpl_include(d, "FIELDS", "admin/user_fields.tpl");
    if (!f)
        return;
    tpl_set(f, "DISPLAY_NAME", display_name);
    tpl_set(f, "EMAIL", email);
    tpl_set(f, "LINE_MANAGER", line_manager);
    tpl_set(f, "DEPARTMENT", department);
    fill_roles(f, s, roles);
    if (error)
        admin_inline_error(r, f, field, error);
}

static bool username_ok(const char *u)
{
    if (!(islower((unsigned char)u[0]) || isdigit((unsigned char)u[0])))
        return false;
    for (const char *p = u; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '.' || *p == '_' ||
              *p == '-'))
            return false;
    return true;
}

/* Finds the line manager by username in the college: *id is 0 for none.
 * Returns NULL, or a message for the line_manager field, or "" when the
 * database failed. */
static const char *find_line_manager(request *r, const char *username, long long institution_id,
                                     long long self_id, long long *id)
{
    *id = 0;
    if (!username[0])
        return NULL;
    const char *params[] = {username, req_id_text(r, institution_id)};
    PGresult *res = db_run(r->db, "admin_user_in_college", ARRAY_SIZE(params), params);
    if (!res)
        return "";
    if (PQntuples(res) == 1)
        *id = db_int(res, 0, UIC_ID);
    PQclear(res);
    if (!*id)
        return arena_printf(r->mem,
                            "There is no one with the username \"%s\" at this college. "
                            "Check the line manager's username.",
                            username);
    if (*id == self_id)
        return "A person cannot be their own line manager. Leave it empty or choose someone "
               "else.";
    return NULL;
}

/* ---- GET /admin/users ---- */

static const char *const status_choices[] = {"active", "suspended", NULL};
static const char *const role_filter_choices[] = {
    "student", "staff", "manager", "leader", "institution_admin", "site_admin", NULL};

static const field_spec list_fields[] = {
    {"q", "the search", FIELD_STRING, false, 0, 100, NULL},
    {"status", "the status", FIELD_ENUM, false, 0, 0, status_choices},
    {"role", "the role", FIELD_ENUM, false, 0, 0, role_filter_choices},
    {"page", "the page number", FIELD_INT, false, 1, 100000, NULL},
};

static void fill_options(tpl_dict *d, const char *section, const char *const *values,
                         const char *const *labels, const char *selected)
{
    for (size_t i = 0; values[i]; i++) {
        tpl_dict *o = tpl_add_section(d, section);
        tpl_set(o, "VALUE", values[i]);
        tpl_set(o, "LABEL", labels[i]);
        if (strcmp(values[i], selected) == 0)
            tpl_show(o, "SELECTED");
    }
}

void page_admin_users(request *r)
{
    field_value v[4];
    const char *err;
    if (!form_validate(r, list_fields, 4, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    admin_scope s;
    admin_scope_of(r, &s);
    long long page = v[3].present ? v[3].num : 1;
    char mask[24];
    snprintf(mask, sizeof mask, "%u", v[2].present ? auth_role_from_name(v[2].str) : 0);
    const char *params[] = {v[0].present ? v[0].str : NULL, v[1].present ? v[1].str : NULL,
                            v[2].present ? mask : NULL, req_id_text(r, ADMIN_PAGE_SIZE),
                            req_id_text(r, (page - 1) * ADMIN_PAGE_SIZE)};
    /* Planned for the filters given: with none, the count is of the
     * college's entries in its index of usernames, not a scan of every
     * college's people (a generic plan cannot tell which were left out). */
    PGresult *res = admin_run_planned(r, "admin_users_list", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    long long total = db_int(res, 0, UL_TOTAL);
    tpl_dict *d = render_begin(r, "People – Administration", "admin/users.tpl");
    if (d) {
        tpl_set(d, "Q", v[0].str);
        static const char *const status_labels[] = {"Active", "Suspended"};
        static const char *const role_filter_labels[] = {
            "Students",           "Staff", "Managers", "Leaders", "College administrators",
            "Site administrators"};
        fill_options(d, "STATUS_OPTION", status_choices, status_labels, v[1].str);
        fill_options(d, "ROLE_OPTION", role_filter_choices, role_filter_labels, v[2].str);
        if (s.site)
            tpl_show(d, "SITE");
        bool filtered = v[0].present || v[1].present || v[2].present;
        if (filtered)
            tpl_show(d, "FILTERED");
        tpl_set(d, "TOTAL", total == 1 ? "1 person" : arena_printf(r->mem, "%lld people", total));
        int rows = 0;
        for (int i = 0; i < PQntuples(res) && !PQgetisnull(res, i, UL_ID); i++, rows++) {
            tpl_dict *row = tpl_add_section(d, "USER");
            tpl_set(row, "ID", db_text(res, i, UL_ID));
            tpl_set(row, "USERNAME", db_text(res, i, UL_USERNAME));
            tpl_set(row, "DISPLAY_NAME", db_text(res, i, UL_DISPLAY_NAME));
            tpl_set(row, "ROLES", role_labels(r, (unsigned)db_int(res, i, UL_ROLES)));
            if (strcmp(db_text(res, i, UL_STATUS), "active") == 0)
                tpl_show(row, "ACTIVE");
            else
                tpl_show(row, "SUSPENDED");
            tpl_set(row, "DEPARTMENT", db_text(res, i, UL_DEPARTMENT));
            if (s.site)
                tpl_set(tpl_add_section(row, "SITE"), "COLLEGE", db_text(res, i, UL_COLLEGE));
        }
        admin_list_state(d, rows, total, filtered);
        admin_paginate(r, d, admin_filter_link(r, "/admin/users", list_fields, v, 3), page, total);
    }
    PQclear(res);
    render_end(r, 200);
}

/* ---- GET /admin/users/new, POST /admin/users ---- */

static void show_new(request *r, int status, const user_input *in, const char *field,
                     const char *error)
{
    admin_scope s;
    admin_scope_of(r, &s);
    const char *college = "";
    if (!s.site) {
        const char *params[] = {req_id_text(r, r->user->institution_id)};
        PGresult *res = db_run(r->db, "admin_college_name", ARRAY_SIZE(params), params);
        if (!res) {
            render_db_failed(r);
            return;
        }
        college = PQntuples(res) ? arena_strdup(r->mem, db_text(res, 0, CN_NAME)) : "";
        PQclear(res);
    }
    tpl_dict *d = render_begin(
        r, error ? "Error: Add a person – Administration" : "Add a person – Administration",
        "admin/user_new.tpl");
    if (!d) {
        render_end(r, 500);
        return;
    }
    tpl_set(d, "COLLEGE", s.site ? "All colleges" : college);
    tpl_set(d, "USERNAME", in ? in->username : "");
    /* New people are most often students. */
    fill_fields(r, d, &s, in ? in->display_name : "", in ? in->email : "",
                in ? in->line_manager : "", in ? in->department : "", in ? in->roles : ROLE_STUDENT,
                field, error);
    if (s.site &&
        !admin_college_choices(r, tpl_add_section(d, "SITE"), in ? in->institution_id : 0)) {
        render_db_failed(r);
        return;
    }
    if (error)
        admin_field_error(r, d, field, error);
    render_end(r, status);
}

void page_admin_user_new(request *r)
{
    show_new(r, 200, NULL, NULL, NULL);
}

/* Sets the cookie that carries a new reset link to the person's page. */
static void pass_reset_link(request *r, long long user_id, const char *token)
{
    resp_cookie(r, RESET_COOKIE, arena_printf(r->mem, "%lld.%s", user_id, token),
                RESET_COOKIE_SECONDS);
}

/* Reads and checks the new-person form into *in. Returns false having shown
 * the form again with the first problem. */
static bool read_new_user(request *r, const admin_scope *s, user_input *in)
{
    field_value v[N_CREATE];
    const char *err;
    int bad;
    bool ok = admin_validate(r, create_fields, N_CREATE, v, &err, &bad);
    read_input(create_fields, N_CREATE, v, in);
    if (!ok) {
        show_new(r, 400, in, field_name(create_fields, bad), err);
        return false;
    }
    /* Usernames are lower-case; accept what was typed in capitals. */
    char *username = arena_strdup(r->mem, in->username);
    for (char *p = username; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    in->username = username;
    if (!username_ok(in->username)) {
        show_new(r, 400, in, "username",
                 "The username can only use lower-case letters, digits, dots, hyphens and "
                 "underscores, and must start with a letter or digit.");
        return false;
    }
    const char *problem = roles_problem(s, in->roles);
    if (problem) {
        show_new(r, 400, in, "roles", problem);
        return false;
    }
    if (!s->site)
        in->institution_id = r->user->institution_id;
    else if (!in->institution_id) {
        show_new(r, 400, in, "institution_id", "Select the college this person belongs to.");
        return false;
    }
    return true;
}

/* Queues the mail that brings person id a link to choose a password (the
 * mail worker makes the link when it sends it); a welcome when new. */
static bool queue_password_mail(request *r, long long id, bool welcome)
{
    const char *params[] = {req_id_text(r, id), welcome ? "t" : "f"};
    PGresult *res = db_run(r->db, "admin_user_password_mail", ARRAY_SIZE(params), params);
    PQclear(res);
    return res != NULL;
}

/* Creates the person, their reset link and the audit rows in one
 * transaction, then shows the link once on their page. */
void page_admin_user_create(request *r)
{
    user_input in;
    admin_scope s;
    admin_scope_of(r, &s);
    if (!read_new_user(r, &s, &in))
        return;
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    bool done = false;
    const char *field = NULL, *message = NULL;
    char token[RESET_TOKEN_LEN + 1];
    long long manager_id, id = 0;
    message = find_line_manager(r, in.line_manager, in.institution_id, 0, &manager_id);
    if (message) {
        field = "line_manager";
        goto out;
    }
    const char *params[] = {req_id_text(r, in.institution_id),
                            in.username,
                            in.display_name,
                            in.email,
                            req_id_text(r, in.roles),
                            req_id_text(r, manager_id),
                            in.department};
    PGresult *res = db_run(r->db, "admin_user_insert", ARRAY_SIZE(params), params);
    if (!res) {
        const char *state = db_last_sqlstate(r->db);
        if (strcmp(state, "23505") == 0) {
            field = "username";
            message = arena_printf(r->mem,
                                   "The username \"%s\" is already taken. Choose "
                                   "another.",
                                   in.username);
        } else if (strcmp(state, "23503") == 0) {
            field = "institution_id";
            message = "Select a college from the list.";
        }
        goto out;
    }
    id = db_int(res, 0, UI_ID);
    PQclear(res);
    done = reset_issue(db_conn(r->db), id, in.institution_id, r->user->id, token) == 0 &&
           queue_password_mail(r, id, true) &&
           audit(r, "user_created", id, in.institution_id,
                 arena_printf(r->mem, "added %s (%s) with roles: %s", in.username, in.display_name,
                              auth_role_names(r->mem, in.roles))) &&
           audit(r, "password_reset_issued", id, in.institution_id,
                 arena_printf(r->mem, "reset link for new account %s", in.username)) &&
           db_commit(r->db);
out:
    if (!done)
        db_rollback(r->db);
    if (done) {
        pass_reset_link(r, id, token);
        resp_redirect(r, arena_printf(r->mem, "/admin/users/%lld?done=created", id));
    } else if (message && message[0]) {
        show_new(r, 400, &in, field, message);
    } else {
        render_db_failed(r);
    }
}

/* ---- GET /admin/users/:id and the person's page after every change ---- */

static const admin_notice user_notices[] = {
    {"created", "The account has been created."},
    {"updated", "The changes have been saved."},
    {"unchanged", "Nothing was changed: the details were the same as before."},
    {"suspended", "The account has been suspended and signed out everywhere."},
    {"reactivated", "The account has been reactivated. They can sign in again."},
    {"reset", "A new password reset link has been made."},
    {"emailed", "An email with a link to choose a new password is on its way."},
    {NULL, NULL},
};

/* The reset link carried by the cookie, if it is for this person; the
 * cookie is deleted either way once the page has seen it. */
static const char *take_reset_link(request *r, long long user_id)
{
    const char *c = req_cookie(r, RESET_COOKIE);
    if (!c)
        return NULL;
    resp_cookie(r, RESET_COOKIE, "", 0);
    const char *dot = strchr(c, '.');
    if (!dot || strtoll(c, NULL, 10) != user_id || strlen(dot + 1) != RESET_TOKEN_LEN)
        return NULL;
    for (const char *p = dot + 1; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
            return NULL;
    return arena_printf(r->mem, "%s/reset/%s", http_own_origin(r), dot + 1);
}

/* Cohorts of the person, one entry per cohort with their roles in it. */
static void fill_cohorts(request *r, tpl_dict *d, PGresult *res)
{
    tpl_dict *cohort = NULL;
    const char *roles = "";
    long long last = 0;
    for (int i = 0; i < PQntuples(res); i++) {
        if (PQgetisnull(res, i, US_COHORT_ID))
            break;
        long long cid = db_int(res, i, US_COHORT_ID);
        if (cid != last) {
            if (cohort)
                tpl_set(cohort, "ROLES", roles);
            cohort = tpl_add_section(d, "COHORT");
            tpl_set(cohort, "ID", db_text(res, i, US_COHORT_ID));
            tpl_set(cohort, "CODE", db_text(res, i, US_COHORT_CODE));
            tpl_set(cohort, "NAME", db_text(res, i, US_COHORT_NAME));
            roles = "";
            last = cid;
        }
        roles =
            arena_printf(r->mem, "%s%s%s", roles, roles[0] ? ", " : "", db_text(res, i, US_ROLE));
    }
    if (cohort)
        tpl_set(cohort, "ROLES", roles);
    else
        tpl_show(d, "NO_COHORTS");
}

/* The person's page: what is saved, the form to change it (filled from in
 * when a submitted form is shown again), and the access actions. conflict:
 * someone else saved first, so the form keeps in but carries the current
 * version. */
static void show_user(request *r, long long id, int status, const user_input *in, const char *field,
                      const char *error, bool conflict)
{
    admin_scope s;
    admin_scope_of(r, &s);
    PGresult *res = admin_find(r, "admin_user_show", id);
    if (!res)
        return;
    unsigned roles = (unsigned)db_int(res, 0, US_ROLES);
    bool active = strcmp(db_text(res, 0, US_STATUS), "active") == 0;
    const char *name = db_text(res, 0, US_DISPLAY_NAME);
    bool changeable = may_change(&s, roles);
    if (error && !changeable) { /* a form that was never offered */
        PQclear(res);
        render_error(r, 403, NOT_CHANGEABLE);
        return;
    }
    tpl_dict *d =
        render_begin(r, arena_printf(r->mem, "%s%s – Administration", error ? "Error: " : "", name),
                     "admin/user.tpl");
    if (!d) {
        PQclear(res);
        render_end(r, 500);
        return;
    }
    tpl_set(d, "ID", db_text(res, 0, US_ID));
    tpl_set(d, "USERNAME", db_text(res, 0, US_USERNAME));
    tpl_set(d, "NAME", name);
    tpl_set(d, "SAVED_EMAIL", db_text(res, 0, US_EMAIL));
    tpl_set(d, "SAVED_ROLES", role_labels(r, roles));
    tpl_set(d, "COLLEGE", db_text(res, 0, US_COLLEGE));
    if (db_text(res, 0, US_MANAGER)[0]) {
        tpl_dict *m = tpl_add_section(d, "SAVED_MANAGER");
        tpl_set(m, "USERNAME", db_text(res, 0, US_MANAGER));
        tpl_set(m, "NAME", db_text(res, 0, US_MANAGER_NAME));
    } else {
        tpl_show(d, "NO_MANAGER");
    }
    tpl_set(d, "CREATED", db_text(res, 0, US_CREATED));
    if (db_text(res, 0, US_DEPARTMENT)[0])
        tpl_set(tpl_add_section(d, "SAVED_DEPARTMENT"), "NAME", db_text(res, 0, US_DEPARTMENT));
    else
        tpl_show(d, "NO_DEPARTMENT");
    if (db_text(res, 0, US_LAST_SIGN_IN)[0])
        tpl_set(tpl_add_section(d, "LAST_SIGN_IN"), "AT", db_text(res, 0, US_LAST_SIGN_IN));
    else
        tpl_show(d, "NEVER_SIGNED_IN");
    tpl_show(d, active ? "ACTIVE" : "SUSPENDED");
    fill_cohorts(r, d, res);

    if (changeable) {
        tpl_dict *f = tpl_add_section(d, "CHANGE");
        tpl_set(f, "VERSION", db_text(res, 0, US_VERSION));
        fill_fields(r, f, &s, in ? in->display_name : name,
                    in ? in->email : db_text(res, 0, US_EMAIL),
                    in ? in->line_manager : db_text(res, 0, US_MANAGER),
                    in ? in->department : db_text(res, 0, US_DEPARTMENT), in ? in->roles : roles,
                    field, conflict ? NULL : error); /* a conflict is no one field's fault */
        if (db_int(res, 0, US_ID) == r->user->id) {
            tpl_show(f, "SELF");
        } else if (active) {
            tpl_show(f, "MAY_SUSPEND");
            tpl_show(f, "MAY_EMAIL_LINK");
        } else {
            tpl_show(f, "MAY_REACTIVATE");
        }
    } else {
        tpl_show(d, "READ_ONLY");
    }
    if (error) {
        /* The summary sits above everything, in the page's own dictionary. */
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "TITLE", conflict ? "Someone else changed this first" : "There is a problem");
        tpl_set(e, "FIELD", field);
        tpl_set(e, "MESSAGE", error);
    }
    const char *link = error ? NULL : take_reset_link(r, id);
    if (link) {
        tpl_dict *b = tpl_add_section(d, "RESET_LINK");
        tpl_set(b, "URL", link);
        tpl_set(b, "NAME", name);
        const http_field *done = req_query(r, "done");
        tpl_set(b, "HEADING",
                done && strcmp(done->value, "created") == 0
                    ? "The account has been created."
                    : "A new password reset link has been made.");
    } else if (!error) {
        admin_show_done(r, d, user_notices);
    }
    PQclear(res);
    render_end(r, status);
}

void page_admin_user_show(request *r)
{
    long long id = admin_param_id(r, 0);
    if (!id) {
        render_error(r, 404, ADMIN_NOT_FOUND);
        return;
    }
    show_user(r, id, 200, NULL, NULL, NULL, false);
}

/* The locked row of a person in scope, inside the caller's transaction. */
typedef struct {
    const char *username, *display_name, *email, *department;
    unsigned roles;
    bool active;
    long long institution_id, line_manager_id;
} locked_user;

/* Returns 1 when found, 0 when not in scope, -1 when the database failed. */
static int lock_user(request *r, long long id, locked_user *u)
{
    const char *params[] = {req_id_text(r, id)};
    PGresult *res = admin_run(r, "admin_user_lock", ARRAY_SIZE(params), params);
    if (!res)
        return -1;
    int found = PQntuples(res) == 1;
    if (found) {
        u->username = arena_strdup(r->mem, db_text(res, 0, UK_USERNAME));
        u->display_name = arena_strdup(r->mem, db_text(res, 0, UK_DISPLAY_NAME));
        u->email = arena_strdup(r->mem, db_text(res, 0, UK_EMAIL));
        u->roles = (unsigned)db_int(res, 0, UK_ROLES);
        u->active = strcmp(db_text(res, 0, UK_STATUS), "active") == 0;
        u->institution_id = db_int(res, 0, UK_INSTITUTION_ID);
        u->line_manager_id = db_int(res, 0, UK_LINE_MANAGER_ID);
        u->department = arena_strdup(r->mem, db_text(res, 0, UK_DEPARTMENT));
    }
    PQclear(res);
    return found;
}

/* What became of a request that changes a person, for the one place that
 * answers it. */
typedef struct {
    int status;          /* 0: done; else the answer's status */
    const char *field;   /* a problem with one field: show the form again */
    const char *message; /* status 0: the ?done= key of the page redirected to */
    bool conflict;       /* someone else saved first */
} outcome;

/* Locks the person for a change by the viewer: status 0 when they may make
 * it, else the answer. */
static outcome lock_for_change(request *r, long long id, locked_user *u)
{
    admin_scope s;
    admin_scope_of(r, &s);
    int found = lock_user(r, id, u);
    if (found <= 0)
        return (outcome){found ? 503 : 404, NULL, NULL, false};
    if (!may_change(&s, u->roles))
        return (outcome){403, NULL, NOT_CHANGEABLE, false};
    return (outcome){0, NULL, NULL, false};
}

/* ---- POST /admin/users/:id ---- */

/* The changed fields of a person, as words for the audit log. */
static const char *changes(request *r, const locked_user *u, const user_input *in,
                           long long manager_id)
{
    const char *out = "";
    if (strcmp(u->display_name, in->display_name) != 0)
        out = arena_printf(r->mem, "full name \"%s\" to \"%s\"", u->display_name, in->display_name);
    if (strcmp(u->email, in->email) != 0)
        out = arena_printf(r->mem, "%s%semail %s to %s", out, out[0] ? ", " : "", u->email,
                           in->email);
    if (u->line_manager_id != manager_id)
        out = arena_printf(r->mem, "%s%sline manager to %s", out, out[0] ? ", " : "",
                           in->line_manager[0] ? in->line_manager : "none");
    if (strcmp(u->department, in->department) != 0)
        out = arena_printf(r->mem, "%s%sdepartment \"%s\" to \"%s\"", out, out[0] ? ", " : "",
                           u->department, in->department);
    return out;
}

static outcome update_user(request *r, long long id, const user_input *in)
{
    locked_user u;
    long long manager_id;
    outcome locked = lock_for_change(r, id, &u);
    if (locked.status)
        return locked;
    if (id == r->user->id && !(in->roles & ADMIN_ROLES))
        return (outcome){400, "roles",
                         "You cannot remove your own administrator role. Ask "
                         "another administrator to do it.",
                         false};
    const char *m = find_line_manager(r, in->line_manager, u.institution_id, id, &manager_id);
    if (m)
        return (outcome){m[0] ? 400 : 503, "line_manager", m, false};
    const char *changed = changes(r, &u, in, manager_id);
    if (!changed[0] && u.roles == in->roles)
        return (outcome){0, NULL, "unchanged", false};
    const char *params[] = {req_id_text(r, id),
                            in->display_name,
                            in->email,
                            req_id_text(r, in->roles),
                            req_id_text(r, manager_id),
                            req_id_text(r, in->version),
                            in->department,
                            req_id_text(r, u.institution_id)};
    PGresult *res = db_run(r->db, "admin_user_update", ARRAY_SIZE(params), params);
    if (!res)
        return (outcome){503, NULL, NULL, false};
    bool stale = strcmp(PQcmdTuples(res), "0") == 0;
    PQclear(res);
    if (stale)
        return (outcome){409, "display_name",
                         "Someone else saved changes to these details while you were editing "
                         "them. What is saved now is shown below; your changes are still in the "
                         "form. Check them, then save again.",
                         true};
    if (changed[0] && !audit(r, "user_updated", id, u.institution_id,
                             arena_printf(r->mem, "changed %s: %s", u.username, changed)))
        return (outcome){503, NULL, NULL, false};
    const char *old_roles = auth_role_names(r->mem, u.roles);
    if (u.roles != in->roles &&
        !audit(r, "roles_changed", id, u.institution_id,
               arena_printf(r->mem, "roles of %s: %s → %s", u.username,
                            old_roles[0] ? old_roles : "none", auth_role_names(r->mem, in->roles))))
        return (outcome){503, NULL, NULL, false};
    return (outcome){0, NULL, "updated", false};
}

void page_admin_user_update(request *r)
{
    long long id = admin_param_id(r, 0);
    if (!id) {
        render_error(r, 404, ADMIN_NOT_FOUND);
        return;
    }
    field_value v[N_EDIT];
    const char *err;
    int bad;
    user_input in;
    admin_scope s;
    admin_scope_of(r, &s);
    bool valid = admin_validate(r, edit_fields, N_EDIT, v, &err, &bad);
    read_input(edit_fields, N_EDIT, v, &in);
    if (!valid) {
        show_user(r, id, 400, &in, field_name(edit_fields, bad), err, false);
        return;
    }
    const char *problem = roles_problem(&s, in.roles);
    if (problem) {
        show_user(r, id, 400, &in, "roles", problem, false);
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    outcome o = update_user(r, id, &in);
    if (o.status || !db_commit(r->db)) {
        db_rollback(r->db);
        if (!o.status)
            o.status = 503;
        if (o.field)
            show_user(r, id, o.status, &in, o.field, o.message, o.conflict);
        else if (o.status == 503)
            render_db_failed(r);
        else
            render_error(r, o.status, o.message ? o.message : ADMIN_NOT_FOUND);
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "/admin/users/%lld?done=%s", id, o.message));
}

/* ---- POST /admin/users/:id/suspend, /reactivate, /reset-link ---- */

/* Each of these runs inside the caller's transaction on a locked person
 * whom the viewer may change. */
typedef outcome (*access_change)(request *r, long long id, const locked_user *u,
                                 char token[RESET_TOKEN_LEN + 1]);

#define SUSPEND_SELF "You cannot suspend your own account. Ask another administrator to do it."

/* Suspended people cannot sign in, and the sessions they have end now. */
static outcome suspend(request *r, long long id, const locked_user *u,
                       char token[RESET_TOKEN_LEN + 1])
{
    (void)token;
    if (id == r->user->id)
        return (outcome){400, NULL, SUSPEND_SELF, false};
    if (!u->active)
        return (outcome){0, NULL, "suspended", false};
    const char *params[] = {req_id_text(r, id), req_id_text(r, u->institution_id), "suspended"};
    PGresult *res = db_run(r->db, "admin_user_status", ARRAY_SIZE(params), params);
    PQclear(res);
    res = res ? db_run(r->db, "admin_user_sessions_end", 2, params) : NULL;
    if (!res)
        return (outcome){503, NULL, NULL, false};
    const char *ended = arena_strdup(r->mem, PQcmdTuples(res));
    PQclear(res);
    if (!audit(r, "user_suspended", id, u->institution_id,
               arena_printf(r->mem, "suspended %s and ended %s session(s)", u->username, ended)))
        return (outcome){503, NULL, NULL, false};
    return (outcome){0, NULL, "suspended", false};
}

static outcome reactivate(request *r, long long id, const locked_user *u,
                          char token[RESET_TOKEN_LEN + 1])
{
    (void)token;
    if (u->active)
        return (outcome){0, NULL, "reactivated", false};
    const char *params[] = {req_id_text(r, id), req_id_text(r, u->institution_id), "active"};
    PGresult *res = db_run(r->db, "admin_user_status", ARRAY_SIZE(params), params);
    PQclear(res);
    if (!res || !audit(r, "user_reactivated", id, u->institution_id,
                       arena_printf(r->mem, "reactivated %s", u->username)))
        return (outcome){503, NULL, NULL, false};
    return (outcome){0, NULL, "reactivated", false};
}

static outcome issue_link(request *r, long long id, const locked_user *u,
                          char token[RESET_TOKEN_LEN + 1])
{
    if (reset_issue(db_conn(r->db), id, u->institution_id, r->user->id, token) != 0 ||
        !audit(r, "password_reset_issued", id, u->institution_id,
               arena_printf(r->mem, "reset link for %s", u->username)))
        return (outcome){503, NULL, NULL, false};
    return (outcome){0, NULL, "reset", false};
}

static outcome email_link(request *r, long long id, const locked_user *u,
                          char token[RESET_TOKEN_LEN + 1])
{
    (void)token;
    if (!u->active)
        return (outcome){409, NULL, "The account is suspended: reactivate it first.", false};
    if (!queue_password_mail(r, id, false) ||
        !audit(r, "password_link_emailed", id, u->institution_id,
               arena_printf(r->mem, "password link emailed to %s", u->username)))
        return (outcome){503, NULL, NULL, false};
    return (outcome){0, NULL, "emailed", false};
}

static void access_page(request *r, access_change change)
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
    char token[RESET_TOKEN_LEN + 1] = "";
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    locked_user u;
    outcome o = lock_for_change(r, id, &u);
    if (!o.status)
        o = change(r, id, &u, token);
    if (o.status || !db_commit(r->db)) {
        db_rollback(r->db);
        if (!o.status || o.status == 503)
            render_db_failed(r);
        else
            render_error(r, o.status, o.message ? o.message : ADMIN_NOT_FOUND);
        return;
    }
    if (token[0])
        pass_reset_link(r, id, token);
    resp_redirect(r, arena_printf(r->mem, "/admin/users/%lld?done=%s", id, o.message));
}

/* GET /admin/users/:id/suspend: asks first, for someone active in scope
 * other than oneself. */
void page_admin_user_confirm_suspend(request *r)
{
    long long id = admin_param_id(r, 0);
    PGresult *res = id ? admin_find(r, "admin_user_show", id) : NULL;
    if (!id)
        render_error(r, 404, ADMIN_NOT_FOUND);
    if (!res)
        return;
    const char *name = db_text(res, 0, US_DISPLAY_NAME);
    if (id == r->user->id)
        render_error(r, 400, SUSPEND_SELF);
    else if (strcmp(db_text(res, 0, US_STATUS), "active") != 0)
        render_error(r, 409, arena_printf(r->mem, "%s's account is suspended already.", name));
    else
        render_confirmation(
            r, &(confirmation){
                   .caption = arena_printf(r->mem, "%s (%s)", name, db_text(res, 0, US_USERNAME)),
                   .question = arena_printf(r->mem, "Suspend %s's account?", name),
                   .consequence = arena_printf(
                       r->mem,
                       "%s will be signed out everywhere at once and will not be able to sign in "
                       "until an administrator reactivates the account. Nothing they have made is "
                       "deleted.",
                       name),
                   .action = arena_printf(r->mem, "/admin/users/%lld/suspend", id),
                   .button = "Suspend account",
                   .back = arena_printf(r->mem, "/admin/users/%lld", id),
                   .keep = "Keep the account active"});
    PQclear(res);
}

void page_admin_user_suspend(request *r)
{
    access_page(r, suspend);
}

void page_admin_user_reactivate(request *r)
{
    access_page(r, reactivate);
}

void page_admin_user_reset_link(request *r)
{
    access_page(r, issue_link);
}

void page_admin_user_email_link(request *r)
{
    access_page(r, email_link);
}
