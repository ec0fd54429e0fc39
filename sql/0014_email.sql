-- Email: each person chooses, for each sort of news, how they hear of it:
-- in the app only, an email at once, or a daily digest. Emails wait in
-- the outbox until `tandem mail` sends them (cgi-bin/core/mail.c).

-- The sorts of news people choose for, from the kinds features store.
CREATE FUNCTION notification_category(kind text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN kind = 'message' THEN 'messages'
                WHEN kind IN ('mentorship', 'safeguarding') THEN 'mentoring'
                WHEN kind LIKE 'plan\_%' THEN 'plans'
                WHEN kind IN ('comment', 'comment_approved', 'feedback', 'submission_comment')
                     THEN 'comments'
                WHEN kind IN ('share', 'submission', 'submission_reviewed') THEN 'sharing'
                ELSE 'other' END
$$;

CREATE TABLE notification_prefs (
    user_id         bigint NOT NULL REFERENCES users(id),
    category        text NOT NULL CHECK (category IN ('messages', 'mentoring', 'plans',
                                                      'comments', 'sharing', 'other')),
    delivery        text NOT NULL CHECK (delivery IN ('app', 'now', 'digest')),
    PRIMARY KEY (user_id, category)
);

-- How person hears of category: their choice, else messages and
-- mentoring at once and the rest in the daily digest.
CREATE FUNCTION notification_delivery(person bigint, cat text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT delivery FROM notification_prefs
                      WHERE user_id = person AND category = cat),
                    CASE WHEN cat IN ('messages', 'mentoring') THEN 'now' ELSE 'digest' END)
$$;

-- One email to send. A notification emailed at once has one (never two:
-- notification_id is unique); a digest is one a person a day. claimed_at
-- marks the one being sent; sent_at, once the SMTP server took it. A
-- failure waits next_attempt_at, longer each time.
CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    user_id         bigint NOT NULL REFERENCES users(id),
    category        text NOT NULL,
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body            text NOT NULL,
    notification_id bigint UNIQUE REFERENCES notifications(id) ON DELETE SET NULL,
    digest_on       date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text,
    UNIQUE (user_id, digest_on)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;

-- The newest notification each person's digest has covered.
CREATE TABLE digests (
    user_id         bigint PRIMARY KEY REFERENCES users(id),
    last_notification_id bigint NOT NULL DEFAULT 0,
    last_sent_on    date
);

-- A notification whose person wants it at once goes to the outbox in the
-- same transaction as the change it tells of.
CREATE FUNCTION notifications_email() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cat text := notification_category(NEW.kind);
BEGIN
    IF notification_delivery(NEW.user_id, cat) = 'now'
       AND EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id AND status = 'active') THEN
        INSERT INTO outbox (institution_id, user_id, category, subject, body, notification_id)
        VALUES (NEW.institution_id, NEW.user_id, cat, NEW.subject, NEW.subject, NEW.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER notifications_email AFTER INSERT ON notifications
    FOR EACH ROW EXECUTE FUNCTION notifications_email();

-- The key unsubscribe links are signed with (HMAC, libsodium's
-- crypto_auth): 32 bytes made once, from PostgreSQL's strong random
-- source (gen_random_uuid), never shown.
CREATE TABLE mail_secret (
    only_one        boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    key             bytea NOT NULL CHECK (length(key) = 32)
);
INSERT INTO mail_secret (key)
VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
