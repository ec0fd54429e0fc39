/* rerender: stored rich text rendered again (see rerender.h). */
#include "rerender.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db.h"
#include "richtext.h"

/* Rows per transaction: each row's Markdown is at most RICHTEXT_MAX_LEN, and
 * in practice a few kilobytes, so a batch holds little memory and its row
 * locks are held for milliseconds. */
#define BATCH 200
#define MAX_PAIRS 2

/* A table with rich text: its pairs of *_md and *_html columns, by stem
 * ("body" is body_md and body_html). Where a trigger on the table also
 * stamps a parent row's updated_at ("last changed"), parent and parent_key
 * name it, so that the old time can be put back. */
typedef struct {
    const char *table;
    const char *pairs[MAX_PAIRS];
    const char *parent, *parent_key;
} rich_table;

/* Every pair in the migrations (grep -E "_(md|html) " sql): submissions'
 * snapshot_html has no Markdown beside it: it is a frozen copy of what was
 * submitted, rendered from parts that were sanitised then, and stays so. */
static const rich_table TABLES[] = {
    {"evidence", {"body", "reflection"}},
    {"portfolio_pages", {"description"}},
    {"page_blocks", {"text"}, "portfolio_pages", "page_id"},
    {"collections", {"description"}},
    {"submissions", {"note"}},
    {"comments", {"body"}},
    {"posts", {"body"}},
    {"messages", {"body"}},
    {"leadership_reflections", {"body"}, "leadership_plans", "plan_id"},
    {"leadership_reviews", {"notes"}, "leadership_plans", "plan_id"},
    {"voice_issues", {"body"}},
    {"voice_issue_events", {"response"}},
};
#define N_TABLES (sizeof TABLES / sizeof *TABLES)

typedef struct {
    long rendered, changed, failed;
} counts;

/* select's columns: the row's id, then each pair's Markdown and HTML (pair
 * j's at RS_MD + 2 * j and RS_HTML + 2 * j). */
enum { RS_ID, RS_MD, RS_HTML };
/* keep's: the parents' ids and their times, as array literals. */
enum { RK_IDS, RK_TIMES, RERENDER_KEEP_COLUMNS };

/* The statements for one table. They are built from the constant names
 * above, never from input. */
typedef struct {
    char select[2048], update[1024], keep[1024], restore[512];
} table_sql;

static int n_pairs(const rich_table *t)
{
    int n = 0;
    while (n < MAX_PAIRS && t->pairs[n])
        n++;
    return n;
}

static void build_sql(const rich_table *t, table_sql *s)
{
    char cols[256] = "", missing[256] = "", sets[256] = "", arrays[128] = "", names[64] = "";
    for (int j = 0; j < n_pairs(t); j++) {
        const char *p = t->pairs[j], *sep = j ? ", " : "";
        size_t c = strlen(cols), m = strlen(missing), e = strlen(sets), a = strlen(arrays),
               n = strlen(names);
        snprintf(cols + c, sizeof cols - c, ", %s_md, %s_html", p, p);
        snprintf(missing + m, sizeof missing - m, "%s(%s_html = '' AND %s_md <> '')",
                 j ? " OR " : "", p, p);
        snprintf(sets + e, sizeof sets - e, "%s%s_html = u.h%d", sep, p, j);
        snprintf(arrays + a, sizeof arrays - a, ", $%d::text[]", j + 2);
        snprintf(names + n, sizeof names - n, ", h%d", j);
    }
    /* $1 the last id of the batch before, $2 the college (0: all), $3 demo. */
    snprintf(s->select, sizeof s->select,
             "SELECT id%s FROM %s"
             " WHERE id > $1 AND ($2::bigint = 0 OR institution_id = $2::bigint)"
             "   AND (NOT $3::boolean OR (institution_id IN"
             "        (SELECT id FROM institutions WHERE demo) AND (%s)))"
             " ORDER BY id LIMIT %d FOR NO KEY UPDATE",
             cols, t->table, missing, BATCH);
    snprintf(s->update, sizeof s->update,
             "UPDATE %s t SET %s FROM unnest($1::bigint[]%s) AS u(id%s) WHERE t.id = u.id",
             t->table, sets, arrays, names);
    if (!t->parent)
        return;
    /* The parents' times, read and locked before the update stamps them. */
    snprintf(s->keep, sizeof s->keep,
             "SELECT coalesce(array_agg(id), '{}')::text,"
             "       coalesce(array_agg(updated_at), '{}')::text"
             "  FROM (SELECT id, updated_at FROM %s"
             "         WHERE id IN (SELECT %s FROM %s WHERE id = ANY($1::bigint[]))"
             "         ORDER BY id FOR NO KEY UPDATE) p",
             t->parent, t->parent_key, t->table);
    snprintf(s->restore, sizeof s->restore,
             "UPDATE %s p SET updated_at = k.at"
             "  FROM unnest($1::bigint[], $2::timestamptz[]) AS k(id, at) WHERE p.id = k.id",
             t->parent);
}

/* Appends s to b as an element of an array literal: quoted, with a
 * backslash before '"' and '\'. */
static bool put_element(buf *b, const char *s)
{
    bool ok = buf_puts(b, b->len > 1 ? ",\"" : "\"");
    const char *run = s;
    for (; ok && *s; s++)
        if (*s == '"' || *s == '\\') {
            ok = buf_append(b, run, (size_t)(s - run)) && buf_append(b, "\\", 1);
            run = s; /* the character itself starts the next run */
        }
    return ok && buf_append(b, run, (size_t)(s - run)) && buf_puts(b, "\"");
}

static bool exec_ok(PGconn *conn, PGresult *res, ExecStatusType want, const char *what)
{
    bool ok = PQresultStatus(res) == want;
    if (!ok)
        fprintf(stderr, "tandem: rerender: %s: %s", what, PQerrorMessage(conn));
    PQclear(res);
    return ok;
}

/* The changed rows of one batch: ids and each pair's new HTML, as array
 * literals. */
typedef struct {
    buf ids, html[MAX_PAIRS];
} changes;

static void changes_free(changes *c)
{
    buf_free(&c->ids);
    for (int j = 0; j < MAX_PAIRS; j++)
        buf_free(&c->html[j]);
}

/* Renders row i of res; appends it to ch when any pair's HTML differs from
 * what is stored. Returns -1 when out of memory, else 0 (a row that cannot
 * be rendered is counted and left out). */
static int render_row(const PGresult *res, int i, int pairs, changes *ch, counts *c)
{
    buf out[MAX_PAIRS] = {{0}};
    bool changed = false, failed = false;
    for (int j = 0; j < pairs && !failed; j++) {
        const char *md = PQgetvalue(res, i, RS_MD + 2 * j);
        failed = richtext_render(md, strlen(md), &out[j]) != 0;
        changed |= !failed && strcmp(out[j].data, PQgetvalue(res, i, RS_HTML + 2 * j)) != 0;
    }
    int rc = 0;
    if (failed) {
        c->failed++;
        fprintf(stderr, "tandem: rerender: row %s cannot be rendered (too long?): left as it is\n",
                PQgetvalue(res, i, RS_ID));
    } else {
        c->rendered++;
        if (changed) {
            c->changed++;
            bool ok = buf_puts(&ch->ids, ch->ids.len > 1 ? "," : "") &&
                      buf_puts(&ch->ids, PQgetvalue(res, i, RS_ID));
            for (int j = 0; ok && j < pairs; j++)
                ok = put_element(&ch->html[j], out[j].data);
            rc = ok ? 0 : -1;
        }
    }
    for (int j = 0; j < MAX_PAIRS; j++)
        buf_free(&out[j]);
    return rc;
}

/* Writes one batch's changes back, keeping the parents' times if the table
 * has a parent. Inside the batch's transaction. */
static bool write_changes(PGconn *conn, const rich_table *t, const table_sql *s, int pairs,
                          changes *ch)
{
    const char *params[1 + MAX_PAIRS] = {ch->ids.data};
    for (int j = 0; j < pairs; j++)
        params[1 + j] = ch->html[j].data;
    PGresult *kept = NULL;
    if (t->parent) {
        kept = PQexecParams(conn, s->keep, 1, NULL, params, NULL, NULL, 0);
        if (PQresultStatus(kept) != PGRES_TUPLES_OK)
            return exec_ok(conn, kept, PGRES_TUPLES_OK, t->parent);
    }
    bool ok = exec_ok(conn, PQexecParams(conn, s->update, 1 + pairs, NULL, params, NULL, NULL, 0),
                      PGRES_COMMAND_OK, t->table);
    if (ok && kept) {
        const char *times[] = {PQgetvalue(kept, 0, RK_IDS), PQgetvalue(kept, 0, RK_TIMES)};
        ok = exec_ok(conn,
                     PQexecParams(conn, s->restore, ARRAY_SIZE(times), NULL, times, NULL, NULL, 0),
                     PGRES_COMMAND_OK, t->parent);
    }
    PQclear(kept);
    return ok;
}

/* One table, batch by batch. Returns false when a statement failed or
 * memory ran out (the batch in hand is rolled back). */
static bool rerender_table(PGconn *conn, const rich_table *t, const rerender_options *opt,
                           counts *c)
{
    table_sql s;
    build_sql(t, &s);
    int pairs = n_pairs(t);
    char after[24] = "0", inst[24];
    snprintf(inst, sizeof inst, "%lld", opt->institution_id);
    const char *params[] = {after, inst, opt->demo ? "true" : "false"};
    for (;;) {
        if (!exec_ok(conn, PQexec(conn, "BEGIN"), PGRES_COMMAND_OK, "BEGIN"))
            return false;
        PGresult *res =
            PQexecParams(conn, s.select, ARRAY_SIZE(params), NULL, params, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            exec_ok(conn, res, PGRES_TUPLES_OK, t->table);
            PQclear(PQexec(conn, "ROLLBACK"));
            return false;
        }
        int n = PQntuples(res);
        changes ch = {{0}};
        bool ok = buf_puts(&ch.ids, "{");
        for (int j = 0; ok && j < pairs; j++)
            ok = buf_puts(&ch.html[j], "{");
        long before = c->changed;
        for (int i = 0; ok && i < n; i++)
            ok = render_row(res, i, pairs, &ch, c) == 0;
        if (!ok)
            fprintf(stderr, "tandem: rerender: out of memory\n");
        ok = ok && buf_puts(&ch.ids, "}");
        for (int j = 0; ok && j < pairs; j++)
            ok = buf_puts(&ch.html[j], "}");
        if (ok && c->changed > before)
            ok = write_changes(conn, t, &s, pairs, &ch);
        if (n)
            snprintf(after, sizeof after, "%s", PQgetvalue(res, n - 1, RS_ID));
        PQclear(res);
        changes_free(&ch);
        if (!ok) {
            PQclear(PQexec(conn, "ROLLBACK"));
            return false;
        }
        if (!exec_ok(conn, PQexec(conn, "COMMIT"), PGRES_COMMAND_OK, "COMMIT"))
            return false;
        if (n < BATCH)
            return true;
    }
}

int rerender_run(PGconn *conn, const rerender_options *opt)
{
    int rc = 0;
    for (size_t i = 0; i < N_TABLES; i++) {
        counts c = {0};
        bool ok = rerender_table(conn, &TABLES[i], opt, &c);
        if (opt->report) {
            fprintf(opt->report, "%s: %ld rendered, %ld changed", TABLES[i].table, c.rendered,
                    c.changed);
            if (c.failed)
                fprintf(opt->report, ", %ld could not be rendered", c.failed);
            fprintf(opt->report, "%s\n", ok ? "" : ", then stopped by the error above");
        }
        if (!ok || c.failed)
            rc = 1;
        if (!ok)
            break;
    }
    return rc;
}
