/* once: the forms that make things (a comment, a message, a post, a
 * review) take effect once, however often they are sent. Each carries a
 * one-time key (FORM_KEY, set on every signed-in page beside CSRF_TOKEN);
 * the first sending claims it, and a second (Back and send again, a double
 * click) is sent where the first led instead of making the thing again. */
#ifndef TANDEM_ONCE_H
#define TANDEM_ONCE_H
#include <stdbool.h>

#include "../http/request.h"
#include "db.h"

extern const db_statement once_statements[];

/* A new key for a page's forms, into the arena. */
const char *once_key(request *r);
/* Before a POST's handler: true to go on (no key, or the key is claimed
 * now); false when the key was used already, having answered (a redirect
 * to where its first sending led, or a page saying it is on its way). */
bool once_begin(request *r);
/* After the handler: keeps where a claimed key's sending led (a redirect),
 * or frees the key when the sending was refused or failed. */
void once_end(request *r);

#endif
