/* response: status, headers and cookies of the answer being built. */
#ifndef TANDEM_RESPONSE_H
#define TANDEM_RESPONSE_H
#include "request.h"

/* Adds "name: value". Values must not contain CR or LF (they come from
 * code, never from input); such a header is dropped. */
void resp_header(request *r, const char *name, const char *value);
/* Sets cookie name=value; HttpOnly, SameSite=Lax, Path=/, Secure when
 * configured. max_age < 0: a browser-session cookie; 0: delete it. */
void resp_cookie(request *r, const char *name, const char *value, long max_age);
/* 303 See Other to a path on this site. */
void resp_redirect(request *r, const char *location);
/* Whether path is a path on this site that no browser reads as another
 * site, the one check for every return address (a sign-in's next, a
 * notification's link): it starts with a single "/", and has no backslash
 * (read as "/": "/\host"), no control character, space or DEL (browsers
 * drop tabs and line breaks: "/\t/host" is "//host"). */
bool resp_local_path(const char *path);
/* Binary content (a file) of len bytes. */
void resp_bytes(request *r, int status, const char *content_type, const char *data, size_t len);
/* A small non-HTML answer, e.g. text/plain. */
void resp_text(request *r, int status, const char *content_type, const char *text);

/* The site's own origin ("https://tandem.college.ac.uk"): TANDEM_ORIGIN when
 * set (needed behind a proxy that changes scheme or port), else the scheme,
 * host and port the request came to. For CSRF checks and for full links. */
const char *http_own_origin(request *r);

/* s percent-encoded for a URL: every byte except ASCII letters, digits,
 * "-_.~" and the characters in keep (e.g. "/" for a path), into the arena. */
const char *http_percent_encode(arena *a, const char *s, const char *keep);

/* The FastCGI response head for r: Status, Content-Type, the security
 * headers every response carries, then r->headers and a blank line. */
void resp_write_head(const request *r, buf *out);
const char *http_reason(int status);

/* Security headers sent on every response (nginx sends the same ones on
 * static files: see conf/nginx.conf.in). */
#define SECURITY_HEADERS                                                                           \
    "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; "           \
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "               \
    "frame-ancestors 'none'\r\n"                                                                   \
    "X-Content-Type-Options: nosniff\r\n"                                                          \
    "Referrer-Policy: same-origin\r\n"                                                             \
    "X-Frame-Options: DENY\r\n"                                                                    \
    "Cross-Origin-Opener-Policy: same-origin\r\n"                                                  \
    "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"

#endif
