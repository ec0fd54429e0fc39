/* richtext: the one way user-written text becomes HTML. Every feature stores
 * what the user wrote (*_md) and the output of richtext_render (*_html); the
 * templates print the latter unescaped, so everything here must be safe for
 * that.
 *
 * Both functions APPEND to their output buffer (which is always left
 * NUL-terminated) and return 0, or -1 with the buffer as it was.
 *
 * Invalid UTF-8 is not an error here: form.c already answers 400 to it, so
 * what reaches us is valid; if something else slips through, bad sequences,
 * NUL and other control characters (except tab, LF, CR) become U+FFFD. So -1
 * means only: out of memory, or input longer than RICHTEXT_MAX_LEN. (cmark-gfm
 * itself aborts the process when out of memory; it has no error path.)
 *
 * Thread-safe: the libraries' one-time setup runs under pthread_once. */
#ifndef TANDEM_RICHTEXT_H
#define TANDEM_RICHTEXT_H
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "tpl.h"

/* Well under libxml2's 10 MB text-node limit, past which it would silently
 * truncate instead of failing. */
#define RICHTEXT_MAX_LEN ((size_t)4 << 20)

/* GitHub-flavoured Markdown (tables, strikethrough, autolinks, task lists)
 * to HTML; raw HTML in the Markdown is omitted, and the result always goes
 * through richtext_sanitize as well. */
int richtext_render(const char *markdown, size_t len, buf *html_out);

/* richtext_render of a NUL-terminated string into the arena: what a
 * handler stores as *_html. NULL when it cannot be rendered. */
const char *richtext_to_arena(arena *a, const char *markdown);

/* A stored *_html column, read back, as a safe_html (tpl.h) for a template
 * to emit with :none. Trusted because the program writes a *_html column
 * only from this module's output (on save, and whenever demo data or old
 * content is rendered again) or, for submissions' snapshot_html, from
 * render_fragment's, frozen; the demo SQL writes plain paragraphs "as the
 * app would save them". Pass it such a column and nothing else: each call
 * names the column it reads. */
static inline const safe_html *html_from_db(const char *stored_html)
{
    return (const safe_html *)stored_html;
}

/* The words of Markdown without its markup, into the arena: for excerpts,
 * feeds' summaries and the search index. Always to be escaped on output.
 * NULL when it cannot be rendered. */
const char *richtext_plain_to_arena(arena *a, const char *markdown);

/* Allow-list HTML sanitiser for a fragment (what goes inside a <div>).
 * Elements: p br hr h1-h6 strong em b i u s del ins sub sup blockquote pre
 * code kbd ul ol li dl dt dd table thead tbody tfoot tr th td caption a img
 * span div, and input only as <input type="checkbox" [checked] disabled>.
 * Attributes: a href (http/https/mailto/relative) title, plus rel="nofollow
 * noopener noreferrer" on every a with href; img src (http/https/relative)
 * alt title width height; th/td align colspan rowspan; ol start; pre/code
 * class="language-…". script, style, svg, math, iframe, template and the like
 * go with their content; other elements are unwrapped (their text stays).
 * Elements nested deeper than 64 are unwrapped; libxml2 drops whatever lies
 * deeper than 256. Sanitising well-formed output again gives the same output
 * (malformed input may first be straightened out by a second parse). */
int richtext_sanitize(const char *html, size_t len, buf *out);

#endif
