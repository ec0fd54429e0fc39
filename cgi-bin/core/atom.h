/* atom: an Atom (RFC 4287) feed writer on libxml2's xmlTextWriter.
 *
 * Usage: atom_begin with the feed's head, atom_add once per entry (newest
 * first, by convention), then atom_finish to append the document to a buf,
 * or atom_abandon to throw it away. Exactly one of those two ends every feed
 * that atom_begin returned.
 *
 * Text fields (titles, names, summary, content, category terms) may hold
 * anything: what XML 1.0 cannot carry (invalid UTF-8, C0 controls other than
 * tab/LF/CR, surrogates, U+FFFE, U+FFFF) becomes U+FFFD, and the rest is
 * escaped, so the feed is well-formed whatever users wrote. An empty text
 * field still gives its element (e.g. <title/>).
 *
 * Identifiers and timestamps come from the program, not users, and are
 * checked rather than repaired, because a repaired id or date would be a
 * wrong one: ids and hrefs must be absolute IRIs (a scheme, then no spaces,
 * controls or any of <>"{}|\^`), timestamps RFC 3339 date-times with
 * upper-case T and Z as RFC 4287 requires ("2026-11-27T10:00:00Z",
 * "2026-11-27T10:00:00.5+01:00"). A call given a bad one fails without
 * writing anything, and the feed stays usable.
 *
 * Not thread-safe per feed; separate feeds may be built on separate threads. */
#ifndef TANDEM_ATOM_H
#define TANDEM_ATOM_H
#include <stdbool.h>

#include "buf.h"

typedef struct atom_feed atom_feed; /* opaque */

/* Every member is required (non-NULL). */
typedef struct {
    const char *id;             /* absolute IRI, e.g. "http://host/u/amira/blog" or a tag: URI */
    const char *title;          /* plain text */
    const char *updated;        /* RFC 3339 timestamp, e.g. "2026-11-27T10:00:00Z" */
    const char *self_href;      /* absolute URL of the feed itself (link rel=self) */
    const char *alternate_href; /* absolute URL of the HTML page (link rel=alternate) */
    const char *author_name;
} atom_feed_head;

/* id, title, updated and href are required; the rest may be NULL. */
typedef struct {
    const char *id, *title, *updated, *published; /* published may be NULL */
    const char *href;                             /* absolute URL of the entry's HTML page */
    const char *author_name;                      /* NULL: no <author>, the feed's author applies */
    const char *summary;                          /* plain text, may be NULL */
    const char *content_html; /* sanitised HTML, written as <content type="html"> (escaped text),
                                 may be NULL */
    const char *const *categories; /* NULL-terminated list of tag terms, may be NULL; empty terms
                                      are skipped */
} atom_entry;

/* Starts a feed: the XML declaration, <feed xmlns="http://www.w3.org/2005/Atom">
 * and its id, title, updated, link rel=self (type application/atom+xml), link
 * rel=alternate (type text/html) and author/name. NULL when a required
 * member is missing or invalid, or memory runs out. */
atom_feed *atom_begin(const atom_feed_head *head);

/* Writes one <entry>: id, title, updated, published, link rel=alternate
 * (type text/html), author/name, one category per term, summary, content.
 * False with nothing written when a required member is missing or invalid
 * (the feed stays usable); false when memory runs out mid-entry, after
 * which the feed is spoilt and atom_finish will fail. */
bool atom_add(atom_feed *f, const atom_entry *e);

/* Ends the document and appends it (UTF-8, with XML declaration) to out;
 * frees f. false on failure (out unchanged); f is freed either way. */
bool atom_finish(atom_feed *f, buf *out);

/* Frees f without output. NULL is fine. */
void atom_abandon(atom_feed *f);

#endif
