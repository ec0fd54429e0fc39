/* portfolio: what the portfolio's files share. A page is shown the same
 * way wherever it appears (its owner's editor, the page as others see it,
 * a collection, a secret link, a frozen submission): page_view.c renders
 * its blocks from rows in the one column layout below with one template
 * (portfolio_view/blocks.tpl). */
#ifndef TANDEM_PORTFOLIO_H
#define TANDEM_PORTFOLIO_H
#include <stdbool.h>

#include "pages.h"

/* The columns and joins of a page with its blocks in order, one row a
 * block (one row with NULL blocks for an empty page). Statements add their
 * own FROM item holding the page as p, and WHERE and ORDER BY b.position. */
#define PAGE_BLOCK_COLUMNS                                                                         \
    "p.id, p.title, p.description_md, p.description_html, b.id, b.text_html,"                      \
    " e.id, e.kind, e.title, e.body_html, e.url, e.reflection_html,"                               \
    " f.id, f.filename, f.content_type"
#define PAGE_BLOCK_JOINS                                                                           \
    " LEFT JOIN page_blocks b ON b.page_id = p.id"                                                 \
    " LEFT JOIN evidence e ON e.id = b.evidence_id"                                                \
    " LEFT JOIN files f ON f.id = e.file_id"
enum {
    PB_PAGE_ID,
    PB_TITLE,
    PB_DESCRIPTION_MD,
    PB_DESCRIPTION_HTML,
    PB_BLOCK_ID,
    PB_TEXT_HTML,
    PB_EVIDENCE_ID,
    PB_KIND,
    PB_EVIDENCE_TITLE,
    PB_BODY_HTML,
    PB_URL,
    PB_REFLECTION_HTML,
    PB_FILE_ID,
    PB_FILENAME,
    PB_CONTENT_TYPE,
    PB_N_COLUMNS /* statements may add their own columns from here */
};

/* How blocks are shown where they appear. */
typedef struct {
    const char *file_prefix; /* "/files", or "/s/<token>/files" through a secret link */
    bool editor;             /* the owner's editor: each piece links to its own page,
                                each block has its buttons */
    int heading_level;       /* of each piece's title */
} block_style;

/* The columns of a page's own row, where every showing of it starts (the
 * first four are PAGE_BLOCK_COLUMNS' first four): its blocks_version says
 * whether blocks kept in memory are current (sql/0007_page_versions.sql).
 * Statements hold the page as p. */
#define PAGE_HEAD_COLUMNS "p.id, p.title, p.description_md, p.description_html, p.blocks_version"
enum { PH_BLOCKS_VERSION = PB_DESCRIPTION_HTML + 1, PH_N_COLUMNS };

/* How many blocks the rows hold. */
int page_block_count(const PGresult *res);
/* The HTML of the n blocks in rows first.. of res (PAGE_BLOCK_COLUMNS, one
 * page), as style shows them, expanded from portfolio_view/blocks.tpl in
 * the request's arena: "" for none, NULL if expansion failed. */
const safe_html *page_blocks_html(request *r, const PGresult *res, int first, int n,
                                  const block_style *style);
/* The blocks of the page whose head (PAGE_HEAD_COLUMNS) is row 0 of head,
 * read by the caller with the page's permission check: from memory when
 * they were rendered at the version head says (core/fragment), else read
 * (one more round trip), rendered and kept. NULL if either failed. */
const safe_html *page_blocks_current(request *r, const PGresult *head, const block_style *style);
/* Sets DESCRIPTION (its DESCRIPTION_HTML), and BLOCKS (its BLOCKS_HTML) or
 * EMPTY, in d. */
void page_set_blocks(tpl_dict *d, const safe_html *description_html, const safe_html *blocks_html);

/* Whether a file's type is an image browsers show safely inline. */
bool inline_image(const char *type);

/* comments.c: how the comments under a page or a submission are shown. */
typedef struct {
    const char *base;          /* what they are on: "/pages/5", "/submissions/3" */
    bool mine;                 /* the viewer owns the page: hide, show, delete */
    bool at_college;           /* the viewer is at its college: read, write */
    const char *hint;          /* over the form: who will read a comment */
    const char *error, *draft; /* a refused comment's message and text */
    bool closed;               /* no new comments: the form is not shown */
} comment_view;

/* The columns of every statement whose rows comments_fill shows
 * (page_comments, post_comments, submission_comments). */
enum {
    CC_ID,
    CC_AUTHOR,
    CC_BODY_HTML,
    CC_FEEDBACK,
    CC_HIDDEN,
    CC_WHEN,
    CC_BY_OWNER,
    CC_BY_VIEWER,
    CC_HELD,
    PAGE_COMMENTS_COLUMNS
};
/* Rows in page_comments' columns (the comments the viewer may see, whether
 * each waits for approval last) into the COMMENTS section of d, with the
 * form to add one. */
void comments_fill(request *r, tpl_dict *d, const PGresult *comments, const comment_view *view);
/* The one field of a comment form: body, Markdown, at most 20,000 characters. */
extern const field_spec comment_fields[1];

/* page_view.c: the page :id shown again to its signed-in viewer, with a
 * comment that was refused (400): its error and what was typed. */
void page_view_again(request *r, const char *error, const char *draft);

/* page_view.c: opens a secret link: its token's hash, with what it shares
 * (one of the two ids is set), or NULL having said why it does not work
 * (unknown 404; revoked or expired 410; not yet started 404). */
const char *link_open(request *r, const char *token, long long *page_id, long long *collection_id);

/* collections.c: a collection seen through a secret link (link: the token's
 * hash, the token itself is r->params[0]). */
void collection_show_by_link(request *r, const char *link, long long collection_id);

#endif
