/* home: the front page, and the two endpoints that say whether Tandem is
 * alive (/ping, no database) and ready (/healthz, database answers). */
#include "../core/config.h"
#include "pages.h"

const db_statement home_statements[] = {
    {"home_institutions", "SELECT name FROM institutions WHERE NOT demo OR $1 ORDER BY name"},
    {"health_check", "SELECT 1"},
    {NULL, NULL},
};

/* A visitor's introduction, or a signed-in person's starting point. Names
 * the colleges this Tandem serves, so a visitor knows they are in the
 * right place. */
void page_home_show(request *r)
{
    const char *params[] = {"true"};
    PGresult *res = db_run(r->db, "home_institutions", 1, params);
    if (!res) {
        render_error(r, db_unavailable(r->db) ? 503 : 500,
                     "The database is not answering. Try again in a minute.");
        return;
    }
    tpl_dict *d = render_begin(r, "Tandem: learning, planned together", "home/index.tpl");
    if (d) {
        tpl_dict *list = PQntuples(res) ? tpl_add_section(d, "INSTITUTIONS") : NULL;
        for (int i = 0; list && i < PQntuples(res); i++)
            tpl_set(tpl_add_section(list, "INSTITUTION"), "NAME", db_text(res, i, 0));
        if (r->user)
            tpl_set(tpl_add_section(d, "SIGNED_IN"), "DISPLAY_NAME", r->user->display_name);
        else
            tpl_show(d, "VISITOR");
    }
    PQclear(res);
    render_end(r, 200);
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
    render_error(r, 413, arena_printf(r->mem, "What you sent is larger than Tandem accepts. "
                                              "Files can be up to %zu MB.",
                                      tandem_config->limits.max_upload >> 20));
}
