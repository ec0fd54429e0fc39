-- Password links by email (issue 19): a person added by an administrator or
-- by a CSV import gets a mail to choose their password, and an
-- administrator can send a new one. The outbox row holds no link: the mail
-- worker makes a fresh one-time link when it sends the mail (cgi-bin/
-- core/mail.c), so the only copy of the token is in the mail itself and the
-- database keeps its hash alone, as for every other link.
--
-- Queues a password-link mail for each active person of people who has an
-- email address: a welcome to a new account, or a new link. How many.
CREATE FUNCTION queue_password_links(people bigint[], welcome boolean) RETURNS bigint
LANGUAGE sql AS $$
    WITH queued AS (
        INSERT INTO outbox (institution_id, user_id, category, subject, body)
        SELECT u.institution_id, u.id, 'password_link',
               CASE WHEN welcome THEN 'Welcome to Tandem: choose your password'
                    ELSE 'Choose a new password for Tandem' END,
               CASE WHEN welcome
                    THEN 'Your college has made you an account on Tandem, where you keep your '
                         || 'portfolio, your learning plan and your messages with your tutors.'
                         || E'\n\nYour username is ' || u.username || '.'
                    ELSE 'Your college''s Tandem administrator has sent you a link to choose a '
                         || 'new password. Your username is ' || u.username || '.'
               END
          FROM users u
         WHERE u.id = ANY (people) AND u.email <> '' AND u.status = 'active'
        RETURNING 1)
    SELECT count(*) FROM queued
$$;
