/* oidc_client: the OpenID Connect relying party's side of the wire, for
 * one college's provider at a time: its discovery document, the code for
 * tokens exchange, and the ID token checked against the provider's keys.
 * The protocol's pieces are Debian's libraries: libcurl for HTTP, jansson
 * for JSON, cjose for JWS and JWK; nothing here parses or checks a
 * signature by hand.
 *
 * Every outbound request has a timeout (OIDC_TIMEOUT_MS in all, of which
 * the connection at most a third): a provider that is down or slow costs a
 * worker a few seconds and the person a page that says so, never a hang.
 *
 * Each function returning const char * returns NULL on success, else a
 * sentence for the person or administrator saying what went wrong (the
 * details are logged). */
#ifndef TANDEM_OIDC_CLIENT_H
#define TANDEM_OIDC_CLIENT_H
#include <stdbool.h>

#include "arena.h"

#define OIDC_TIMEOUT_MS 5000
/* Seconds a clock may be ahead or behind for exp and iat. */
#define OIDC_CLOCK_SKEW 60

/* Starts libcurl (once, before threads). */
int oidc_global_init(void);

/* What a provider's discovery document says (in the arena). */
typedef struct {
    const char *issuer;
    const char *authorization_endpoint;
    const char *token_endpoint;
    const char *jwks_uri;
    bool secret_post; /* client_secret_post, else client_secret_basic */
} oidc_provider;

/* Fetches ISSUER/.well-known/openid-configuration and checks it: its
 * "issuer" must be issuer exactly (OpenID Connect Discovery 4.3), and it
 * must name the authorization, token and JWKS endpoints. */
const char *oidc_discover(arena *a, const char *issuer, oidc_provider *out);

/* Exchanges code (with its PKCE verifier) at the token endpoint,
 * authenticating with the client secret; the ID token in *id_token. */
const char *oidc_exchange_code(arena *a, const oidc_provider *p, const char *client_id,
                               const char *client_secret, const char *code,
                               const char *redirect_uri, const char *verifier,
                               const char **id_token);

/* What Tandem reads of a checked ID token (in the arena; "" when absent). */
typedef struct {
    const char *sub;
    const char *email;
    int email_verified;  /* 1 true, 0 false, -1 not said */
    const char *matched; /* the value of the claim the college matches on */
    const char *name;    /* the person's name, for an account made for them */
} oidc_identity;

/* Checks id_token: a JWS (RS/PS/ES algorithms only) whose signature
 * verifies with a key of the provider's JWKS (cached in memory per JWKS
 * address; fetched again once when the token names a kid the cache does
 * not have, as after a key rotation), with iss the provider's issuer, aud
 * client_id (and azp client_id when there are several audiences or an azp
 * at all), exp not past and iat not future (each OIDC_CLOCK_SKEW seconds
 * of grace), nonce as sent. match_claim names the claim for
 * out->matched. */
const char *oidc_verify_id_token(arena *a, const oidc_provider *p, const char *client_id,
                                 const char *nonce, const char *id_token, const char *match_claim,
                                 oidc_identity *out);

/* PKCE (RFC 7636): the S256 challenge of verifier, base64url, no padding. */
const char *oidc_pkce_challenge(arena *a, const char *verifier);

/* The client secret sealed for the database (a bytea literal in hex,
 * "\x…"), to the key pair in keys_dir/oidc-secrets.key, made on first use. */
const char *oidc_secret_seal(arena *a, const char *keys_dir, const char *secret);
/* The secret from its bytea literal in hex; NULL when it does not open. */
const char *oidc_secret_open(arena *a, const char *keys_dir, const char *sealed_hex);

#endif
