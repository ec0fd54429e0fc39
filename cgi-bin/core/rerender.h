/* rerender: every stored *_html column made again from its *_md beside it
 * with today's richtext_render, so that a change to the sanitiser (or to
 * the Markdown renderer) reaches content saved before it. `tandem
 * rerender` runs it over everything; `tandem demo` over the demo rows that
 * were written as Markdown only. */
#ifndef TANDEM_RERENDER_H
#define TANDEM_RERENDER_H
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct {
    /* Only this college's rows; 0: every college's. */
    long long institution_id;
    /* Only the demo colleges' rows that have an empty *_html beside a
     * non-empty *_md: demo data written in Markdown alone. */
    bool demo;
    /* Where a line per table goes ("evidence: 12 rendered, 3 changed"), or
     * NULL for none. */
    FILE *report;
} rerender_options;

/* Renders every pair of *_md and *_html columns in the database (the list
 * is in rerender.c) and writes back the rows whose HTML comes out
 * different, and only those: a second run writes nothing.
 * Works in batches of rows in id order, each batch in its own transaction
 * with its rows locked while they are rendered, so memory stays bounded and
 * a row edited meanwhile is never overwritten with HTML of its old text.
 * What a rewrite sets off is kept (a page's blocks and a blog's lists get a
 * new version, so pages kept in memory are made afresh), except that a
 * portfolio page's or leadership plan's "last changed" stays as it was:
 * nobody changed them. A row whose Markdown cannot be rendered (longer than
 * RICHTEXT_MAX_LEN) is left as it is and counted. Returns 0, or 1 when a
 * statement failed or some row could not be rendered, having said why on
 * stderr; batches committed before a failure stay. */
int rerender_run(PGconn *conn, const rerender_options *opt);

#endif
