/* render: pages inside the layout, and the one way errors are shown. */
#ifndef TANDEM_RENDER_H
#define TANDEM_RENDER_H
#include "../http/request.h"
#include "tpl.h"

/* Starts a page titled title whose main content is content_file; returns
 * the content's dictionary to fill. Never NULL unless memory ran out. */
tpl_dict *render_begin(request *r, const char *title, const char *content_file);
/* Expands the page into r->body with the given status. */
void render_end(request *r, int status);
/* An error page in the layout: status, a heading people understand, and
 * message saying what happened and what to do. */
void render_error(request *r, int status, const char *message);

#endif
