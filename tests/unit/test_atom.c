/* atom.c: every feed parses as namespace-well-formed XML with the elements
 * RFC 4287 requires, whatever the text fields hold, and HTML content is
 * carried as escaped text. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "../../cgi-bin/core/atom.h"
#include "unit.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define FFFD "\xef\xbf\xbd"

static const atom_feed_head HEAD = {
    .id = "http://host/u/amira/blog",
    .title = "Amira's blog",
    .updated = "2026-11-27T10:00:00Z",
    .self_href = "http://host/u/amira/blog.atom",
    .alternate_href = "http://host/u/amira/blog",
    .author_name = "Amira Haddad",
};

/* Every libxml2 diagnostic (error or warning) while parsing counts. */
static void count_error(void *ctx, xmlErrorPtr err)
{
    (void)err;
    (*(int *)ctx)++;
}

/* Parses out with no network and fails on any diagnostic; the root must be
 * {ATOM_NS}feed. The caller frees the document. */
static xmlDocPtr parse(const buf *out)
{
    int errors = 0;
    assert_non_null(out->data);
    xmlSetStructuredErrorFunc(&errors, count_error);
    xmlDocPtr doc = xmlReadMemory(out->data, (int)out->len, "feed.atom", NULL, XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc || errors)
        fail_msg("%d parse error(s) in:\n%s", errors, out->data);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_non_null(root);
    assert_string_equal((const char *)root->name, "feed");
    assert_non_null(root->ns);
    assert_string_equal((const char *)root->ns->href, ATOM_NS);
    return doc;
}

/* Evaluates expr, with prefix a: bound to the Atom namespace. */
static xmlXPathObjectPtr eval(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    assert_int_equal(xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST ATOM_NS), 0);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    if (!r)
        fail_msg("bad XPath %s", expr);
    return r;
}

/* How many nodes expr selects. */
static int count(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr r = eval(doc, expr);
    assert_int_equal(r->type, XPATH_NODESET);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

/* Asserts that expr selects exactly one node whose string value is want. */
#define EXPECT_ONE(doc, expr, want)                                                                \
    do {                                                                                           \
        assert_int_equal(count((doc), (expr)), 1);                                                 \
        xmlXPathObjectPtr r_ = eval((doc), "string(" expr ")");                                    \
        assert_string_equal((const char *)r_->stringval, (want));                                  \
        xmlXPathFreeObject(r_);                                                                    \
    } while (0)

/* The whole feed for head and entries (NULL-terminated), appended to a
 * fresh buf that the caller frees. */
static buf build(const atom_feed_head *head, const atom_entry *const *entries)
{
    buf out = {0};
    atom_feed *f = atom_begin(head);
    assert_non_null(f);
    for (; entries && *entries; entries++)
        assert_true(atom_add(f, *entries));
    assert_true(atom_finish(f, &out));
    return out;
}

static void zero_entries_make_a_valid_feed(void **state)
{
    (void)state;
    buf out = build(&HEAD, NULL);
    assert_true(strncmp(out.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 38) == 0);
    assert_int_equal(strlen(out.data), out.len);
    xmlDocPtr doc = parse(&out);
    EXPECT_ONE(doc, "/a:feed/a:id", "http://host/u/amira/blog");
    EXPECT_ONE(doc, "/a:feed/a:title", "Amira's blog");
    EXPECT_ONE(doc, "/a:feed/a:updated", "2026-11-27T10:00:00Z");
    EXPECT_ONE(doc, "/a:feed/a:author/a:name", "Amira Haddad");
    EXPECT_ONE(doc, "/a:feed/a:link[@rel='self'][@type='application/atom+xml']/@href",
               "http://host/u/amira/blog.atom");
    EXPECT_ONE(doc, "/a:feed/a:link[@rel='alternate'][@type='text/html']/@href",
               "http://host/u/amira/blog");
    assert_int_equal(count(doc, "/a:feed/a:link"), 2);
    assert_int_equal(count(doc, "/a:feed/a:entry"), 0);
    assert_int_equal(count(doc, "//*[namespace-uri() != '" ATOM_NS "']"), 0);
    xmlFreeDoc(doc);
    buf_free(&out);
}

static void entries_have_required_and_optional_elements(void **state)
{
    (void)state;
    const char *const tags[] = {"reflection", "", "week 3", NULL};
    const atom_entry full = {
        .id = "tag:host,2026:page/42",
        .title = "Week 3",
        .updated = "2026-11-27T09:30:00.25+01:00",
        .published = "2026-11-26T08:00:00Z",
        .href = "http://host/u/amira/pages/42",
        .author_name = "Amira Haddad",
        .summary = "What I learnt",
        .content_html = "<p>Hello</p>",
        .categories = tags,
    };
    const atom_entry bare = {
        .id = "http://host/u/amira/pages/41",
        .title = "Week 2",
        .updated = "2026-11-20T09:00:00-05:00",
        .href = "http://host/u/amira/pages/41",
    };
    const atom_entry *const entries[] = {&full, &bare, NULL};
    buf out = build(&HEAD, entries);
    xmlDocPtr doc = parse(&out);
    assert_int_equal(count(doc, "/a:feed/a:entry"), 2);

    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:id", "tag:host,2026:page/42");
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:title", "Week 3");
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:updated", "2026-11-27T09:30:00.25+01:00");
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:published", "2026-11-26T08:00:00Z");
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:link[@rel='alternate'][@type='text/html']/@href",
               "http://host/u/amira/pages/42");
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:author/a:name", "Amira Haddad");
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:summary", "What I learnt");
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:content[@type='html']", "<p>Hello</p>");
    assert_int_equal(count(doc, "/a:feed/a:entry[1]/a:category"), 2); /* "" skipped */
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:category[1]/@term", "reflection");
    EXPECT_ONE(doc, "/a:feed/a:entry[1]/a:category[2]/@term", "week 3");

    EXPECT_ONE(doc, "/a:feed/a:entry[2]/a:id", "http://host/u/amira/pages/41");
    EXPECT_ONE(doc, "/a:feed/a:entry[2]/a:title", "Week 2");
    EXPECT_ONE(doc, "/a:feed/a:entry[2]/a:updated", "2026-11-20T09:00:00-05:00");
    EXPECT_ONE(doc, "/a:feed/a:entry[2]/a:link[@rel='alternate']/@href",
               "http://host/u/amira/pages/41");
    /* Optional parts left NULL are left out (author comes from the feed). */
    assert_int_equal(count(doc, "/a:feed/a:entry[2]/a:published"), 0);
    assert_int_equal(count(doc, "/a:feed/a:entry[2]/a:author"), 0);
    assert_int_equal(count(doc, "/a:feed/a:entry[2]/a:summary"), 0);
    assert_int_equal(count(doc, "/a:feed/a:entry[2]/a:content"), 0);
    assert_int_equal(count(doc, "/a:feed/a:entry[2]/a:category"), 0);
    xmlFreeDoc(doc);
    buf_free(&out);
}

static void html_content_is_escaped_text(void **state)
{
    (void)state;
    const char *html = "<p>Hi <b>there</b> &amp; <a href=\"http://x/?a=1&amp;b=2\">x</a></p>";
    const atom_entry e = {
        .id = "http://host/e/1",
        .title = "t",
        .updated = "2026-11-27T10:00:00Z",
        .href = "http://host/e/1",
        .content_html = html,
    };
    const atom_entry *const entries[] = {&e, NULL};
    buf out = build(&HEAD, entries);
    assert_contains(out.data,
                    "<content type=\"html\">&lt;p&gt;Hi &lt;b&gt;there&lt;/b&gt; "
                    "&amp;amp; &lt;a href=&quot;http://x/?a=1&amp;amp;b=2&quot;&gt;x&lt;/a&gt;"
                    "&lt;/p&gt;</content>");
    assert_not_contains(out.data, "<p>");
    assert_not_contains(out.data, "<b>");
    xmlDocPtr doc = parse(&out);
    /* One text child, no elements: a reader gets back exactly the HTML. */
    assert_int_equal(count(doc, "//a:content/*"), 0);
    assert_int_equal(count(doc, "//*[local-name() = 'p' or local-name() = 'b']"), 0);
    EXPECT_ONE(doc, "//a:content", html);
    xmlFreeDoc(doc);
    buf_free(&out);
}

/* Markup, CDATA ends, entities, quotes, forbidden controls, non-characters,
 * surrogates and invalid UTF-8, in every text field. */
static const char HOSTILE[] = "<script>alert(\"x\")</script> ]]> & &amp; 'q' \"dq\" "
                              "c\x01"
                              "d\x0b"
                              "e\x1f"
                              "f \xef\xbf\xbe \xef\xbf\xbf "
                              "\xed\xa0\x80 \xc0\xaf \xff\xfe ok\ttab\nnl\rcr "
                              "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80 end\xc3";
/* What must come back: each bad byte, or forbidden character, one U+FFFD;
 * tab, LF, CR and all good characters unchanged. */
static const char CLEANED[] = "<script>alert(\"x\")</script> ]]> & &amp; 'q' \"dq\" "
                              "c" FFFD "d" FFFD "e" FFFD "f " FFFD " " FFFD " " FFFD FFFD FFFD
                              " " FFFD FFFD " " FFFD FFFD " ok\ttab\nnl\rcr "
                              "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80 end" FFFD;

static void hostile_text_gives_well_formed_feed(void **state)
{
    (void)state;
    const char *const tags[] = {HOSTILE, NULL};
    atom_feed_head head = HEAD;
    head.title = HOSTILE;
    head.author_name = HOSTILE;
    const atom_entry e = {
        .id = "http://host/e/1",
        .title = HOSTILE,
        .updated = "2026-11-27T10:00:00Z",
        .href = "http://host/e/1?a=1&b=2",
        .author_name = HOSTILE,
        .summary = HOSTILE,
        .content_html = HOSTILE,
        .categories = tags,
    };
    const atom_entry *const entries[] = {&e, NULL};
    buf out = build(&head, entries);
    static const char *const gone[] = {
        "\x01",         "\x0b", "\x1f", "\xef\xbf\xbe", "\xef\xbf\xbf",
        "\xed\xa0\x80", "\xc0", "\xff", "<script",      "]]>",
    };
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        assert_not_contains(out.data, gone[i]);
    assert_contains(out.data, "&lt;script&gt;");
    xmlDocPtr doc = parse(&out);
    EXPECT_ONE(doc, "/a:feed/a:title", CLEANED);
    EXPECT_ONE(doc, "/a:feed/a:author/a:name", CLEANED);
    EXPECT_ONE(doc, "/a:feed/a:entry/a:title", CLEANED);
    EXPECT_ONE(doc, "/a:feed/a:entry/a:author/a:name", CLEANED);
    EXPECT_ONE(doc, "/a:feed/a:entry/a:summary", CLEANED);
    EXPECT_ONE(doc, "/a:feed/a:entry/a:content[@type='html']", CLEANED);
    EXPECT_ONE(doc, "/a:feed/a:entry/a:category/@term", CLEANED);
    EXPECT_ONE(doc, "/a:feed/a:entry/a:link/@href", "http://host/e/1?a=1&b=2");
    assert_int_equal(count(doc, "//*[local-name() = 'script']"), 0);
    xmlFreeDoc(doc);
    buf_free(&out);
}

static void empty_text_still_gives_elements(void **state)
{
    (void)state;
    atom_feed_head head = HEAD;
    head.title = "";
    head.author_name = "";
    const atom_entry e = {
        .id = "http://host/e/1",
        .title = "",
        .updated = "2026-11-27T10:00:00Z",
        .href = "http://host/e/1",
        .author_name = "",
        .summary = "",
        .content_html = "",
    };
    const atom_entry *const entries[] = {&e, NULL};
    buf out = build(&head, entries);
    xmlDocPtr doc = parse(&out);
    EXPECT_ONE(doc, "/a:feed/a:title", "");
    EXPECT_ONE(doc, "/a:feed/a:author/a:name", "");
    EXPECT_ONE(doc, "/a:feed/a:entry/a:title", "");
    EXPECT_ONE(doc, "/a:feed/a:entry/a:author/a:name", "");
    EXPECT_ONE(doc, "/a:feed/a:entry/a:summary", "");
    EXPECT_ONE(doc, "/a:feed/a:entry/a:content[@type='html']", "");
    xmlFreeDoc(doc);
    buf_free(&out);
}

static void bad_ids_and_dates_are_refused(void **state)
{
    (void)state;
    static const char *const bad_dates[] = {
        "2026-11-27 10:00:00Z",
        "2026-11-27t10:00:00Z",
        "2026-11-27T10:00:00z",
        "2026-11-27T10:00:00",
        "2026-11-27T10:00:00+0100",
        "2026-11-27T10:00:00.Z",
        "2026-13-01T10:00:00Z",
        "2026-02-29T10:00:00Z",
        "2026-04-31T10:00:00Z",
        "2026-11-27T24:00:00Z",
        "2026-11-27T10:60:00Z",
        "2026-11-27T10:00:00+24:00",
        "2026-11-27T10:00:00Z ",
        "2026-11-27",
        "yesterday",
        "",
    };
    static const char *const bad_iris[] = {
        "",
        "/u/amira/blog",
        "host/x",
        "1http://x",
        "http://x y",
        "http://x\ty",
        "http://x/<y>",
        "http://x/\"y\"",
        "http://x/\x01",
        "http://x/\xff",
        "http://x/\xef\xbf\xbe",
        ":x",
    };
    atom_feed_head h;
    for (size_t i = 0; i < sizeof bad_dates / sizeof *bad_dates; i++) {
        h = HEAD;
        h.updated = bad_dates[i];
        if (atom_begin(&h))
            fail_msg("accepted updated \"%s\"", bad_dates[i]);
    }
    for (size_t i = 0; i < sizeof bad_iris / sizeof *bad_iris; i++) {
        h = HEAD;
        h.id = bad_iris[i];
        assert_null(atom_begin(&h));
        h = HEAD;
        h.self_href = bad_iris[i];
        assert_null(atom_begin(&h));
        h = HEAD;
        h.alternate_href = bad_iris[i];
        assert_null(atom_begin(&h));
    }
    const char **required[] = {&h.id,        &h.title,          &h.updated,
                               &h.self_href, &h.alternate_href, &h.author_name};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++) {
        h = HEAD;
        *required[i] = NULL;
        assert_null(atom_begin(&h));
    }
    assert_null(atom_begin(NULL));

    /* Good edge cases are accepted: leap day, leap second, fraction, offset,
     * non-ASCII and tag: IRIs. */
    h = HEAD;
    h.updated = "2024-02-29T23:59:60.123456-12:30";
    h.id = "tag:host,2026:caf\xc3\xa9";
    h.alternate_href = "https://h\xc3\xb4st/p?q=1&r=2#f";
    atom_feed *f = atom_begin(&h);
    assert_non_null(f);

    /* A refused entry writes nothing and leaves the feed usable. */
    const atom_entry good = {
        .id = "http://host/e/1",
        .title = "t",
        .updated = "2026-11-27T10:00:00Z",
        .href = "http://host/e/1",
    };
    atom_entry e = good;
    e.published = "2026-11-27";
    assert_false(atom_add(f, &e));
    e = good;
    e.href = "/e/1";
    assert_false(atom_add(f, &e));
    e = good;
    e.id = NULL;
    assert_false(atom_add(f, &e));
    e = good;
    e.title = NULL;
    assert_false(atom_add(f, &e));
    e = good;
    e.updated = NULL;
    assert_false(atom_add(f, &e));
    assert_false(atom_add(f, NULL));
    assert_false(atom_add(NULL, &good));
    assert_true(atom_add(f, &good));
    buf out = {0};
    assert_true(atom_finish(f, &out));
    xmlDocPtr doc = parse(&out);
    assert_int_equal(count(doc, "/a:feed/a:entry"), 1);
    EXPECT_ONE(doc, "/a:feed/a:id", "tag:host,2026:caf\xc3\xa9");
    EXPECT_ONE(doc, "/a:feed/a:updated", "2024-02-29T23:59:60.123456-12:30");
    EXPECT_ONE(doc, "/a:feed/a:link[@rel='alternate']/@href", "https://h\xc3\xb4st/p?q=1&r=2#f");
    xmlFreeDoc(doc);
    buf_free(&out);
}

static void finish_appends_and_abandon_frees(void **state)
{
    (void)state;
    buf out = {0};
    assert_true(buf_puts(&out, "before|"));
    atom_feed *f = atom_begin(&HEAD);
    assert_non_null(f);
    assert_true(atom_finish(f, &out));
    assert_true(strncmp(out.data, "before|<?xml ", 13) == 0);
    assert_contains(out.data, "</feed>");
    assert_false(atom_finish(NULL, &out));

    /* Abandoning, with or without entries, writes nothing (ASan checks the
     * memory goes). */
    size_t len = out.len;
    atom_abandon(atom_begin(&HEAD));
    f = atom_begin(&HEAD);
    const atom_entry e = {
        .id = "http://host/e/1",
        .title = "t",
        .updated = "2026-11-27T10:00:00Z",
        .href = "http://host/e/1",
    };
    assert_true(atom_add(f, &e));
    atom_abandon(f);
    atom_abandon(NULL);
    assert_int_equal(out.len, len);
    buf_free(&out);
}

int run_atom_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(zero_entries_make_a_valid_feed),
        cmocka_unit_test(entries_have_required_and_optional_elements),
        cmocka_unit_test(html_content_is_escaped_text),
        cmocka_unit_test(hostile_text_gives_well_formed_feed),
        cmocka_unit_test(empty_text_still_gives_elements),
        cmocka_unit_test(bad_ids_and_dates_are_refused),
        cmocka_unit_test(finish_appends_and_abandon_frees),
    };
    return cmocka_run_group_tests_name("atom", tests, NULL, NULL);
}
