#include "response.h"

#include <stdio.h>
#include <string.h>

#include "../core/config.h"

void resp_header(request *r, const char *name, const char *value)
{
    if (strpbrk(name, "\r\n:") || strpbrk(value, "\r\n"))
        return;
    buf_printf(r->headers, "%s: %s\r\n", name, value);
}

void resp_cookie(request *r, const char *name, const char *value, long max_age)
{
    char age[40] = "";
    if (max_age >= 0)
        snprintf(age, sizeof age, "; Max-Age=%ld", max_age);
    const char *secure = tandem_config && tandem_config->secure_cookies ? "; Secure" : "";
    char *v =
        arena_printf(r->mem, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", name, value, age, secure);
    if (v)
        resp_header(r, "Set-Cookie", v);
}

void resp_redirect(request *r, const char *location)
{
    r->status = 303;
    r->location = location;
    resp_header(r, "Location", location);
    r->content_type_out = "text/plain; charset=utf-8";
    buf_reset(r->body, (size_t)-1);
    buf_puts(r->body, "See other\n");
}

bool resp_local_path(const char *path)
{
    if (!path || path[0] != '/' || path[1] == '/')
        return false;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p <= ' ' || *p == 0x7f || *p == '\\')
            return false;
    return true;
}

void resp_bytes(request *r, int status, const char *content_type, const char *data, size_t len)
{
    r->status = status;
    r->content_type_out = content_type;
    buf_reset(r->body, (size_t)-1);
    buf_append(r->body, data, len);
}

void resp_text(request *r, int status, const char *content_type, const char *text)
{
    r->status = status;
    r->content_type_out = content_type;
    buf_reset(r->body, (size_t)-1);
    buf_puts(r->body, text);
}

const char *http_own_origin(request *r)
{
    if (tandem_config && tandem_config->origin[0])
        return tandem_config->origin;
    /* nginx may pass the Host header with its port or $host without it. */
    size_t host_len = strlen(r->host);
    const char *colon = strrchr(r->host, ':');
    if (colon && !strchr(colon, ']'))
        host_len = (size_t)(colon - r->host);
    bool default_port = !r->port[0] || strcmp(r->port, r->https ? "443" : "80") == 0;
    return arena_printf(r->mem, "%s://%.*s%s%s", r->https ? "https" : "http", (int)host_len,
                        r->host, default_port ? "" : ":", default_port ? "" : r->port);
}

const char *http_percent_encode(arena *a, const char *s, const char *keep)
{
    size_t n = strlen(s);
    char *out = arena_alloc(a, n * 3 + 1), *o = out;
    if (!out)
        return "";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("-_.~", c) || (c && strchr(keep, c)))
            *o++ = (char)c;
        else
            o += sprintf(o, "%%%02X", c);
    }
    *o = '\0';
    return out;
}

const char *http_reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

void resp_write_head(const request *r, buf *out)
{
    buf_printf(out, "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n", r->status,
               http_reason(r->status),
               r->content_type_out ? r->content_type_out : "text/html; charset=utf-8",
               r->body->len);
    /* Pages may hold private data: never let a shared cache keep them. */
    buf_puts(out, "Cache-Control: no-store\r\n" SECURITY_HEADERS);
    buf_append(out, r->headers->data ? r->headers->data : "", r->headers->len);
    buf_puts(out, "\r\n");
}
