/* atom: Atom feeds written with libxml2's xmlTextWriter into an xmlBuffer.
 * The writer escapes markup characters but passes every other byte through,
 * so all text is first cleaned to legal XML 1.0 characters here (clean), and
 * ids, links and timestamps are checked before anything is written. */
#include "atom.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "utf8.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"

struct atom_feed {
    xmlBufferPtr xb; /* the document so far (after flushes) */
    xmlTextWriterPtr w;
    buf scratch; /* the cleaned copy of the text being written */
    bool spoilt; /* a write failed mid-element: the document is unusable */
};

static pthread_once_t once = PTHREAD_ONCE_INIT;

/* ------------------------------------------------------------ characters */

/* The text s as legal XML 1.0 characters, NUL-terminated, in f->scratch
 * (valid until the next call); NULL when out of memory. Why: xmlTextWriter
 * escapes < > & " but copies everything else as it is, and a single control
 * character or invalid byte makes the whole feed malformed, so readers would
 * reject every entry for one user's bad title. Each invalid byte, and each
 * well-formed character XML forbids, becomes U+FFFD, so it is visible that
 * something was there while the rest of the text is kept. */
static const xmlChar *clean(atom_feed *f, const char *s)
{
    buf *b = &f->scratch;
    b->len = 0;
    /* The empty append keeps data non-NULL for empty text. */
    return buf_append(b, "", 0) && utf8_repair(s, strlen(s), b) ? (const xmlChar *)b->data : NULL;
}

/* ------------------------------------------------------------ checks */

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Whether s looks like an absolute IRI (RFC 3987): a scheme (ALPHA *(ALPHA /
 * DIGIT / "+" / "-" / ".")) and ':', then only legal XML characters, none of
 * them ASCII space, a control or one of <>"{}|\^`. Not a full IRI parser:
 * enough that what the program builds is accepted and garbage is not. */
static bool iri_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (!s || !is_alpha(*p))
        return false;
    while (is_alpha(*p) || is_digit(*p) || *p == '+' || *p == '-' || *p == '.')
        p++;
    if (*p != ':')
        return false;
    p = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq_len(p + i, n - i);
        if (!utf8_xml_char(p + i, k) || (k == 1 && p[i] <= 0x20) ||
            (k == 1 && strchr("<>\"{}|\\^`", p[i])))
            return false;
        i += k;
    }
    return true;
}

/* The two-digit number at s, or -1 if they are not digits. */
static int two_digits(const char *s)
{
    if (!is_digit((unsigned char)s[0]) || !is_digit((unsigned char)s[1]))
        return -1;
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Whether s is an RFC 3339 date-time as RFC 4287 section 3.3 wants it:
 * YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), T and Z upper-case, the
 * day existing in that month (leap years counted), second 60 allowed for
 * leap seconds. */
static bool rfc3339_ok(const char *s)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:dd";
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!s)
        return false;
    for (size_t i = 0; i < sizeof shape - 1; i++)
        if (shape[i] == 'd' ? !is_digit((unsigned char)s[i]) : s[i] != shape[i])
            return false; /* also stops at the NUL of a short string */
    int year = two_digits(s) * 100 + two_digits(s + 2), mon = two_digits(s + 5),
        day = two_digits(s + 8);
    bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    if (mon < 1 || mon > 12 || day < 1 || day > mdays[mon - 1] || (mon == 2 && day == 29 && !leap))
        return false;
    if (two_digits(s + 11) > 23 || two_digits(s + 14) > 59 || two_digits(s + 17) > 60)
        return false;
    const char *p = s + 19;
    if (*p == '.') {
        if (!is_digit((unsigned char)*++p))
            return false;
        while (is_digit((unsigned char)*p))
            p++;
    }
    if (*p == 'Z')
        return p[1] == '\0';
    if (*p != '+' && *p != '-')
        return false;
    int oh = two_digits(p + 1);
    if (oh < 0 || oh > 23 || p[3] != ':')
        return false;
    int om = two_digits(p + 4);
    return om >= 0 && om <= 59 && p[6] == '\0';
}

/* ------------------------------------------------------------ writing */

/* <name type="type">text</name>, type left out when NULL; text cleaned. */
static bool text_element(atom_feed *f, const char *name, const char *type, const char *text)
{
    const xmlChar *t = clean(f, text);
    return t && xmlTextWriterStartElement(f->w, BAD_CAST name) >= 0 &&
           (!type || xmlTextWriterWriteAttribute(f->w, BAD_CAST "type", BAD_CAST type) >= 0) &&
           xmlTextWriterWriteString(f->w, t) >= 0 && xmlTextWriterEndElement(f->w) >= 0;
}

/* <link rel="rel" type="type" href="href"/>; href already checked by iri_ok. */
static bool link_element(atom_feed *f, const char *rel, const char *type, const char *href)
{
    xmlTextWriterPtr w = f->w;
    return xmlTextWriterStartElement(w, BAD_CAST "link") >= 0 &&
           xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST rel) >= 0 &&
           xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST type) >= 0 &&
           xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST href) >= 0 &&
           xmlTextWriterEndElement(w) >= 0;
}

/* <author><name>name</name></author> */
static bool author_element(atom_feed *f, const char *name)
{
    return xmlTextWriterStartElement(f->w, BAD_CAST "author") >= 0 &&
           text_element(f, "name", NULL, name) && xmlTextWriterEndElement(f->w) >= 0;
}

/* <category term="term"/>, term cleaned. */
static bool category_element(atom_feed *f, const char *term)
{
    const xmlChar *t = clean(f, term);
    return t && xmlTextWriterStartElement(f->w, BAD_CAST "category") >= 0 &&
           xmlTextWriterWriteAttribute(f->w, BAD_CAST "term", t) >= 0 &&
           xmlTextWriterEndElement(f->w) >= 0;
}

atom_feed *atom_begin(const atom_feed_head *h)
{
    if (!h || !iri_ok(h->id) || !h->title || !rfc3339_ok(h->updated) || !iri_ok(h->self_href) ||
        !iri_ok(h->alternate_href) || !h->author_name)
        return NULL;
    /* libxml2's global setup (encoding handlers among it) is not safe to race. */
    pthread_once(&once, xmlInitParser);
    atom_feed *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    bool ok = (f->xb = xmlBufferCreate()) && (f->w = xmlNewTextWriterMemory(f->xb, 0)) &&
              xmlTextWriterSetIndent(f->w, 1) >= 0 &&
              xmlTextWriterSetIndentString(f->w, BAD_CAST "  ") >= 0 &&
              xmlTextWriterStartDocument(f->w, "1.0", "UTF-8", NULL) >= 0 &&
              xmlTextWriterStartElementNS(f->w, NULL, BAD_CAST "feed", BAD_CAST ATOM_NS) >= 0 &&
              text_element(f, "id", NULL, h->id) && text_element(f, "title", NULL, h->title) &&
              text_element(f, "updated", NULL, h->updated) &&
              link_element(f, "self", "application/atom+xml", h->self_href) &&
              link_element(f, "alternate", "text/html", h->alternate_href) &&
              author_element(f, h->author_name);
    if (!ok) {
        atom_abandon(f);
        return NULL;
    }
    return f;
}

bool atom_add(atom_feed *f, const atom_entry *e)
{
    if (!f || f->spoilt || !e || !iri_ok(e->id) || !e->title || !rfc3339_ok(e->updated) ||
        (e->published && !rfc3339_ok(e->published)) || !iri_ok(e->href))
        return false;
    bool ok = xmlTextWriterStartElement(f->w, BAD_CAST "entry") >= 0 &&
              text_element(f, "id", NULL, e->id) && text_element(f, "title", NULL, e->title) &&
              text_element(f, "updated", NULL, e->updated) &&
              (!e->published || text_element(f, "published", NULL, e->published)) &&
              link_element(f, "alternate", "text/html", e->href) &&
              (!e->author_name || author_element(f, e->author_name));
    for (const char *const *c = e->categories; ok && c && *c; c++)
        ok = !**c || category_element(f, *c);
    ok = ok && (!e->summary || text_element(f, "summary", NULL, e->summary)) &&
         (!e->content_html || text_element(f, "content", "html", e->content_html)) &&
         xmlTextWriterEndElement(f->w) >= 0;
    if (!ok)
        f->spoilt = true;
    return ok;
}

bool atom_finish(atom_feed *f, buf *out)
{
    bool ok = false;
    if (!f)
        return false;
    /* EndDocument closes <feed>; the flush moves everything into f->xb and
     * is where a failure to grow it shows. */
    if (f->spoilt || !out || xmlTextWriterEndDocument(f->w) < 0 || xmlTextWriterFlush(f->w) < 0)
        goto out;
    ok = buf_append(out, (const char *)xmlBufferContent(f->xb), (size_t)xmlBufferLength(f->xb));
out:
    atom_abandon(f);
    return ok;
}

void atom_abandon(atom_feed *f)
{
    if (!f)
        return;
    if (f->w)
        xmlFreeTextWriter(f->w); /* does not free the xmlBuffer */
    if (f->xb)
        xmlBufferFree(f->xb);
    buf_free(&f->scratch);
    free(f);
}
