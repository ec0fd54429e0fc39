/* oidc_client: discovery, token exchange and ID-token checks (see
 * oidc_client.h). */
#include "oidc_client.h"

#include <cjose/cjose.h>
#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "sealed.h"

/* A provider's answer is small: a discovery document, a JWKS or tokens. */
#define MAX_ANSWER (256 * 1024)

int oidc_global_init(void)
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

/* ---- HTTP: one request, with timeouts, its JSON answer ---- */

typedef struct {
    char *data;
    size_t len;
} answer;

static size_t on_data(char *ptr, size_t size, size_t n, void *userdata)
{
    answer *b = userdata;
    size_t add = size * n;
    if (b->len + add > MAX_ANSWER)
        return 0; /* curl stops: CURLE_WRITE_ERROR */
    char *grown = realloc(b->data, b->len + add + 1);
    if (!grown)
        return 0;
    memcpy(grown + b->len, ptr, add);
    b->data = grown;
    b->len += add;
    b->data[b->len] = '\0';
    return add;
}

/* A request for what ("The sign-in service's token endpoint"): GET url, or
 * POST form to it, with HTTP Basic user:pass when user is not NULL. The
 * answer's JSON object in *json (the caller json_decrefs it), its status in
 * *status; an error sentence when there is no JSON object to read. A JSON
 * error answer (status 400 from a token endpoint) is still JSON. */
static const char *http_json(arena *a, const char *what, const char *url, const char *form,
                             const char *user, const char *pass, long *status, json_t **json)
{
    *json = NULL;
    *status = 0;
    CURL *curl = curl_easy_init();
    if (!curl)
        return "Tandem could not start an outbound request. Try again in a minute.";
    answer b = {0};
    struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); /* timeouts without signals: threads */
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)OIDC_TIMEOUT_MS);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, (long)OIDC_TIMEOUT_MS / 3);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Tandem");
    if (form)
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
    if (user) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, pass);
    }
    CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    const char *err = NULL;
    if (rc == CURLE_OPERATION_TIMEDOUT)
        err = arena_printf(a, "%s did not answer within %d seconds.", what, OIDC_TIMEOUT_MS / 1000);
    else if (rc != CURLE_OK)
        err = arena_printf(a, "%s could not be reached (%s).", what, curl_easy_strerror(rc));
    else if (b.data && (*json = json_loadb(b.data, b.len, 0, NULL)) && !json_is_object(*json)) {
        json_decref(*json);
        *json = NULL;
    }
    if (!err && !*json)
        err = arena_printf(a, "%s answered with HTTP status %ld and no JSON document.", what,
                           *status);
    if (err)
        log_error("oidc: %s: %s", url, err);
    free(b.data);
    return err;
}

/* The string member name of object o, copied into the arena; NULL when it
 * is missing or not a string. */
static const char *member(arena *a, json_t *o, const char *name)
{
    const char *s = json_string_value(json_object_get(o, name));
    return s ? arena_strdup(a, s) : NULL;
}

/* ---- discovery ---- */

/* Whether the document lists method among the token endpoint's. */
static bool lists(json_t *doc, const char *field, const char *method)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(doc, field), i,
                       v) if (json_is_string(v) &&
                              strcmp(json_string_value(v), method) == 0) return true;
    return false;
}

const char *oidc_discover(arena *a, const char *issuer, oidc_provider *out)
{
    size_t n = strlen(issuer);
    const char *url = arena_printf(a, "%.*s/.well-known/openid-configuration",
                                   (int)(n && issuer[n - 1] == '/' ? n - 1 : n), issuer);
    long status;
    json_t *doc;
    const char *err = http_json(a, arena_printf(a, "The sign-in service at %s", issuer), url, NULL,
                                NULL, NULL, &status, &doc);
    if (err)
        return err;
    memset(out, 0, sizeof *out);
    out->issuer = member(a, doc, "issuer");
    out->authorization_endpoint = member(a, doc, "authorization_endpoint");
    out->token_endpoint = member(a, doc, "token_endpoint");
    out->jwks_uri = member(a, doc, "jwks_uri");
    /* client_secret_basic is the default (OpenID Connect Discovery 3);
     * post only where basic is not offered. */
    out->secret_post = lists(doc, "token_endpoint_auth_methods_supported", "client_secret_post") &&
                       !lists(doc, "token_endpoint_auth_methods_supported", "client_secret_basic");
    json_decref(doc);
    if (status != 200)
        return arena_printf(a, "The sign-in service at %s answered with HTTP status %ld.", issuer,
                            status);
    if (!out->issuer || strcmp(out->issuer, issuer) != 0)
        return arena_printf(a,
                            "The discovery document at %s names the issuer \"%s\", not \"%s\". "
                            "Enter the issuer exactly as the document gives it.",
                            url, out->issuer ? out->issuer : "", issuer);
    if (!out->authorization_endpoint || !out->token_endpoint || !out->jwks_uri)
        return arena_printf(a,
                            "The discovery document at %s lacks an authorization, token or "
                            "JWKS endpoint.",
                            url);
    return NULL;
}

/* ---- the token endpoint ---- */

static const char *escaped(arena *a, const char *s)
{
    char *e = curl_easy_escape(NULL, s, 0);
    const char *out = e ? arena_strdup(a, e) : "";
    curl_free(e);
    return out;
}

const char *oidc_exchange_code(arena *a, const oidc_provider *p, const char *client_id,
                               const char *client_secret, const char *code,
                               const char *redirect_uri, const char *verifier,
                               const char **id_token)
{
    const char *form = arena_printf(
        a, "grant_type=authorization_code&code=%s&redirect_uri=%s&code_verifier=%s&client_id=%s",
        escaped(a, code), escaped(a, redirect_uri), escaped(a, verifier), escaped(a, client_id));
    if (p->secret_post)
        form = arena_printf(a, "%s&client_secret=%s", form, escaped(a, client_secret));
    long status;
    json_t *doc;
    /* Basic: each part form-encoded first (RFC 6749 2.3.1). */
    const char *err = http_json(a, "Your college's sign-in service", p->token_endpoint, form,
                                p->secret_post ? NULL : escaped(a, client_id),
                                p->secret_post ? NULL : escaped(a, client_secret), &status, &doc);
    if (err)
        return err;
    const char *error = member(a, doc, "error");
    *id_token = member(a, doc, "id_token");
    json_decref(doc);
    if (status != 200 || error || !*id_token) {
        log_error("oidc: the token endpoint %s answered %ld, error %s", p->token_endpoint, status,
                  error ? error : "(none)");
        return arena_printf(a, "Your college's sign-in service did not accept the sign-in (%s).",
                            error ? error : "no ID token");
    }
    return NULL;
}

/* ---- keys: the provider's JWKS, cached per address ---- */

#define JWKS_SLOTS 32
#define JWKS_MAX_AGE (3600) /* a key the provider withdrew stops working within the hour */

static struct {
    char *uri, *text;
    time_t fetched;
} jwks_cache[JWKS_SLOTS];
static pthread_mutex_t jwks_lock = PTHREAD_MUTEX_INITIALIZER;

/* A copy of the cached JWKS of uri (arena), or NULL. */
static const char *jwks_cached(arena *a, const char *uri)
{
    const char *out = NULL;
    pthread_mutex_lock(&jwks_lock);
    for (int i = 0; i < JWKS_SLOTS && !out; i++)
        if (jwks_cache[i].uri && strcmp(jwks_cache[i].uri, uri) == 0 &&
            time(NULL) - jwks_cache[i].fetched < JWKS_MAX_AGE)
            out = arena_strdup(a, jwks_cache[i].text);
    pthread_mutex_unlock(&jwks_lock);
    return out;
}

static void jwks_store(const char *uri, const char *text)
{
    pthread_mutex_lock(&jwks_lock);
    int slot = 0; /* the same address, else an empty slot, else the oldest */
    for (int i = 0; i < JWKS_SLOTS; i++) {
        if (jwks_cache[i].uri && strcmp(jwks_cache[i].uri, uri) == 0) {
            slot = i;
            break;
        }
        if (!jwks_cache[i].uri || jwks_cache[i].fetched < jwks_cache[slot].fetched)
            slot = i;
    }
    char *u = strdup(uri), *t = strdup(text);
    if (u && t) {
        free(jwks_cache[slot].uri);
        free(jwks_cache[slot].text);
        jwks_cache[slot].uri = u;
        jwks_cache[slot].text = t;
        jwks_cache[slot].fetched = time(NULL);
    } else {
        free(u);
        free(t);
    }
    pthread_mutex_unlock(&jwks_lock);
}

static const char *jwks_fetch(arena *a, const oidc_provider *p, const char **text)
{
    long status;
    json_t *doc;
    const char *err = http_json(a, "Your college's sign-in service (its keys)", p->jwks_uri, NULL,
                                NULL, NULL, &status, &doc);
    if (err)
        return err;
    char *dumped = status == 200 && json_is_array(json_object_get(doc, "keys"))
                       ? json_dumps(doc, JSON_COMPACT)
                       : NULL;
    json_decref(doc);
    if (!dumped)
        return "Your college's sign-in service did not give its keys.";
    *text = arena_strdup(a, dumped);
    jwks_store(p->jwks_uri, dumped);
    free(dumped);
    return NULL;
}

enum key_result { KEY_VERIFIED, KEY_BAD_SIGNATURE, KEY_NONE };

/* Verifies jws with the keys of jwks (JSON text) that kid names (every
 * signing key when kid is NULL). */
static enum key_result verify_with(cjose_jws_t *jws, const char *jwks, const char *kid)
{
    json_t *doc = json_loads(jwks, 0, NULL);
    enum key_result result = KEY_NONE;
    size_t i;
    json_t *key;
    json_array_foreach(json_object_get(doc, "keys"), i, key)
    {
        const char *key_kid = json_string_value(json_object_get(key, "kid"));
        const char *use = json_string_value(json_object_get(key, "use"));
        if ((kid && (!key_kid || strcmp(kid, key_kid) != 0)) || (use && strcmp(use, "sig") != 0))
            continue;
        char *text = json_dumps(key, JSON_COMPACT);
        cjose_err err;
        cjose_jwk_t *jwk = text ? cjose_jwk_import(text, strlen(text), &err) : NULL;
        free(text);
        if (!jwk)
            continue;
        bool ok = cjose_jws_verify(jws, jwk, &err);
        cjose_jwk_release(jwk);
        if (ok) {
            result = KEY_VERIFIED;
            break;
        }
        result = KEY_BAD_SIGNATURE;
    }
    json_decref(doc);
    return result;
}

/* The signature of jws checked with the provider's keys: the cached set,
 * then (no key named by kid there, or none cached) a fresh one. */
static const char *verify_signature(arena *a, const oidc_provider *p, cjose_jws_t *jws)
{
    static const char *const algorithms[] = {"RS256", "RS384", "RS512", "PS256", "PS384",
                                             "PS512", "ES256", "ES384", "ES512"};
    cjose_err err;
    cjose_header_t *header = cjose_jws_get_protected(jws);
    const char *alg = header ? cjose_header_get(header, CJOSE_HDR_ALG, &err) : NULL;
    const char *kid = header ? cjose_header_get(header, CJOSE_HDR_KID, &err) : NULL;
    bool known = false;
    for (size_t i = 0; alg && i < sizeof algorithms / sizeof *algorithms; i++)
        known = known || strcmp(alg, algorithms[i]) == 0;
    if (!known) {
        log_error("oidc: an ID token signed with %s refused", alg ? alg : "(no algorithm)");
        return "The sign-in service's token is not signed in a way Tandem accepts.";
    }
    const char *jwks = jwks_cached(a, p->jwks_uri);
    enum key_result result = jwks ? verify_with(jws, jwks, kid) : KEY_NONE;
    if (result == KEY_NONE) {
        const char *fetch_err = jwks_fetch(a, p, &jwks);
        if (fetch_err)
            return fetch_err;
        result = verify_with(jws, jwks, kid);
    }
    if (result == KEY_VERIFIED)
        return NULL;
    log_error("oidc: an ID token from %s with kid %s: %s", p->issuer, kid ? kid : "(none)",
              result == KEY_NONE ? "no such key" : "bad signature");
    return "The sign-in service's token is not signed with any of its keys, so Tandem cannot "
           "trust it.";
}

/* ---- the ID token's claims ---- */

static bool audience_ok(json_t *claims, const char *client_id)
{
    json_t *aud = json_object_get(claims, "aud");
    const char *azp = json_string_value(json_object_get(claims, "azp"));
    if (json_object_get(claims, "azp") && (!azp || strcmp(azp, client_id) != 0))
        return false;
    if (json_is_string(aud))
        return strcmp(json_string_value(aud), client_id) == 0;
    bool found = false;
    size_t i;
    json_t *v;
    json_array_foreach(aud, i, v) found =
        found || (json_is_string(v) && strcmp(json_string_value(v), client_id) == 0);
    /* Several audiences: the token must say it was issued to us (azp). */
    return found && (json_array_size(aud) == 1 || azp);
}

/* A claim as text: strings as they are, numbers written out; "" else. */
static const char *claim_text(arena *a, json_t *claims, const char *name)
{
    json_t *v = json_object_get(claims, name);
    if (json_is_string(v))
        return arena_strdup(a, json_string_value(v));
    if (json_is_integer(v))
        return arena_printf(a, "%lld", (long long)json_integer_value(v));
    return "";
}

/* Whether iss is the provider's issuer. Google documents that its ID
 * tokens may carry "accounts.google.com" without the scheme for the issuer
 * "https://accounts.google.com"; that one spelling is taken as the same. */
static bool issuer_ok(const char *iss, const char *issuer)
{
    return iss &&
           (strcmp(iss, issuer) == 0 || (strcmp(issuer, "https://accounts.google.com") == 0 &&
                                         strcmp(iss, "accounts.google.com") == 0));
}

static const char *check_claims(arena *a, const oidc_provider *p, const char *client_id,
                                const char *nonce, json_t *claims)
{
    time_t now = time(NULL);
    json_t *exp = json_object_get(claims, "exp"), *iat = json_object_get(claims, "iat");
    const char *iss = json_string_value(json_object_get(claims, "iss"));
    const char *got_nonce = json_string_value(json_object_get(claims, "nonce"));
    const char *sub = json_string_value(json_object_get(claims, "sub"));
    const char *why = NULL;
    if (!issuer_ok(iss, p->issuer))
        why = "it was issued by another service";
    else if (!audience_ok(claims, client_id))
        why = "it was issued for another application";
    else if (!json_is_number(exp) || json_number_value(exp) + OIDC_CLOCK_SKEW < (double)now)
        why = "it has expired";
    else if (!json_is_number(iat) || json_number_value(iat) - OIDC_CLOCK_SKEW > (double)now)
        why = "it says it was issued in the future";
    else if (!got_nonce || strlen(got_nonce) != strlen(nonce) ||
             sodium_memcmp(got_nonce, nonce, strlen(nonce)) != 0)
        why = "it belongs to another sign-in (its nonce does not match)";
    else if (!sub || !*sub || strlen(sub) > 255)
        why = "it does not say who you are";
    if (why)
        log_error("oidc: an ID token from %s refused: %s", p->issuer, why);
    return why ? arena_printf(a, "Tandem cannot accept the sign-in service's token: %s.", why)
               : NULL;
}

const char *oidc_verify_id_token(arena *a, const oidc_provider *p, const char *client_id,
                                 const char *nonce, const char *id_token, const char *match_claim,
                                 oidc_identity *out)
{
    cjose_err err;
    cjose_jws_t *jws = cjose_jws_import(id_token, strlen(id_token), &err);
    if (!jws)
        return "The sign-in service's token could not be read.";
    const char *problem = verify_signature(a, p, jws);
    uint8_t *plain = NULL;
    size_t len = 0;
    json_t *claims = NULL;
    if (!problem && cjose_jws_get_plaintext(jws, &plain, &len, &err))
        claims = json_loadb((const char *)plain, len, 0, NULL);
    if (!problem && !json_is_object(claims))
        problem = "The sign-in service's token could not be read.";
    if (!problem)
        problem = check_claims(a, p, client_id, nonce, claims);
    if (!problem) {
        json_t *verified = json_object_get(claims, "email_verified");
        out->sub = claim_text(a, claims, "sub");
        out->email = claim_text(a, claims, "email");
        /* Some providers send "true" and "false" as strings. */
        out->email_verified = json_is_boolean(verified) ? json_is_true(verified)
                              : json_is_string(verified)
                                  ? strcmp(json_string_value(verified), "true") == 0
                                  : -1;
        out->matched = claim_text(a, claims, match_claim);
        out->name = claim_text(a, claims, "name");
    }
    json_decref(claims);
    cjose_jws_release(jws);
    return problem;
}

/* ---- PKCE and the sealed client secret ---- */

const char *oidc_pkce_challenge(arena *a, const char *verifier)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    size_t size =
        sodium_base64_ENCODED_LEN(sizeof digest, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *out = arena_alloc(a, size);
    if (!out)
        return NULL;
    crypto_hash_sha256(digest, (const unsigned char *)verifier, strlen(verifier));
    return sodium_bin2base64(out, size, digest, sizeof digest,
                             sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

#define SECRET_KEY "oidc-secrets"
#define SECRET_PADDED 1024 /* every sealed secret one size, whatever its length */
static pthread_mutex_t secret_key_lock = PTHREAD_MUTEX_INITIALIZER;

const char *oidc_secret_seal(arena *a, const char *keys_dir, const char *secret)
{
    unsigned char pk[SEALED_KEY_BYTES], sk[SEALED_KEY_BYTES];
    /* One thread makes the key pair; the others wait and use it. */
    pthread_mutex_lock(&secret_key_lock);
    int rc = sealed_key_present(keys_dir, SECRET_KEY)
                 ? sealed_key_load(keys_dir, SECRET_KEY, pk, sk)
                 : sealed_key_create(keys_dir, SECRET_KEY, pk);
    pthread_mutex_unlock(&secret_key_lock);
    sodium_memzero(sk, sizeof sk);
    return rc == 0 ? sealed_seal_hex(a, pk, secret, strlen(secret), SECRET_PADDED) : NULL;
}

const char *oidc_secret_open(arena *a, const char *keys_dir, const char *sealed_hex)
{
    unsigned char pk[SEALED_KEY_BYTES], sk[SEALED_KEY_BYTES];
    size_t hex_len = strlen(sealed_hex), len, out_len;
    unsigned char *bytes = hex_len > 2 ? arena_alloc(a, hex_len / 2) : NULL;
    if (!bytes || strncmp(sealed_hex, "\\x", 2) != 0 ||
        sodium_hex2bin(bytes, hex_len / 2, sealed_hex + 2, hex_len - 2, NULL, &len, NULL) != 0 ||
        sealed_key_load(keys_dir, SECRET_KEY, pk, sk) != 0)
        return NULL;
    const char *secret = sealed_open(a, pk, sk, bytes, len, &out_len);
    sodium_memzero(sk, sizeof sk);
    return secret;
}
