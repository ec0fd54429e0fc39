/* admin_cohorts: courses, the cohorts (teaching groups) on them, and who is
 * in each cohort as learner, tutor or student representative. A cohort
 * belongs to its course's college, and only people of that college can be
 * its members. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/audit.h"
#include "admin.h"

/* Each list and lookup comes in two forms (auth_scoped): NAME for one
 * college, college being the predicate that keeps to it (the college is
 * the last parameter), and NAME_all for every college. A list for one
 * college comes in the order of its index, led by institution_id; for
 * every college it is grouped by college first (by_college). */
#define COURSES_LIST(college, by_college)                                                          \
    "SELECT c.id, c.code, c.title, i.name,"                                                        \
    "       (SELECT count(*) FROM cohorts h WHERE h.course_id = c.id)"                             \
    "  FROM courses c JOIN institutions i ON i.id = c.institution_id" college                      \
    " ORDER BY " by_college "c.code"
#define COURSE_IN_SCOPE(college) "SELECT institution_id, code FROM courses WHERE id = $1" college
#define COHORTS_LIST(college, by_college)                                                          \
    "SELECT h.id, h.code, h.name, h.academic_year, c.code, i.name,"                                \
    "       (SELECT count(DISTINCT m.user_id) FROM memberships m WHERE m.cohort_id = h.id)"        \
    "  FROM cohorts h"                                                                             \
    "  JOIN courses c ON c.id = h.course_id AND c.institution_id = h.institution_id"               \
    "  JOIN institutions i ON i.id = h.institution_id" college " ORDER BY " by_college             \
    "h.academic_year DESC, h.code"
/* The cohort and its members: one row per membership. */
#define COHORT_SHOW(college)                                                                       \
    "SELECT h.code, h.name, h.academic_year, c.code, c.title, i.name,"                             \
    "       u.id, u.username, u.display_name, u.status, m.role"                                    \
    "  FROM cohorts h"                                                                             \
    "  JOIN courses c ON c.id = h.course_id AND c.institution_id = h.institution_id"               \
    "  JOIN institutions i ON i.id = h.institution_id"                                             \
    "  LEFT JOIN memberships m ON m.cohort_id = h.id AND m.institution_id = h.institution_id"      \
    "  LEFT JOIN users u ON u.id = m.user_id AND u.institution_id = m.institution_id"              \
    " WHERE h.id = $1" college " ORDER BY u.display_name, u.username"
#define COHORT_IN_SCOPE(college) "SELECT institution_id, code FROM cohorts WHERE id = $1" college

/* COURSES_LIST: one row a course (COHORTS: how many it has). */
enum { CL_ID, CL_CODE, CL_TITLE, CL_COLLEGE, CL_COHORTS, ADMIN_COURSES_LIST_COLUMNS };
/* COURSE_IN_SCOPE and COHORT_IN_SCOPE: the object's college and code. */
enum { CIS_INSTITUTION_ID, CIS_CODE, ADMIN_COURSE_IN_SCOPE_COLUMNS };
enum { HIS_INSTITUTION_ID, HIS_CODE, ADMIN_COHORT_IN_SCOPE_COLUMNS };
/* COHORTS_LIST: one row a cohort (COURSE: its course's code; MEMBERS: how
 * many people are in it). */
enum {
    HL_ID,
    HL_CODE,
    HL_NAME,
    HL_YEAR,
    HL_COURSE,
    HL_COLLEGE,
    HL_MEMBERS,
    ADMIN_COHORTS_LIST_COLUMNS
};
enum { CI_ID, ADMIN_COHORT_INSERT_COLUMNS };
/* COHORT_SHOW: the cohort on every row, then the member (USER_ID NULL on
 * the one row of a cohort without members). */
enum {
    CS_CODE,
    CS_NAME,
    CS_YEAR,
    CS_COURSE_CODE,
    CS_COURSE_TITLE,
    CS_COLLEGE,
    CS_USER_ID,
    CS_USERNAME,
    CS_DISPLAY_NAME,
    CS_STATUS,
    CS_ROLE,
    ADMIN_COHORT_SHOW_COLUMNS
};
enum { MF_ID, MF_USERNAME, MF_DISPLAY_NAME, ADMIN_MEMBER_FIND_COLUMNS };
enum { MD_USERNAME, ADMIN_MEMBER_DELETE_COLUMNS };

const db_statement admin_cohorts_statements[] = {
    {"admin_courses_list", COURSES_LIST(" WHERE c.institution_id = $1", ""),
     ADMIN_COURSES_LIST_COLUMNS},
    {"admin_courses_list_all", COURSES_LIST("", "i.name, "), ADMIN_COURSES_LIST_COLUMNS},
    {"admin_course_insert",
     "INSERT INTO courses (institution_id, code, title) VALUES ($1, $2, $3) RETURNING id", 1},
    {"admin_course_in_scope", COURSE_IN_SCOPE(" AND institution_id = $2"),
     ADMIN_COURSE_IN_SCOPE_COLUMNS},
    {"admin_course_in_scope_all", COURSE_IN_SCOPE(""), ADMIN_COURSE_IN_SCOPE_COLUMNS},
    {"admin_cohorts_list", COHORTS_LIST(" WHERE h.institution_id = $1", ""),
     ADMIN_COHORTS_LIST_COLUMNS},
    {"admin_cohorts_list_all", COHORTS_LIST("", "i.name, "), ADMIN_COHORTS_LIST_COLUMNS},
    {"admin_cohort_insert",
     "INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)"
     " VALUES ($1, $2, $3, $4, $5) RETURNING id",
     ADMIN_COHORT_INSERT_COLUMNS},
    {"admin_cohort_show", COHORT_SHOW(" AND h.institution_id = $2"), ADMIN_COHORT_SHOW_COLUMNS},
    {"admin_cohort_show_all", COHORT_SHOW(""), ADMIN_COHORT_SHOW_COLUMNS},
    {"admin_cohort_in_scope", COHORT_IN_SCOPE(" AND institution_id = $2"),
     ADMIN_COHORT_IN_SCOPE_COLUMNS},
    {"admin_cohort_in_scope_all", COHORT_IN_SCOPE(""), ADMIN_COHORT_IN_SCOPE_COLUMNS},
    {"admin_member_find",
     "SELECT id, username, display_name FROM users"
     " WHERE username = lower($1) AND institution_id = $2",
     ADMIN_MEMBER_FIND_COLUMNS},
    {"admin_member_insert",
     "INSERT INTO memberships (cohort_id, user_id, institution_id, role) VALUES ($1, $2, $3, $4)",
     0},
    /* $4: the cohort's college, as admin_cohort_in_scope found it. */
    {"admin_member_delete",
     "DELETE FROM memberships m USING users u"
     " WHERE m.cohort_id = $1 AND m.user_id = $2 AND m.role = $3 AND m.institution_id = $4"
     "   AND u.id = m.user_id RETURNING u.username",
     ADMIN_MEMBER_DELETE_COLUMNS},
    {NULL, NULL},
};

/* Course and cohort codes: what the database accepts
 * (^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$), checked first to say why. */
static bool code_ok(const char *s)
{
    if (!isalnum((unsigned char)s[0]))
        return false;
    for (const char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("/._-", *p))
            return false;
    return true;
}

#define CODE_RULE "can only use letters, digits and / . _ - and must start with a letter or digit."

/* ---- GET and POST /admin/courses ---- */

static const field_spec course_fields[] = {
    {"code", "the course code", FIELD_STRING, true, 1, 40, NULL},
    {"title", "the course title", FIELD_STRING, true, 1, 200, NULL},
    {"institution_id", "the college", FIELD_ID, false, 0, 0, NULL},
};

static const admin_notice course_notices[] = {
    {"created", "The course has been added. Add cohorts to it from the cohorts page."},
    {NULL, NULL},
};

static void show_courses(request *r, int status, const field_value *v, const char *field,
                         const char *error)
{
    admin_scope s;
    admin_scope_of(r, &s);
    PGresult *res = admin_run(r, "admin_courses_list", 0, NULL);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d =
        render_begin(r, error ? "Error: Courses – Administration" : "Courses – Administration",
                     "admin/courses.tpl");
    if (!d) {
        PQclear(res);
        render_end(r, 500);
        return;
    }
    for (int i = 0; i < PQntuples(res); i++) {
        tpl_dict *row = tpl_add_section(d, "COURSE");
        tpl_set(row, "CODE", db_text(res, i, CL_CODE));
        tpl_set(row, "TITLE", db_text(res, i, CL_TITLE));
        tpl_set(row, "COHORTS", db_text(res, i, CL_COHORTS));
        if (s.site)
            tpl_set(tpl_add_section(row, "SITE"), "COLLEGE", db_text(res, i, CL_COLLEGE));
    }
    tpl_show(d, PQntuples(res) ? "HAS_COURSES" : "NO_COURSES");
    PQclear(res);
    if (v) {
        tpl_set(d, "CODE", v[0].str);
        tpl_set(d, "TITLE", v[1].str);
    }
    if (s.site && !admin_college_choices(r, tpl_add_section(d, "SITE"), v ? v[2].num : 0)) {
        render_db_failed(r);
        return;
    }
    if (error)
        admin_field_error(r, d, field, error);
    else
        admin_show_done(r, d, course_notices);
    render_end(r, status);
}

void page_admin_courses(request *r)
{
    show_courses(r, 200, NULL, NULL, NULL);
}

void page_admin_course_create(request *r)
{
    field_value v[3];
    const char *err;
    int bad;
    admin_scope s;
    admin_scope_of(r, &s);
    if (!admin_validate(r, course_fields, 3, v, &err, &bad)) {
        show_courses(r, 400, v, bad < 0 ? "code" : course_fields[bad].name, err);
        return;
    }
    if (!code_ok(v[0].str)) {
        show_courses(r, 400, v, "code", "The course code " CODE_RULE);
        return;
    }
    long long institution_id = s.site ? v[2].num : r->user->institution_id;
    if (!institution_id) {
        show_courses(r, 400, v, "institution_id", "Select the college that teaches this course.");
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    bool done = false;
    const char *params[] = {req_id_text(r, institution_id), v[0].str, v[1].str};
    PGresult *res = db_run(r->db, "admin_course_insert", ARRAY_SIZE(params), params);
    const char *state = res ? "" : arena_strdup(r->mem, db_last_sqlstate(r->db));
    if (res)
        done = audit(r, "course_created", 0, institution_id,
                     arena_printf(r->mem, "added the course %s (%s)", v[0].str, v[1].str)) &&
               db_commit(r->db);
    PQclear(res);
    if (!done)
        db_rollback(r->db);
    if (done)
        resp_redirect(r, "/admin/courses?done=created");
    else if (strcmp(state, "23505") == 0)
        show_courses(r, 400, v, "code",
                     arena_printf(r->mem,
                                  "The course code \"%s\" is already used at this "
                                  "college. Choose another.",
                                  v[0].str));
    else if (strcmp(state, "23503") == 0)
        show_courses(r, 400, v, "institution_id", "Select a college from the list.");
    else
        render_db_failed(r);
}

/* ---- GET and POST /admin/cohorts ---- */

static const field_spec cohort_fields[] = {
    {"course_id", "the course", FIELD_ID, true, 0, 0, NULL},
    {"code", "the cohort code", FIELD_STRING, true, 1, 40, NULL},
    {"name", "the cohort name", FIELD_STRING, true, 1, 200, NULL},
    {"academic_year", "the academic year", FIELD_STRING, true, 7, 7, NULL},
};

/* The academic year under way (it starts in August), as a starting value. */
static const char *this_academic_year(request *r)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int start = tm.tm_year + 1900 - (tm.tm_mon < 7);
    return arena_printf(r->mem, "%d/%02d", start, (start + 1) % 100);
}

static void show_cohorts(request *r, int status, const field_value *v, const char *field,
                         const char *error)
{
    admin_scope s;
    admin_scope_of(r, &s);
    PGresult *cohorts = admin_run(r, "admin_cohorts_list", 0, NULL);
    PGresult *courses = cohorts ? admin_run(r, "admin_courses_list", 0, NULL) : NULL;
    if (!courses) {
        PQclear(cohorts);
        render_db_failed(r);
        return;
    }
    tpl_dict *d =
        render_begin(r, error ? "Error: Cohorts – Administration" : "Cohorts – Administration",
                     "admin/cohorts.tpl");
    if (d) {
        if (s.site)
            tpl_show(d, "SITE");
        for (int i = 0; i < PQntuples(cohorts); i++) {
            tpl_dict *row = tpl_add_section(d, "COHORT");
            tpl_set(row, "ID", db_text(cohorts, i, HL_ID));
            tpl_set(row, "CODE", db_text(cohorts, i, HL_CODE));
            tpl_set(row, "NAME", db_text(cohorts, i, HL_NAME));
            tpl_set(row, "YEAR", db_text(cohorts, i, HL_YEAR));
            tpl_set(row, "COURSE", db_text(cohorts, i, HL_COURSE));
            tpl_set(row, "MEMBERS", db_text(cohorts, i, HL_MEMBERS));
            if (s.site)
                tpl_set(tpl_add_section(row, "SITE"), "COLLEGE", db_text(cohorts, i, HL_COLLEGE));
        }
        tpl_show(d, PQntuples(cohorts) ? "HAS_COHORTS" : "NO_COHORTS");
        long long course = v ? v[0].num : 0;
        for (int i = 0; i < PQntuples(courses); i++) {
            tpl_dict *o = tpl_add_section(d, "COURSE_OPTION");
            tpl_set(o, "ID", db_text(courses, i, CL_ID));
            const char *label = arena_printf(r->mem, "%s: %s", db_text(courses, i, CL_CODE),
                                             db_text(courses, i, CL_TITLE));
            if (s.site) /* the same code may be used at two colleges */
                label = arena_printf(r->mem, "%s (%s)", label, db_text(courses, i, CL_COLLEGE));
            tpl_set(o, "LABEL", label);
            if (db_int(courses, i, CL_ID) == course)
                tpl_show(o, "SELECTED");
        }
        if (PQntuples(courses))
            tpl_show(d, "HAS_COURSES");
        else
            tpl_show(d, "NO_COURSES");
        tpl_set(d, "CODE", v ? v[1].str : "");
        tpl_set(d, "NAME", v ? v[2].str : "");
        tpl_set(d, "YEAR", v ? v[3].str : this_academic_year(r));
        if (error)
            admin_field_error(r, d, field, error);
    }
    PQclear(cohorts);
    PQclear(courses);
    render_end(r, status);
}

void page_admin_cohorts(request *r)
{
    show_cohorts(r, 200, NULL, NULL, NULL);
}

void page_admin_cohort_create(request *r)
{
    field_value v[4];
    const char *err;
    int bad;
    if (!admin_validate(r, cohort_fields, 4, v, &err, &bad)) {
        show_cohorts(r, 400, v, bad < 0 ? "course_id" : cohort_fields[bad].name, err);
        return;
    }
    if (!code_ok(v[1].str)) {
        show_cohorts(r, 400, v, "code", "The cohort code " CODE_RULE);
        return;
    }
    if (!validate_academic_year(v[3].str)) {
        show_cohorts(r, 400, v, "academic_year",
                     "The academic year must be two years that follow each other, like 2026/27.");
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    bool done = false;
    const char *field = NULL, *message = NULL;
    long long id = 0;
    const char *find[] = {v[0].str};
    PGresult *course = admin_run(r, "admin_course_in_scope", ARRAY_SIZE(find), find);
    if (!course)
        goto out;
    if (PQntuples(course) != 1) {
        field = "course_id";
        message = "Select a course from the list.";
        goto out;
    }
    long long institution_id = db_int(course, 0, CIS_INSTITUTION_ID);
    const char *params[] = {db_text(course, 0, CIS_INSTITUTION_ID), v[0].str, v[1].str, v[2].str,
                            v[3].str};
    PGresult *res = db_run(r->db, "admin_cohort_insert", ARRAY_SIZE(params), params);
    if (!res) {
        if (strcmp(db_last_sqlstate(r->db), "23505") == 0) {
            field = "code";
            message = arena_printf(r->mem,
                                   "The cohort code \"%s\" is already used at this "
                                   "college. Choose another.",
                                   v[1].str);
        }
        goto out;
    }
    id = db_int(res, 0, CI_ID);
    PQclear(res);
    done = audit(r, "cohort_created", 0, institution_id,
                 arena_printf(r->mem, "added the cohort %s (%s, %s) on %s", v[1].str, v[2].str,
                              v[3].str, db_text(course, 0, CIS_CODE))) &&
           db_commit(r->db);
out:
    PQclear(course);
    if (!done)
        db_rollback(r->db);
    if (done)
        resp_redirect(r, arena_printf(r->mem, "/admin/cohorts/%lld?done=created", id));
    else if (message)
        show_cohorts(r, 400, v, field, message);
    else
        render_db_failed(r);
}

/* ---- GET /admin/cohorts/:id and its members ---- */

static const char *const member_roles[] = {"learner", "tutor", "rep", NULL};

/* Members are shown in this order, each role with its heading. */
static const struct {
    const char *role, *heading, *label, *singular;
} member_groups[] = {
    {"tutor", "Tutors", "Tutor", "tutor"},
    {"learner", "Learners", "Learner", "learner"},
    {"rep", "Student representatives", "Student representative", "student representative"},
};
#define N_GROUPS (sizeof member_groups / sizeof *member_groups)

static const char *role_singular(const char *role)
{
    for (size_t g = 0; g < N_GROUPS; g++)
        if (strcmp(member_groups[g].role, role) == 0)
            return member_groups[g].singular;
    return role;
}

static const admin_notice cohort_notices[] = {
    {"created", "The cohort has been added. Add its tutors and learners below."},
    {"added", "The member has been added."},
    {"removed", "The member has been removed."},
    {NULL, NULL},
};

static const field_spec member_fields[] = {
    {"username", "the username", FIELD_STRING, true, 1, 64, NULL},
    {"role", "the role in the cohort", FIELD_ENUM, true, 0, 0, member_roles},
};

static void show_cohort(request *r, long long id, int status, const field_value *v,
                        const char *field, const char *error)
{
    PGresult *res = admin_find(r, "admin_cohort_show", id);
    if (!res)
        return;
    tpl_dict *d = render_begin(r,
                               arena_printf(r->mem, "%s%s – Administration", error ? "Error: " : "",
                                            db_text(res, 0, CS_CODE)),
                               "admin/cohort.tpl");
    if (!d) {
        PQclear(res);
        render_end(r, 500);
        return;
    }
    tpl_set(d, "ID", req_id_text(r, id));
    tpl_set(d, "CODE", db_text(res, 0, CS_CODE));
    tpl_set(d, "NAME", db_text(res, 0, CS_NAME));
    tpl_set(d, "YEAR", db_text(res, 0, CS_YEAR));
    tpl_set(d, "COURSE_CODE", db_text(res, 0, CS_COURSE_CODE));
    tpl_set(d, "COURSE_TITLE", db_text(res, 0, CS_COURSE_TITLE));
    tpl_set(d, "COLLEGE", db_text(res, 0, CS_COLLEGE));
    for (size_t g = 0; g < N_GROUPS; g++) {
        tpl_dict *group = tpl_add_section(d, "GROUP");
        tpl_set(group, "HEADING", member_groups[g].heading);
        tpl_set(group, "SINGULAR", member_groups[g].singular);
        tpl_set(group, "ROLE", member_groups[g].role);
        int n = 0;
        for (int i = 0; i < PQntuples(res); i++) {
            if (PQgetisnull(res, i, CS_USER_ID) ||
                strcmp(db_text(res, i, CS_ROLE), member_groups[g].role))
                continue;
            tpl_dict *m = tpl_add_section(group, "MEMBER");
            tpl_set(m, "USER_ID", db_text(res, i, CS_USER_ID));
            tpl_set(m, "USERNAME", db_text(res, i, CS_USERNAME));
            tpl_set(m, "DISPLAY_NAME", db_text(res, i, CS_DISPLAY_NAME));
            if (strcmp(db_text(res, i, CS_STATUS), "active") != 0)
                tpl_show(m, "SUSPENDED");
            n++;
        }
        tpl_set_int(group, "COUNT", n);
        tpl_show(group, n ? "HAS_MEMBERS" : "NO_MEMBERS");
    }
    PQclear(res);
    tpl_set(d, "USERNAME", v ? v[0].str : "");
    const char *role = v && v[1].present ? v[1].str : "learner";
    for (size_t g = 0; g < N_GROUPS; g++) {
        tpl_dict *c = tpl_add_section(d, "ROLE_CHOICE");
        /* The error summary links to the first radio. */
        tpl_set(c, "ID", g == 0 ? "role" : arena_printf(r->mem, "role-%s", member_groups[g].role));
        tpl_set(c, "VALUE", member_groups[g].role);
        tpl_set(c, "LABEL", member_groups[g].label);
        if (strcmp(role, member_groups[g].role) == 0)
            tpl_show(c, "CHECKED");
    }
    if (error)
        admin_field_error(r, d, field, error);
    else
        admin_show_done(r, d, cohort_notices);
    render_end(r, status);
}

void page_admin_cohort_show(request *r)
{
    long long id = admin_param_id(r, 0);
    if (!id) {
        render_error(r, 404, ADMIN_NOT_FOUND);
        return;
    }
    show_cohort(r, id, 200, NULL, NULL, NULL);
}

/* The cohort in scope, inside the caller's transaction: its college and
 * code. Returns 1, 0 when not in scope, -1 when the database failed. */
static int find_cohort(request *r, long long id, long long *institution_id, const char **code)
{
    const char *params[] = {req_id_text(r, id)};
    PGresult *res = admin_run(r, "admin_cohort_in_scope", ARRAY_SIZE(params), params);
    if (!res)
        return -1;
    int found = PQntuples(res) == 1;
    if (found) {
        *institution_id = db_int(res, 0, HIS_INSTITUTION_ID);
        *code = arena_strdup(r->mem, db_text(res, 0, HIS_CODE));
    }
    PQclear(res);
    return found;
}

void page_admin_cohort_member_add(request *r)
{
    long long id = admin_param_id(r, 0);
    if (!id) {
        render_error(r, 404, ADMIN_NOT_FOUND);
        return;
    }
    field_value v[2];
    const char *err;
    int bad;
    if (!admin_validate(r, member_fields, 2, v, &err, &bad)) {
        show_cohort(r, id, 400, v, bad == 1 ? "role" : "username", err);
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    bool done = false;
    int status = 503;
    const char *field = NULL, *message = NULL, *code = "";
    long long institution_id = 0, user_id;
    int found = find_cohort(r, id, &institution_id, &code);
    if (found <= 0) {
        status = found ? 503 : 404;
        goto out;
    }
    const char *who[] = {v[0].str, req_id_text(r, institution_id)};
    PGresult *res = db_run(r->db, "admin_member_find", ARRAY_SIZE(who), who);
    if (!res)
        goto out;
    if (PQntuples(res) != 1) {
        PQclear(res);
        status = 400;
        field = "username";
        message = arena_printf(r->mem,
                               "There is no one with the username \"%s\" at this "
                               "cohort's college. Check the username.",
                               v[0].str);
        goto out;
    }
    user_id = db_int(res, 0, MF_ID);
    const char *username = arena_strdup(r->mem, db_text(res, 0, MF_USERNAME));
    const char *name = arena_strdup(r->mem, db_text(res, 0, MF_DISPLAY_NAME));
    PQclear(res);
    const char *params[] = {req_id_text(r, id), req_id_text(r, user_id),
                            req_id_text(r, institution_id), v[1].str};
    res = db_run(r->db, "admin_member_insert", ARRAY_SIZE(params), params);
    if (!res) {
        if (strcmp(db_last_sqlstate(r->db), "23505") == 0) {
            status = 400;
            field = "username";
            message = arena_printf(r->mem, "%s (%s) is already a %s in this cohort.", name,
                                   username, role_singular(v[1].str));
        }
        goto out;
    }
    PQclear(res);
    done = audit(r, "cohort_member_added", user_id, institution_id,
                 arena_printf(r->mem, "added %s to %s as %s", username, code, v[1].str)) &&
           db_commit(r->db);
out:
    if (!done)
        db_rollback(r->db);
    if (done)
        resp_redirect(r, arena_printf(r->mem, "/admin/cohorts/%lld?done=added", id));
    else if (field)
        show_cohort(r, id, status, v, field, message);
    else if (status == 404)
        render_error(r, 404, ADMIN_NOT_FOUND);
    else
        render_db_failed(r);
}

static const field_spec remove_fields[] = {
    {"user_id", "the member", FIELD_ID, true, 0, 0, NULL},
    {"role", "the role in the cohort", FIELD_ENUM, true, 0, 0, member_roles},
};

void page_admin_cohort_member_remove(request *r)
{
    long long id = admin_param_id(r, 0);
    if (!id) {
        render_error(r, 404, ADMIN_NOT_FOUND);
        return;
    }
    field_value v[2];
    const char *err;
    if (!form_validate(r, remove_fields, 2, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    bool done = false;
    int status = 503;
    const char *code = "";
    long long institution_id = 0;
    int found = find_cohort(r, id, &institution_id, &code);
    if (found <= 0) {
        status = found ? 503 : 404;
        goto out;
    }
    const char *params[] = {req_id_text(r, id), v[0].str, v[1].str, req_id_text(r, institution_id)};
    PGresult *res = db_run(r->db, "admin_member_delete", ARRAY_SIZE(params), params);
    if (!res)
        goto out;
    /* Already gone (a second click, or someone else was first): nothing to
     * record, and the cohort page shows how things are. */
    const char *username =
        PQntuples(res) ? arena_strdup(r->mem, db_text(res, 0, MD_USERNAME)) : NULL;
    PQclear(res);
    done = (!username ||
            audit(r, "cohort_member_removed", v[0].num, institution_id,
                  arena_printf(r->mem, "removed %s from %s as %s", username, code, v[1].str))) &&
           db_commit(r->db);
out:
    if (!done)
        db_rollback(r->db);
    if (done)
        resp_redirect(r, arena_printf(r->mem, "/admin/cohorts/%lld?done=removed", id));
    else if (status == 404)
        render_error(r, 404, ADMIN_NOT_FOUND);
    else
        render_db_failed(r);
}
