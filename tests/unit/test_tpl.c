/* tpl.cc: the ctemplate shim. tpl_load_all freezes the process's template
 * cache after the first successful load, so this group loads a temporary
 * folder of test templates exactly once; the failing loads come first,
 * because a failing load returns before anything is frozen. */
#define _GNU_SOURCE /* nftw */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../cgi-bin/core/richtext.h"
#include "../../cgi-bin/core/tpl.h"
#include "unit.h"

#define PRAGMA "{{%AUTOESCAPE context=\"HTML\"}}\n"

static char root[64]; /* mkdtemp folder holding the folders below */
static char good[128], bad[128], broken[128], empty[128], unescaped[128], unescaped_include[128];
static int loaded = -1; /* tpl_load_all(good) result */

static void write_file(const char *dir, const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    mkdir(path, 0700); /* one level of sub-folder is all the tests need */
    *slash = '/';
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        abort();
    }
    fputs(text, f);
    fclose(f);
}

static int tpl_group_setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/tandem-tpl-test.XXXXXX");
    if (!mkdtemp(root))
        return -1;
    snprintf(good, sizeof good, "%s/good", root);
    snprintf(bad, sizeof bad, "%s/bad", root);
    snprintf(broken, sizeof broken, "%s/broken", root);
    snprintf(empty, sizeof empty, "%s/empty", root);
    snprintf(unescaped, sizeof unescaped, "%s/unescaped", root);
    snprintf(unescaped_include, sizeof unescaped_include, "%s/unescaped_include", root);
    mkdir(good, 0700);
    mkdir(bad, 0700);
    mkdir(broken, 0700);
    mkdir(empty, 0700);
    mkdir(unescaped, 0700);
    mkdir(unescaped_include, 0700);

    /* bad: one file parses but lacks the pragma. */
    write_file(bad, "sub/nopragma.tpl", "<p>{{X}}</p>\n");
    /* broken: has the pragma, but a section is never closed. */
    write_file(broken, "unclosed.tpl", PRAGMA "{{#OPEN}}<p>{{X}}</p>\n");
    /* unescaped: parses, but :none on a name not ending in _HTML, after
     * uses that are allowed (and a :none only in a comment). */
    write_file(unescaped, "sub/body.tpl",
               PRAGMA "{{! {{NOTE:none}} }}<div>{{INTRO_HTML:none}}</div>\n"
                      "{{#S}}<p>{{TITLE:h}}</p>{{/S}}\n"
                      "<div>{{BODY:none}}</div>\n");
    /* unescaped_include: the same rule holds for an include's name. */
    write_file(unescaped_include, "page.tpl", PRAGMA "{{>FOOTER:none}}\n");

    write_file(good, "page.tpl",
               PRAGMA "<p title=\"{{TITLE}}\">{{TITLE}}</p>\n"
                      "<div>{{BODY_HTML:none}}</div>\n"
                      "<a href=\"{{LINK}}\">link</a>\n"
                      "<ul>{{#ITEM}}<li>{{NAME}}</li>{{/ITEM}}</ul>\n"
                      "{{#SHOWN}}<b>shown {{TITLE}}</b>{{/SHOWN}}"
                      "{{#HIDDEN}}<i>hidden</i>{{/HIDDEN}}\n"
                      "{{>FOOTER}}\n");
    write_file(good, "parts/footer.tpl", PRAGMA "<footer>{{NOTE}}|{{SITE}}</footer>\n");
    write_file(good, "feed.tpl", "{{%AUTOESCAPE context=\"XML\"}}\n<title>{{T}}</title>\n");
    return 0;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static int tpl_group_teardown(void **state)
{
    (void)state;
    nftw(root, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
    return 0;
}

static void tpl_load_refuses_file_without_pragma(void **state)
{
    (void)state;
    char err[512] = "";
    assert_int_equal(tpl_load_all(bad, err, sizeof err), -1);
    assert_contains(err, "sub/nopragma.tpl");
    assert_contains(err, "AUTOESCAPE");
}

static void tpl_load_refuses_file_that_does_not_parse(void **state)
{
    (void)state;
    char err[512] = "";
    assert_int_equal(tpl_load_all(broken, err, sizeof err), -1);
    assert_contains(err, "unclosed.tpl");
}

/* DESIGN.md rule 4: only names ending in _HTML may be emitted unescaped,
 * and the error says where and which. */
static void tpl_load_refuses_none_on_other_names(void **state)
{
    (void)state;
    char err[512] = "";
    assert_int_equal(tpl_load_all(unescaped, err, sizeof err), -1);
    assert_contains(err, "sub/body.tpl");
    assert_contains(err, "line 4");
    assert_contains(err, "{{BODY:none}}");
    assert_contains(err, "_HTML");
    assert_not_contains(err, "NOTE");
    assert_int_equal(tpl_load_all(unescaped_include, err, sizeof err), -1);
    assert_contains(err, "page.tpl");
    assert_contains(err, "FOOTER");
}

static void tpl_load_refuses_empty_folder(void **state)
{
    (void)state;
    char err[512] = "";
    assert_int_equal(tpl_load_all(empty, err, sizeof err), -1);
    assert_contains(err, "no templates");
    char missing[160];
    snprintf(missing, sizeof missing, "%s/missing", root);
    assert_int_equal(tpl_load_all(missing, err, sizeof err), -1);
}

static void tpl_load_accepts_good_folder(void **state)
{
    (void)state;
    char err[512] = "";
    loaded = tpl_load_all(good, err, sizeof err);
    if (loaded != 0)
        fail_msg("tpl_load_all(%s): %s", good, err);
}

/* Expands page.tpl with a fresh dictionary that fill() completes. */
static char *expand(const char *file, void (*fill)(tpl_dict *))
{
    if (loaded != 0)
        fail_msg("templates not loaded");
    tpl_dict *d = tpl_dict_new();
    assert_non_null(d);
    fill(d);
    buf out = {0};
    int rc = tpl_expand(file, d, &out);
    tpl_dict_free(d);
    assert_int_equal(rc, 0);
    assert_non_null(out.data);
    return out.data;
}

static void fill_hostile(tpl_dict *d)
{
    tpl_set(d, "TITLE", "<script>alert(1)</script>\"'&");
    tpl_set_html(d, "BODY_HTML", html_from_db("<em>trusted</em>"));
    tpl_set(d, "LINK", "javascript:alert(1)");
    tpl_include(d, "FOOTER", "parts/footer.tpl");
}

static void tpl_escapes_html_by_default(void **state)
{
    (void)state;
    char *s = expand("page.tpl", fill_hostile);
    assert_not_contains(s, "<script>");
    assert_not_contains(s, "alert(1)</");
    assert_contains(s, "<p title=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;\">");
    assert_contains(s, "\">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</p>");
    free(s);
}

static void tpl_none_modifier_does_not_escape(void **state)
{
    (void)state;
    char *s = expand("page.tpl", fill_hostile);
    assert_contains(s, "<div><em>trusted</em></div>");
    free(s);
}

/* A plain string never reaches a _HTML name, and tpl_set_html sets only
 * such names. */
static void fill_plain_into_html(tpl_dict *d)
{
    tpl_set(d, "BODY_HTML", "<em>plain</em>");
    tpl_set_global(d, "BODY_HTML", "<em>global</em>");
    tpl_set_int(d, "BODY_HTML", 7);
    tpl_set_html(d, "TITLE", html_from_db("<em>title</em>"));
}

static void tpl_set_refuses_html_names(void **state)
{
    (void)state;
    char *s = expand("page.tpl", fill_plain_into_html);
    assert_contains(s, "<div></div>");
    assert_not_contains(s, "<em>");
    assert_not_contains(s, "7");
    free(s);
}

static void fill_null_html(tpl_dict *d)
{
    tpl_set_html(d, "BODY_HTML", NULL);
}

static void tpl_set_html_null_is_empty(void **state)
{
    (void)state;
    assert_true(tpl_html_is_empty(NULL));
    assert_true(tpl_html_is_empty(TPL_HTML_EMPTY));
    assert_false(tpl_html_is_empty(html_from_db("<p>x</p>")));
    assert_string_equal(tpl_html_str(html_from_db("<p>x</p>")), "<p>x</p>");
    char *s = expand("page.tpl", fill_null_html);
    assert_contains(s, "<div></div>");
    free(s);
}

static void tpl_refuses_javascript_urls_in_href(void **state)
{
    (void)state;
    char *s = expand("page.tpl", fill_hostile);
    assert_not_contains(s, "javascript:");
    assert_contains(s, "<a href=\"#\">");
    free(s);
}

static void fill_sections(tpl_dict *d)
{
    tpl_set(d, "TITLE", "T&T");
    const char *names[] = {"one", "<two>", "three"};
    for (int i = 0; i < 3; i++)
        tpl_set(tpl_add_section(d, "ITEM"), "NAME", names[i]);
    tpl_show(d, "SHOWN");
    tpl_dict *f = tpl_include(d, "FOOTER", "parts/footer.tpl");
    tpl_set(f, "NOTE", "a<b");
    tpl_set_global(d, "SITE", "Tandem & co");
}

static void tpl_repeats_sections_and_hides_unshown(void **state)
{
    (void)state;
    char *s = expand("page.tpl", fill_sections);
    assert_contains(s, "<ul><li>one</li><li>&lt;two&gt;</li><li>three</li></ul>");
    /* A shown section sees its parent's values. */
    assert_contains(s, "<b>shown T&amp;T</b>");
    assert_not_contains(s, "hidden");
    free(s);
}

static void tpl_expands_includes_with_their_own_escaping(void **state)
{
    (void)state;
    char *s = expand("page.tpl", fill_sections);
    assert_contains(s, "<footer>a&lt;b|Tandem &amp; co</footer>");
    free(s);
}

static void fill_nothing(tpl_dict *d)
{
    (void)d;
}

static void tpl_omits_unset_values_and_includes(void **state)
{
    (void)state;
    char *s = expand("page.tpl", fill_nothing);
    assert_contains(s, "<p title=\"\"></p>");
    assert_contains(s, "<ul></ul>");
    assert_not_contains(s, "<footer>");
    free(s);
}

static void fill_xml(tpl_dict *d)
{
    tpl_set(d, "T", "<a> & 'b'");
    tpl_set_int(d, "N", -12);
}

static void tpl_escapes_xml(void **state)
{
    (void)state;
    char *s = expand("feed.tpl", fill_xml);
    assert_contains(s, "<title>&lt;a&gt; &amp; &#39;b&#39;</title>");
    free(s);
}

static void tpl_expand_refuses_unknown_template(void **state)
{
    (void)state;
    tpl_dict *d = tpl_dict_new();
    buf out = {0};
    assert_int_equal(tpl_expand("no-such.tpl", d, &out), -1);
    /* The cache is frozen: a file that appears later is not picked up. */
    char late[200];
    snprintf(late, sizeof late, "%s/late.tpl", good);
    FILE *f = fopen(late, "w");
    assert_non_null(f);
    fputs(PRAGMA "late\n", f);
    fclose(f);
    assert_int_equal(tpl_expand("late.tpl", d, &out), -1);
    assert_int_equal(out.len, 0);
    tpl_dict_free(d);
    buf_free(&out);
}

int run_tpl_tests(void)
{
    /* Order matters: failing loads, then the one successful load, then use. */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tpl_load_refuses_file_without_pragma),
        cmocka_unit_test(tpl_load_refuses_file_that_does_not_parse),
        cmocka_unit_test(tpl_load_refuses_none_on_other_names),
        cmocka_unit_test(tpl_load_refuses_empty_folder),
        cmocka_unit_test(tpl_load_accepts_good_folder),
        cmocka_unit_test(tpl_escapes_html_by_default),
        cmocka_unit_test(tpl_none_modifier_does_not_escape),
        cmocka_unit_test(tpl_set_refuses_html_names),
        cmocka_unit_test(tpl_set_html_null_is_empty),
        cmocka_unit_test(tpl_refuses_javascript_urls_in_href),
        cmocka_unit_test(tpl_repeats_sections_and_hides_unshown),
        cmocka_unit_test(tpl_expands_includes_with_their_own_escaping),
        cmocka_unit_test(tpl_omits_unset_values_and_includes),
        cmocka_unit_test(tpl_escapes_xml),
        cmocka_unit_test(tpl_expand_refuses_unknown_template),
    };
    return cmocka_run_group_tests_name("tpl", tests, tpl_group_setup, tpl_group_teardown);
}
