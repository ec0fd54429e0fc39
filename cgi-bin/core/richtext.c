/* richtext: Markdown (cmark-gfm) to HTML, and the allow-list sanitiser built
 * on libxml2's HTML parser that every piece of HTML passes through. The
 * sanitiser never copies markup: it parses, then writes each allowed element
 * and attribute itself and escapes all text, so what a browser parses from
 * the output is exactly the tree we chose to write. */
#include "richtext.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "utf8.h"

/* Past this depth elements are unwrapped: browsers and our own re-parsing
 * behave badly with absurd nesting, and nobody writes it on purpose. */
#define MAX_DEPTH 64

/* ---------------------------------------------------------------- setup */

static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Neither library's global setup is safe to race, so it runs exactly once. */
static void init_libraries(void)
{
    xmlInitParser();
    cmark_gfm_core_extensions_ensure_registered();
}

/* ------------------------------------------------------------- policy */

typedef enum { DROP, UNWRAP, KEEP } action;

/* Allowed elements, by canonical (lower-case) name. */
static const char *const ALLOWED[] = {
    "p",   "br", "hr", "h1",      "h2",  "h3",  "h4",   "h5",    "h6",         "strong", "em",
    "b",   "i",  "u",  "s",       "del", "ins", "sub",  "sup",   "blockquote", "pre",    "code",
    "kbd", "ul", "ol", "li",      "dl",  "dt",  "dd",   "table", "thead",      "tbody",  "tfoot",
    "tr",  "th", "td", "caption", "a",   "img", "span", "div",   "input",
};

/* Void elements have no end tag and no content. */
static bool is_void(const char *el)
{
    return !strcmp(el, "br") || !strcmp(el, "hr") || !strcmp(el, "img") || !strcmp(el, "input");
}

/* Elements whose content is code, foreign markup or hidden UI rather than
 * readable text: they go whole. Everything else unknown is unwrapped. */
static const char *const DROP_WITH_CONTENT[] = {
    "script",   "style",    "svg",      "math",     "iframe", "frame",     "frameset",
    "template", "noscript", "noembed",  "noframes", "object", "embed",     "applet",
    "head",     "title",    "textarea", "select",   "xmp",    "plaintext", "canvas",
    "audio",    "video",    "link",     "meta",     "base",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* RICHTEXT_TEST_DISALLOW is for a test build only, never a real one:
 * tests/e2e/rerender.test.mjs builds a second tandem with
 * -DRICHTEXT_TEST_DISALLOW=strong, which takes that element off the
 * allow-list (it is unwrapped, its text kept) as a fix to the sanitiser
 * would, and checks that `tandem rerender` carries the change to HTML
 * stored before it. */
#ifdef RICHTEXT_TEST_DISALLOW
#define TEXT_OF_(x) #x
#define TEXT_OF(x) TEXT_OF_(x)
#endif

/* Index into ALLOWED, or -1. */
static int allowed_index(const xmlChar *name)
{
#ifdef RICHTEXT_TEST_DISALLOW
    if (strcasecmp((const char *)name, TEXT_OF(RICHTEXT_TEST_DISALLOW)) == 0)
        return -1;
#endif
    for (size_t i = 0; i < COUNT(ALLOWED); i++)
        if (strcasecmp((const char *)name, ALLOWED[i]) == 0)
            return (int)i;
    return -1;
}

static bool drops_content(const xmlChar *name)
{
    for (size_t i = 0; i < COUNT(DROP_WITH_CONTENT); i++)
        if (strcasecmp((const char *)name, DROP_WITH_CONTENT[i]) == 0)
            return true;
    return false;
}

/* The value of attribute name on n (malloc'd by libxml2), or NULL. */
static xmlChar *attr_value(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (strcasecmp((const char *)a->name, name) == 0)
            return xmlNodeGetContent((xmlNodePtr)a);
    return NULL;
}

/* input survives only as a task-list checkbox; any other kind of input is a
 * form control a user could be phished with. */
static bool is_checkbox(xmlNodePtr n)
{
    xmlChar *t = attr_value(n, "type");
    bool ok = t && strcasecmp((const char *)t, "checkbox") == 0;
    xmlFree(t);
    return ok;
}

/* What to do with element n at depth (the wrapper <div> is depth 0). */
static action classify(xmlNodePtr n, int depth, bool is_wrapper)
{
    if (drops_content(n->name))
        return DROP;
    int i = allowed_index(n->name);
    if (i >= 0 && strcmp(ALLOWED[i], "input") == 0 && !is_checkbox(n))
        return DROP;
    if (i < 0 || is_wrapper || depth > MAX_DEPTH)
        return UNWRAP;
    return KEEP;
}

/* Browsers ignore ASCII whitespace and control characters in a URL's scheme
 * ("jav\tascript:" is javascript:), so they are skipped before the scheme is
 * read. A ':' before any '/', '?' or '#' means there is a scheme, and it must
 * be on the list; without one the URL is relative, hence harmless. */
static bool url_ok(const char *v, bool allow_mailto)
{
    char scheme[8];
    size_t n = 0;
    bool too_long = false;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p <= 0x20 || *p == 0x7f)
            continue;
        if (*p == '/' || *p == '?' || *p == '#')
            return true;
        if (*p == ':') {
            scheme[n] = '\0';
            return !too_long && (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
                                 (allow_mailto && strcmp(scheme, "mailto") == 0));
        }
        if (n + 1 < sizeof scheme)
            scheme[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        else
            too_long = true;
    }
    return true;
}

/* 1 to 4 ASCII digits: enough for any real width, span or list start. */
static bool digits_ok(const char *v)
{
    size_t n = strlen(v);
    return n >= 1 && n <= 4 && strspn(v, "0123456789") == n;
}

/* ^language-[A-Za-z0-9_+-]{1,30}$, as cmark writes for fenced code. */
static bool language_ok(const char *v)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-";
    if (strncmp(v, "language-", 9) != 0)
        return false;
    size_t n = strlen(v + 9);
    return n >= 1 && n <= 30 && strspn(v + 9, chars) == n;
}

static bool is(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

/* Whether element el (canonical name) may carry attribute at="v". */
static bool attr_ok(const char *el, const char *at, const char *v)
{
    if (is(el, "a"))
        return (is(at, "href") && url_ok(v, true)) || is(at, "title");
    if (is(el, "img"))
        return (is(at, "src") && url_ok(v, false)) || is(at, "alt") || is(at, "title") ||
               ((is(at, "width") || is(at, "height")) && digits_ok(v));
    if (is(el, "th") || is(el, "td"))
        return (is(at, "align") && (is(v, "left") || is(v, "center") || is(v, "right"))) ||
               ((is(at, "colspan") || is(at, "rowspan")) && digits_ok(v));
    if (is(el, "ol"))
        return is(at, "start") && digits_ok(v);
    if (is(el, "pre") || is(el, "code"))
        return is(at, "class") && language_ok(v);
    return false;
}

/* ---------------------------------------------------------- serialiser */

typedef struct {
    buf *out;
    xmlNodePtr wrapper; /* our own <div> around the fragment */
    bool oom;
} walk;

static void put(walk *w, const char *s, size_t n)
{
    if (!w->oom && !buf_append(w->out, s, n))
        w->oom = true;
}

static void puts_(walk *w, const char *s)
{
    put(w, s, strlen(s));
}

/* Our own escaping, for text and attribute values alike: the parser's
 * serialiser leaves '>' and '"' in places, and we want no doubt at all. */
static void put_escaped(walk *w, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        const char *e = *s == '&'   ? "&amp;"
                        : *s == '<' ? "&lt;"
                        : *s == '>' ? "&gt;"
                        : *s == '"' ? "&quot;"
                                    : NULL;
        if (!e)
            continue;
        put(w, run, (size_t)(s - run));
        puts_(w, e);
        run = s + 1;
    }
    put(w, run, (size_t)(s - run));
}

/* Start tag of a task-list checkbox: always disabled, nothing else kept. */
static void put_checkbox(walk *w, xmlNodePtr n)
{
    xmlChar *checked = attr_value(n, "checked");
    puts_(w, checked ? "<input type=\"checkbox\" checked disabled>"
                     : "<input type=\"checkbox\" disabled>");
    xmlFree(checked);
}

/* Start tag of allowed element el, with only its allowed attributes, in
 * source order; links get rel so they pass no referrer and no credit. */
static void put_start_tag(walk *w, xmlNodePtr n, const char *el)
{
    if (is(el, "input")) {
        put_checkbox(w, n);
        return;
    }
    bool href = false;
    puts_(w, "<");
    puts_(w, el);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        char at[16];
        size_t an = strlen((const char *)a->name);
        if (an >= sizeof at)
            continue;
        for (size_t i = 0; i <= an; i++) /* lower case, NUL included */
            at[i] = (char)(a->name[i] >= 'A' && a->name[i] <= 'Z' ? a->name[i] + 32 : a->name[i]);
        xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
        if (v && attr_ok(el, at, (const char *)v)) {
            href |= is(at, "href");
            puts_(w, " ");
            puts_(w, at);
            puts_(w, "=\"");
            put_escaped(w, (const char *)v);
            puts_(w, "\"");
        }
        xmlFree(v);
    }
    if (href)
        puts_(w, " rel=\"nofollow noopener noreferrer\"");
    puts_(w, ">");
}

/* Handles n on the way down; true if its children are to be visited. */
static bool enter(walk *w, xmlNodePtr n, int depth)
{
    if (n->type == XML_TEXT_NODE) {
        if (n->content)
            put_escaped(w, (const char *)n->content);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE) /* comments, PIs, CDATA, DTDs, entities */
        return false;
    action act = classify(n, depth, n == w->wrapper);
    if (act == KEEP) {
        const char *el = ALLOWED[allowed_index(n->name)];
        put_start_tag(w, n, el);
        return !is_void(el); /* a void element's stray children go */
    }
    return act == UNWRAP;
}

/* Handles element n on the way up, after its children. */
static void leave(walk *w, xmlNodePtr n, int depth)
{
    if (classify(n, depth, n == w->wrapper) != KEEP)
        return;
    puts_(w, "</");
    puts_(w, ALLOWED[allowed_index(n->name)]);
    puts_(w, ">");
}

/* Depth-first walk below top without recursion, so that deep nesting cannot
 * exhaust the stack; the parent pointers lead back up. */
static void walk_tree(walk *w, xmlNodePtr top)
{
    xmlNodePtr n = top->children;
    int depth = 0;
    while (n && !w->oom) {
        bool descend = enter(w, n, depth);
        if (descend && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        if (descend)
            leave(w, n, depth);
        while (!n->next) {
            n = n->parent;
            depth--;
            if (!n || n == top)
                return;
            leave(w, n, depth);
        }
        n = n->next;
    }
}

/* Parses the fragment inside a <div> of our own, so that bare text is not
 * wrapped in an implied <p> and the result does not depend on context. */
static xmlDocPtr parse_fragment(const char *html, size_t len)
{
    buf tmp = {0};
    xmlDocPtr doc = NULL;
    if (buf_puts(&tmp, "<div>") && utf8_repair(html, len, &tmp) && buf_puts(&tmp, "</div>"))
        doc = htmlReadMemory(tmp.data, (int)tmp.len, NULL, "UTF-8",
                             HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_NOIMPLIED);
    buf_free(&tmp);
    return doc;
}

int richtext_sanitize(const char *html, size_t len, buf *out)
{
    size_t mark = out->len;
    if (len > RICHTEXT_MAX_LEN || !buf_append(out, "", 0)) /* "" keeps data non-NULL */
        return -1;
    pthread_once(&once, init_libraries);
    xmlDocPtr doc = parse_fragment(html, len);
    if (!doc)
        return -1;
    walk w = {.out = out, .wrapper = xmlDocGetRootElement(doc)};
    walk_tree(&w, (xmlNodePtr)doc);
    xmlFreeDoc(doc);
    if (w.oom) {
        out->len = mark;
        out->data[mark] = '\0';
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------ Markdown */

static const char *const EXTENSIONS[] = {"table", "strikethrough", "autolink", "tasklist"};

/* A parser with the GFM extensions; safe mode (no CMARK_OPT_UNSAFE) so raw
 * HTML and javascript: links are already dropped by cmark. */
static cmark_parser *new_parser(int options)
{
    cmark_parser *p = cmark_parser_new(options);
    for (size_t i = 0; p && i < COUNT(EXTENSIONS); i++) {
        cmark_syntax_extension *e = cmark_find_syntax_extension(EXTENSIONS[i]);
        if (!e || !cmark_parser_attach_syntax_extension(p, e)) {
            cmark_parser_free(p);
            return NULL;
        }
    }
    return p;
}

int richtext_render(const char *markdown, size_t len, buf *html_out)
{
    const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
    if (len > RICHTEXT_MAX_LEN)
        return -1;
    pthread_once(&once, init_libraries);
    cmark_parser *p = new_parser(options);
    if (!p)
        return -1;
    cmark_parser_feed(p, markdown, len);
    cmark_node *doc = cmark_parser_finish(p);
    char *html =
        doc ? cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(p)) : NULL;
    /* Defence in depth: cmark's safe mode is good, but the sanitiser is the
     * one place whose rules we own and test. */
    int rc = html ? richtext_sanitize(html, strlen(html), html_out) : -1;
    cmark_get_default_mem_allocator()->free(html);
    if (doc)
        cmark_node_free(doc);
    cmark_parser_free(p);
    return rc;
}

const char *richtext_to_arena(arena *a, const char *markdown)
{
    buf html = {0};
    const char *out = richtext_render(markdown, strlen(markdown), &html) == 0
                          ? arena_strdup(a, html.data ? html.data : "")
                          : NULL;
    buf_free(&html);
    return out;
}

const char *richtext_plain_to_arena(arena *a, const char *markdown)
{
    const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
    size_t len = strlen(markdown);
    if (len > RICHTEXT_MAX_LEN)
        return NULL;
    pthread_once(&once, init_libraries);
    cmark_parser *p = new_parser(options);
    if (!p)
        return NULL;
    cmark_parser_feed(p, markdown, len);
    cmark_node *doc = cmark_parser_finish(p);
    /* Width 0: paragraphs stay on one line each. */
    char *text = doc ? cmark_render_plaintext(doc, options, 0) : NULL;
    const char *out = text ? arena_strdup(a, text) : NULL;
    cmark_get_default_mem_allocator()->free(text);
    if (doc)
        cmark_node_free(doc);
    cmark_parser_free(p);
    return out;
}
