/* home: the front page, and the two endpoints that say whether Tandem is
 * alive (/ping, no database) and ready (/healthz, database answers). */
#include <string.h>

#include "../core/config.h"
#include "blog.h"

/* home_institutions: one row a college. */
enum { HI_NAME, HOME_INSTITUTIONS_COLUMNS };
/* home_groups: one row a group. */
enum { HG_NAME, HG_CODE, HG_ROLES, HG_COURSE, HG_ID, HOME_GROUPS_COLUMNS };

const db_statement home_statements[] = {
    {"home_institutions", "SELECT name FROM institutions ORDER BY name", HOME_INSTITUTIONS_COLUMNS},
    /* One row a group, with the person's roles in it joined ("learner,rep"). */
    /* The route's prefetch ($1: the session token's hash), run with the
     * session lookup in one round trip. The viewer is read once, first (a
     * sub-query, run before the rest), then their memberships by index:
     * never a join that walks everyone's memberships to meet theirs. */
    {"home_groups",
     "SELECT c.name, c.code, string_agg(m.role, ',' ORDER BY m.role), co.title,"
     "       c.id"
     "  FROM memberships m JOIN cohorts c ON c.id = m.cohort_id"
     "  JOIN courses co ON co.id = c.course_id"
     " WHERE (m.user_id, m.institution_id)"
     "       = (SELECT s.id, s.institution_id FROM session_viewer($1) s)"
     " GROUP BY c.id, co.title ORDER BY c.name",
     HOME_GROUPS_COLUMNS},
    {"health_check", "SELECT 1", 1},
    {NULL, NULL},
};

/* roles: the person's roles in one group, sorted and comma-separated. */
static const char *membership_label(const char *roles)
{
    if (strstr(roles, "tutor"))
        return "You teach this group";
    if (strcmp(roles, "learner,rep") == 0)
        return "You are a learner and the student representative";
    if (strcmp(roles, "rep") == 0)
        return "You are the student representative";
    return "You are a learner";
}

/* A visitor's introduction, naming the colleges this Tandem serves so that
 * a visitor knows they are in the right place. */
static void show_visitor_home(request *r)
{
    PGresult *res = db_run(r->db, "home_institutions", 0, NULL);
    if (!res) {
        render_error(r, db_unavailable(r->db) ? 503 : 500,
                     "The database is not answering. Try again in a minute.");
        return;
    }
    tpl_dict *d = render_begin(r, "Tandem: learning, planned together", "home/index.tpl");
    if (d) {
        tpl_show(d, "VISITOR");
        tpl_dict *list = PQntuples(res) ? tpl_add_section(d, "INSTITUTIONS") : NULL;
        for (int i = 0; list && i < PQntuples(res); i++)
            tpl_set(tpl_add_section(list, "INSTITUTION"), "NAME", db_text(res, i, HI_NAME));
    }
    PQclear(res);
    render_end(r, 200);
}

/* A signed-in person's starting point: their college, their groups, and
 * what people in them have written lately. */
static void show_dashboard(request *r)
{
    PGresult *res = r->prefetched; /* home_groups, owned by the request */
    if (!res) {
        render_error(r, 503, "The database is not answering. Try again in a minute.");
        return;
    }
    tpl_dict *d = render_begin(r, "Home", "home/index.tpl");
    if (d) {
        tpl_dict *me = tpl_add_section(d, "SIGNED_IN");
        tpl_set(me, "DISPLAY_NAME", r->user->display_name);
        tpl_set(me, "USERNAME", r->user->username);
        tpl_set(me, "INSTITUTION", r->user->institution_name);
        bool has_groups = PQntuples(res) > 0;
        tpl_dict *groups = tpl_add_section(me, has_groups ? "GROUPS" : "NO_GROUPS");
        for (int i = 0; has_groups && i < PQntuples(res); i++) {
            tpl_dict *g = tpl_add_section(groups, "GROUP");
            tpl_set(g, "NAME", db_text(res, i, HG_NAME));
            tpl_set(g, "CODE", db_text(res, i, HG_CODE));
            tpl_set(g, "ROLE", membership_label(db_text(res, i, HG_ROLES)));
            tpl_set(g, "COURSE", db_text(res, i, HG_COURSE));
            tpl_set(g, "ID", db_text(res, i, HG_ID));
        }
        const PGresult *posts = r->prefetched_also[0]; /* home_posts (blog_network.c) */
        if (posts && PQntuples(posts))
            blog_fill_posts(r, tpl_add_section(me, "GROUP_POSTS"), posts,
                            &(post_list_style){false, false, true, 0, 3});
    }
    render_end(r, 200);
}

void page_home_show(request *r)
{
    if (r->user)
        show_dashboard(r);
    else
        show_visitor_home(r);
}

void page_health_check(request *r)
{
    PGresult *res = db_run(r->db, "health_check", 0, NULL);
    if (!res) {
        resp_text(r, 503, "text/plain; charset=utf-8", "database unavailable\n");
        return;
    }
    PQclear(res);
    resp_text(r, 200, "text/plain; charset=utf-8", "ok\n");
}

/* Liveness without the database: what a load balancer polls, and the bare
 * FastCGI endpoint that `make bench` compares pages against. */
void page_ping(request *r)
{
    resp_text(r, 200, "text/plain; charset=utf-8", "pong\n");
}

/* nginx refused a body larger than any form accepts and asks for this
 * page instead (see conf/nginx.conf.in). */
void page_too_large(request *r)
{
    render_error(r, 413,
                 arena_printf(r->mem,
                              "What you sent is larger than Tandem accepts. "
                              "Files can be up to %zu MB.",
                              tandem_config->limits.max_upload >> 20));
}
