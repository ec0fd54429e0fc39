/* render: pages inside the layout, and the one way errors are shown. */
#ifndef TANDEM_RENDER_H
#define TANDEM_RENDER_H
#include "../http/request.h"
#include "tpl.h"

/* Starts a page titled title whose main content is content_file; returns
 * the content's dictionary to fill. Never NULL unless memory ran out. */
tpl_dict *render_begin(request *r, const char *title, const char *content_file);
/* Announces a feed of the page in its head, for feed readers to find
 * (between render_begin and render_end). */
void render_feed_link(request *r, const char *title, const char *href);
/* Expands the page into r->body with the given status. */
void render_end(request *r, int status);
/* Expands file with d on its own, outside the layout (a piece of a page
 * made once and used again), into the request's arena, and frees d.
 * NULL if d is NULL or expansion failed. The result is a safe_html (see
 * tpl.h): the template auto-escaped everything in it that was not itself
 * a safe_html, so a page may emit it with :none. */
const safe_html *render_fragment(request *r, const char *file, tpl_dict *d);

/* A page of its own that asks before something that cannot be undone is
 * done (as deleting evidence does): what it is about (caption), the
 * question, what will happen, and a form posting to action with a warning
 * button, beside a link back (back, its words keep) that changes nothing.
 * The POST checks everything again: this page only asks. */
typedef struct {
    const char *caption, *question, *consequence, *action, *button, *back, *keep;
} confirmation;
void render_confirmation(request *r, const confirmation *c);
/* The piece that render_fragment_keep kept under key at exactly version,
 * copied into the request's arena, or NULL (core/fragment.h says when).
 * Only these two touch the cache, so what comes out went in as a
 * render_fragment result. */
const safe_html *render_fragment_find(request *r, const char *key, long long version);
void render_fragment_keep(const char *key, long long version, const safe_html *html,
                          long long expires);
/* A fragment with holes: a template writes RENDER_HOLE "NAME-->" where a
 * part that differs from viewer to viewer goes (what the rest of the piece
 * is kept in memory without). render_holes cuts html at each hole, in
 * order, into the arena: (*holes)[i].before is the HTML up to hole i and
 * .name its NAME; *rest is what follows the last. Returns the number of
 * holes. A caller emits each before, then what fills its hole, then rest:
 * the pieces are safe only put back in that order. */
#define RENDER_HOLE "<!--hole "
typedef struct {
    const safe_html *before;
    const char *name;
} render_hole;
size_t render_holes(request *r, const safe_html *html, render_hole **holes, const safe_html **rest);

/* An error page in the layout: status, a heading people understand, and
 * message saying what happened and what to do. */
void render_error(request *r, int status, const char *message);
/* A code written as words for a heading or a label, into the arena:
 * "users_imported" as "Users imported" (code itself if out of memory). */
const char *render_code_as_words(request *r, const char *code);

#define RENDER_DB_DOWN "The database is not answering. Try again in a minute."
struct pg_result;
/* The error page for a statement that failed: 503 when the database is
 * away (RENDER_DB_DOWN), 500 when it answered with an error. */
void render_db_failed(request *r);
/* True when res (a statement's result, NULL if it failed) has a row.
 * Otherwise renders why not and returns false: 404 with not_found when
 * there is nothing (or nothing this person may see), else render_db_failed. */
bool render_found(request *r, const struct pg_result *res, const char *not_found);

#endif
