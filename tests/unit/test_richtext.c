/* richtext.c: Markdown rendering, and the allow-list sanitiser against the
 * classic XSS vectors. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/core/richtext.h"
#include "unit.h"

/* Each helper returns a malloc'd NUL-terminated result the test frees. */
static char *md(const char *s)
{
    buf b = {0};
    assert_int_equal(richtext_render(s, strlen(s), &b), 0);
    return b.data;
}

static char *san_n(const char *s, size_t n)
{
    buf b = {0};
    assert_int_equal(richtext_sanitize(s, n, &b), 0);
    assert_non_null(b.data);
    return b.data;
}

static char *san(const char *s)
{
    return san_n(s, strlen(s));
}

/* Fails if html (lower-cased) holds anything that could run script or
 * restyle the page: these must never appear, as tags, attributes or URLs. */
static void assert_safe(const char *html)
{
    static const char *const bad[] = {
        "<script",    "javascript:", "vbscript:", "data:",    "style=",    "<style",
        "<iframe",    "<svg",        "<math",     "<form",    "<button",   "<object",
        "<embed",     "<link",       "<meta",     "<base",    "<template", "<textarea",
        "formaction", "srcset",      "<!--",      "<![cdata",
    };
    /* Only the tags, lower-cased: text is escaped, so words like
     * "javascript:" in it are harmless and may legitimately appear. */
    size_t n = strlen(html), k = 0;
    char *low = malloc(n + 1);
    assert_non_null(low);
    bool in_tag = false;
    for (size_t i = 0; i < n; i++) {
        in_tag = in_tag ? html[i] != '>' : html[i] == '<';
        if (in_tag || html[i] == '>')
            low[k++] = (char)tolower((unsigned char)html[i]);
    }
    low[k] = '\0';
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (strstr(low, bad[i]))
            fail_msg("unsafe \"%s\" in \"%s\"", bad[i], html);
    /* An event handler: " on" + letters + "=". */
    for (const char *p = low; (p = strstr(p, " on")); p++) {
        const char *q = p + 3;
        while (*q >= 'a' && *q <= 'z')
            q++;
        if (q > p + 3 && *q == '=')
            fail_msg("event handler in \"%s\"", html);
    }
    free(low);
}

#define EXPECT_SAN(in, want)                                                                       \
    do {                                                                                           \
        char *o_ = san(in);                                                                        \
        assert_string_equal(o_, want);                                                             \
        free(o_);                                                                                  \
    } while (0)

static void markdown_basics(void **state)
{
    (void)state;
    char *o = md("*em* **strong** ~~gone~~\n\n- one\n- two\n\n1. first\n\n# Title\n\n> q\n");
    assert_contains(o, "<em>em</em>");
    assert_contains(o, "<strong>strong</strong>");
    assert_contains(o, "<del>gone</del>");
    assert_contains(o, "<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
    assert_contains(o, "<ol>\n<li>first</li>\n</ol>");
    assert_contains(o, "<h1>Title</h1>");
    assert_contains(o, "<blockquote>\n<p>q</p>\n</blockquote>");
    free(o);
}

static void markdown_table(void **state)
{
    (void)state;
    char *o = md("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
    assert_contains(o, "<table>\n<thead>\n<tr>\n<th align=\"center\">a</th>");
    assert_contains(o, "<th align=\"right\">b</th>");
    assert_contains(o, "<tbody>\n<tr>\n<td align=\"center\">1</td>");
    free(o);
}

static void markdown_task_list_gives_disabled_checkboxes(void **state)
{
    (void)state;
    char *o = md("- [ ] todo\n- [x] done\n");
    assert_contains(o, "<li><input type=\"checkbox\" disabled> todo</li>");
    assert_contains(o, "<li><input type=\"checkbox\" checked disabled> done</li>");
    free(o);
}

static void markdown_autolinks_get_rel(void **state)
{
    (void)state;
    char *o = md("see https://example.com/x?a=1&b=2 and www.example.org\n");
    assert_contains(o, "<a href=\"https://example.com/x?a=1&amp;b=2\" "
                       "rel=\"nofollow noopener noreferrer\">");
    assert_contains(o, "<a href=\"http://www.example.org\" rel=\"nofollow noopener noreferrer\">");
    free(o);
}

static void markdown_code_block_keeps_language(void **state)
{
    (void)state;
    char *o = md("```c\nif (a < b && c) {}\n```\n\n```bad\"lang\n\n```\n");
    assert_contains(o,
                    "<pre><code class=\"language-c\">if (a &lt; b &amp;&amp; c) {}\n</code></pre>");
    assert_not_contains(o, "bad");
    free(o);
}

static void markdown_raw_html_is_neutralised(void **state)
{
    (void)state;
    char *o = md("hi <script>alert(1)</script> <b onclick=x>b</b>\n\n"
                 "<div style=\"x\">\n<iframe src=x></iframe>\n</div>\n\n"
                 "[x](javascript:alert(1)) ![i](data:image/png;base64,AA) [ok](/p \"t\")\n");
    assert_safe(o);
    assert_not_contains(o, "<b");
    assert_not_contains(o, "<div");
    assert_contains(o, "<a href=\"/p\" title=\"t\" rel=\"nofollow noopener noreferrer\">ok</a>");
    free(o);
}

/* OWASP-style vectors: whatever comes out must be inert. */
static void xss_vectors_are_inert(void **state)
{
    (void)state;
    static const char *const vectors[] = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"jav&#x09;ascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\" jAvA\tscript:alert(1)\">x</a>",
        "<a href=\"\x01javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<math><mtext></mtext><mglyph><style><img src=x onerror=alert(1)>",
        "<style>@import 'x'</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<form action=x><button formaction=javascript:alert(1)>go</button></form>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<img srcset=\"x 1x\" src=\"/ok.png\">",
        "<b><i><u>unclosed <p>nested <table><td>cell",
        "<a title=\"\"><script>alert(1)</script>\">t</a>",
        "<img alt=\"\"\" onerror=alert(1)>",
        "<!--<script>-->",
        "<![CDATA[<script>]]>",
        "<body onload=alert(1)>",
        "<object data=x></object><embed src=x>",
        "<link rel=stylesheet href=x><meta http-equiv=refresh content=0;url=javascript:x>",
        "<base href=javascript:/><template><script>x</script></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<input type=image src=x onerror=alert(1)><input type=submit formaction=x>",
        "<textarea><script>alert(1)</script></textarea>",
        "<a href=\"java\nscript:alert(1)\">x</a><a href=\"JaVaScRiPt:x\">y</a>",
        "<span onmouseover=alert(1) class=x id=y>hover</span>",
        "<?xml-stylesheet href=x?><x:script>alert(1)</x:script>",
    };
    for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
        char *o = san(vectors[i]);
        assert_safe(o);
        free(o);
        o = md(vectors[i]);
        assert_safe(o);
        free(o);
    }
}

static void nul_and_invalid_utf8_are_replaced(void **state)
{
    (void)state;
    static const char in[] = "<scr\0ipt>a\0b</p>\xff\xc0\xaf<a href=\"java\0script:x\">l</a>";
    char *o = san_n(in, sizeof in - 1);
    assert_safe(o);
    assert_contains(o, "a\xef\xbf\xbd"
                       "b");
    assert_contains(o, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd<a>l</a>");
    free(o);
}

static void good_content_survives(void **state)
{
    (void)state;
    EXPECT_SAN("<p>a &amp; b &lt; c</p>", "<p>a &amp; b &lt; c</p>");
    EXPECT_SAN("<img src=x onerror=alert(1)>", "<img src=\"x\">");
    EXPECT_SAN("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>");
    EXPECT_SAN("<div style=\"color:red\" class=c>hi</div>", "<div>hi</div>");
    EXPECT_SAN("<form><button>Go</button></form><unknown>kept</unknown>", "Gokept");
    EXPECT_SAN("<script>gone</script><svg><text>gone</text></svg>ok", "ok");
    EXPECT_SAN("a<br/>b<hr>", "a<br>b<hr>");
    EXPECT_SAN("say \"hi\" > ok", "say &quot;hi&quot; &gt; ok");
    EXPECT_SAN("<input type=text value=x><input type=checkbox checked>",
               "<input type=\"checkbox\" checked disabled>");
    EXPECT_SAN("</div><b>after</b>", "<b>after</b>");
}

static void urls_are_checked_by_scheme(void **state)
{
    (void)state;
    EXPECT_SAN("<a href=\"https://x.example/?q=1\">a</a>",
               "<a href=\"https://x.example/?q=1\" rel=\"nofollow noopener noreferrer\">a</a>");
    EXPECT_SAN("<a href=\"mailto:a@b.example\" rel=x>m</a>",
               "<a href=\"mailto:a@b.example\" rel=\"nofollow noopener noreferrer\">m</a>");
    EXPECT_SAN("<a href=\"../up#x:y\">r</a>",
               "<a href=\"../up#x:y\" rel=\"nofollow noopener noreferrer\">r</a>");
    EXPECT_SAN("<a href=\"page?x=a:b\">r</a>",
               "<a href=\"page?x=a:b\" rel=\"nofollow noopener noreferrer\">r</a>");
    EXPECT_SAN("<a href=\"HTTP://X\" title=t>r</a>",
               "<a href=\"HTTP://X\" title=\"t\" rel=\"nofollow noopener noreferrer\">r</a>");
    EXPECT_SAN("<a href=\"ftp://x\">f</a><a href=\"javascriptx:1\">g</a>", "<a>f</a><a>g</a>");
    EXPECT_SAN("<img src=\"mailto:x\" alt=a><img src=\"/i.png\" width=10 height=x>",
               "<img alt=\"a\"><img src=\"/i.png\" width=\"10\">");
}

static void attributes_are_allow_listed(void **state)
{
    (void)state;
    EXPECT_SAN("<table><tr><td align=center colspan=2 rowspan=x valign=top>c</td>"
               "<th align=justify>h</th></tr></table>",
               "<table><tr><td align=\"center\" colspan=\"2\">c</td><th>h</th></tr></table>");
    EXPECT_SAN("<ol start=3 type=a><li id=x value=2>a</li></ol>",
               "<ol start=\"3\"><li>a</li></ol>");
    EXPECT_SAN("<pre class=\"language-c++\"><code class=\"language-c x\">a</code></pre>",
               "<pre class=\"language-c++\"><code>a</code></pre>");
    EXPECT_SAN("<code class=\"language-\">a</code><span title=x>b</span>",
               "<code>a</code><span>b</span>");
}

static void sanitising_is_idempotent(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "<p>a &amp; b</p>\n<ul>\n<li>x</li>\n</ul>",
        "<b><i>x<p>y",
        "<a title=t href=\"/x\" rel=x onclick=y>l</a> \"q\" > <",
        "<table><td align=center>c</td></table><pre class=\"language-c\">a\n  b</pre>",
        "<input type=checkbox checked> <img src=/x alt=\"&lt;&quot;\"> text",
        "\xff<scr\xc0ipt>x",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        char *once = san(inputs[i]);
        char *twice = san(once);
        assert_string_equal(once, twice);
        free(once);
        free(twice);
    }
    char *m = md("- [x] a\n\n| a |\n|---|\n| **b** |\n\n```py\nx < 1\n```\n<https://e.example>\n");
    char *again = san(m);
    assert_string_equal(m, again);
    free(m);
    free(again);
}

static void deep_nesting_and_limits(void **state)
{
    (void)state;
    size_t n = 20000;
    char *deep = malloc(n * 3 + 2);
    assert_non_null(deep);
    for (size_t i = 0; i < n; i++)
        memcpy(deep + i * 3, "<b>", 3);
    strcpy(deep + n * 3, "x");
    char *o = san(deep); /* libxml2 stops at depth 256: no crash, text lost */
    assert_not_contains(o, "x");
    free(o);
    strcpy(deep + 200 * 3, "x"); /* 200 deep: unwrapped past MAX_DEPTH, text kept */
    o = san(deep);
    size_t tags = 0;
    for (const char *p = o; (p = strstr(p, "<b>")); p++)
        tags++;
    assert_int_equal(tags, 64); /* depths 1..MAX_DEPTH */
    assert_contains(o, "<b>x</b>");
    free(o);
    free(deep);

    buf b = {0};
    assert_int_equal(richtext_sanitize("<p>a</p>", 8, &b), 0);
    assert_int_equal(richtext_sanitize("b", 1, &b), 0);
    assert_string_equal(b.data, "<p>a</p>b"); /* appends */
    assert_int_equal(richtext_sanitize("x", RICHTEXT_MAX_LEN + 1, &b), -1);
    assert_int_equal(richtext_render("x", RICHTEXT_MAX_LEN + 1, &b), -1);
    assert_string_equal(b.data, "<p>a</p>b"); /* untouched on failure */
    buf_free(&b);
    buf e = {0};
    assert_int_equal(richtext_sanitize("", 0, &e), 0);
    assert_string_equal(e.data, "");
    buf_free(&e);
}

int run_richtext_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(markdown_basics),
        cmocka_unit_test(markdown_table),
        cmocka_unit_test(markdown_task_list_gives_disabled_checkboxes),
        cmocka_unit_test(markdown_autolinks_get_rel),
        cmocka_unit_test(markdown_code_block_keeps_language),
        cmocka_unit_test(markdown_raw_html_is_neutralised),
        cmocka_unit_test(xss_vectors_are_inert),
        cmocka_unit_test(nul_and_invalid_utf8_are_replaced),
        cmocka_unit_test(good_content_survives),
        cmocka_unit_test(urls_are_checked_by_scheme),
        cmocka_unit_test(attributes_are_allow_listed),
        cmocka_unit_test(sanitising_is_idempotent),
        cmocka_unit_test(deep_nesting_and_limits),
    };
    return cmocka_run_group_tests_name("richtext", tests, NULL, NULL);
}
