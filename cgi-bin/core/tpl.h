/* tpl: the C face of Google ctemplate. Templates are loaded and checked once
 * at start-up; a dictionary is filled per request and expanded into a buf.
 *
 * Unescaped HTML. Every template auto-escapes, and the one way past that is
 * the :none modifier. Two rules keep :none honest (DESIGN.md rule 4):
 *  1. tpl_load_all refuses a template that puts :none on a variable (or an
 *     include) whose name does not end in _HTML.
 *  2. A name ending in _HTML is set only by tpl_set_html, from a safe_html;
 *     tpl_set, tpl_set_int and tpl_set_global log and set nothing for one.
 * safe_html is a type that is never defined: C code cannot make one from a
 * string, only receive a pointer to one from a trusted producer:
 *  - render_fragment (core/render.h): one of our own templates, expanded
 *    with auto-escape; render_fragment_find gives back only what
 *    render_fragment_keep was given, and that takes only a safe_html;
 *  - html_from_db (core/richtext.h): a stored *_html column, which holds
 *    only what richtext (the sanitiser) or render_fragment wrote;
 *  - TPL_HTML_EMPTY, below: nothing at all.
 * Each producer mints one with a cast, `(const safe_html *)`; grep for it to
 * audit them all. A new producer needs a reason as good as these, written
 * beside its cast. NULL is allowed wherever a safe_html is, meaning "none". */
#ifndef TANDEM_TPL_H
#define TANDEM_TPL_H
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tpl_dict tpl_dict;
/* HTML that may be emitted unescaped: see above. Never defined. */
typedef struct safe_html safe_html;
/* No HTML at all, which is safe: for a piece that has nothing in it. */
#define TPL_HTML_EMPTY ((const safe_html *)"")
/* Whether html is NULL or has nothing in it. */
bool tpl_html_is_empty(const safe_html *html);
/* The text of html (NULL for NULL), to store or keep: a plain string again,
 * which only the producers above may turn back into a safe_html. */
const char *tpl_html_str(const safe_html *html);

/* Loads every *.tpl file under dir. Each must begin with an AUTOESCAPE
 * pragma, use :none only on names ending in _HTML, and parse; on the first
 * one that does not, returns -1 with err naming the file (and the variable
 * and line, for :none). Then freezes the cache: templates never change
 * while the program runs. */
int tpl_load_all(const char *dir, char *err, size_t errlen);

tpl_dict *tpl_dict_new(void);
void tpl_dict_free(tpl_dict *d);
/* Values are copied into the dictionary. A NULL value sets the empty string.
 * A key ending in _HTML is refused (logged, nothing set): use tpl_set_html. */
void tpl_set(tpl_dict *d, const char *key, const char *value);
void tpl_set_int(tpl_dict *d, const char *key, long long value);
/* Sets a value visible in d and in every section and include below it. */
void tpl_set_global(tpl_dict *d, const char *key, const char *value);
/* Sets key, whose name must end in _HTML (else it is logged and nothing is
 * set), to html, for the template to emit with :none. NULL sets the empty
 * string. */
void tpl_set_html(tpl_dict *d, const char *key, const safe_html *html);
void tpl_show(tpl_dict *d, const char *section);
/* Adds one repetition of a section and returns its dictionary (owned by d). */
tpl_dict *tpl_add_section(tpl_dict *d, const char *section);
/* Fills the {{>name}} include with file; returns its dictionary (owned by d). */
tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *file);

/* Appends the expansion of file to out. Returns 0, or -1 if the template is
 * unknown or expansion failed. */
int tpl_expand(const char *file, tpl_dict *d, buf *out);

#ifdef __cplusplus
}
#endif
#endif
