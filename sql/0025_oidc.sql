-- Single sign-on with OpenID Connect (issue 19): one identity provider per
-- college (Entra ID, Google Workspace or any standard provider), configured
-- by the college's administrator (/admin/sign-in, cgi-bin/pages/
-- admin_sign_in.c); the flow itself is cgi-bin/pages/oidc.c.

-- A college's provider. The client secret is sealed (crypto_box_seal) to a
-- key pair whose private half is a file outside the database
-- ($TANDEM_KEYS/oidc-secrets.key, cgi-bin/core/oidc_client.c): a copy of
-- the database alone does not give it away. Accounts are matched on
-- match_claim: 'email', 'preferred_username' or a claim the college names.
CREATE TABLE oidc_providers (
    institution_id      bigint PRIMARY KEY REFERENCES institutions (id) ON DELETE CASCADE,
    display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
    issuer              text NOT NULL CHECK (issuer ~ '^https?://' AND length(issuer) <= 500),
    client_id           text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
    client_secret       bytea NOT NULL,
    email_domains       text[] NOT NULL CHECK (cardinality(email_domains) BETWEEN 1 AND 20),
    match_claim         text NOT NULL DEFAULT 'email'
                             CHECK (match_claim ~ '^[A-Za-z][A-Za-z0-9_.:-]{0,63}$'),
    passwords_allowed   boolean NOT NULL DEFAULT true,
    -- Someone at the college's domains with no account yet gets a student
    -- account at their first sign-in; off unless the administrator says.
    create_accounts     boolean NOT NULL DEFAULT false,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          bigint REFERENCES users (id) ON DELETE SET NULL
);
-- The sign-in page finds a college by the domain of the address typed.
CREATE INDEX oidc_providers_domains ON oidc_providers USING gin (email_domains);

-- A person's identity at their college's provider: the first sign-in links
-- the provider's (issuer, subject) to the account its claim matched; later
-- sign-ins go by the link alone, whatever the claims say by then.
CREATE TABLE oidc_links (
    issuer          text NOT NULL,
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_links_user ON oidc_links (institution_id, user_id);

-- Sign-ins on their way through a provider: the hash of the state (the
-- state itself is only in the browser's cookie and the provider's
-- redirect), the nonce and the PKCE verifier, where to go afterwards, and
-- the token endpoint and JWKS address the provider's discovery document
-- gave when the sign-in started (so that the callback need not ask for it
-- again, one request fewer to wait on). Used
-- once (the callback deletes the row it uses), good for 10 minutes, and
-- deleted by housekeeping when left unused.
CREATE TABLE oidc_requests (
    state_hash      text PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
    nonce           text NOT NULL,
    verifier        text NOT NULL,
    next_path       text NOT NULL,
    token_endpoint  text NOT NULL,
    jwks_uri        text NOT NULL,
    secret_post     boolean NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_requests_created ON oidc_requests (created_at);
