-- Demo learning logs: Amira's (public, for her group, and a draft), Jack's
-- and Sofia's, with a comment from Priya. The texts are plain paragraphs,
-- so their HTML and plain words are written here as the app would save them.
INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html,
                   body_text, tags, status, visibility, published_at)
SELECT u.institution_id, u.id, extract(year FROM p.at)::int, extract(month FROM p.at)::int,
       p.slug, p.title, p.body, '<p>' || p.body || E'</p>\n', p.body || E'\n', p.tags, p.status,
       p.visibility, CASE WHEN p.status = 'published' THEN p.at END
  FROM (VALUES
    ('amira', now() - interval '9 days', 'building-the-base', 'Building the base of the robot arm',
     'This week we cut and drilled the aluminium base plate. I measured twice and still drilled one hole 2 mm out, so I learned to centre-punch first.',
     ARRAY['unit 6', 'workshop'], 'published', 'public'),
    ('amira', now() - interval '3 days', 'why-my-bracket-failed', 'Why my bracket failed the load test',
     'The bracket bent at 40 N. Priya showed me how to work out the bending moment, and the fix is a thicker section near the bolt holes. I will try 6 mm next.',
     ARRAY['unit 6', 'cad', 'reflection'], 'published', 'cohort'),
    ('amira', now() - interval '1 day', 'presentation-notes', 'Notes for our group presentation',
     'Who says what, and the three photos we need.',
     ARRAY['unit 6'], 'draft', 'cohort'),
    ('jack', now() - interval '2 days', 'first-weld', 'My first proper weld',
     'It took six tries, but the last bead was even. The trick was keeping the torch angle steady and moving slower than felt right.',
     ARRAY['welding'], 'published', 'cohort'),
    ('sofia', now() - interval '5 days', 'memory-experiment', 'Running our memory experiment',
     'We tested recall with and without music. Twelve people is a small sample, so I am careful about what we can conclude.',
     ARRAY['psychology', 'research methods'], 'published', 'institution'))
    AS p(username, at, slug, title, body, tags, status, visibility)
  JOIN users u ON u.username = p.username
 WHERE NOT EXISTS (SELECT 1 FROM posts q WHERE q.author_id = u.id AND q.title = p.title);

INSERT INTO comments (institution_id, post_id, author_id, body_md, body_html, is_feedback)
SELECT p.institution_id, p.id, u.id, c.body, '<p>' || c.body || E'</p>\n', true
  FROM (VALUES ('Good reflection. Try the 6 mm section and record the deflection this time.'))
       AS c(body)
  JOIN users u ON u.username = 'priya'
  JOIN posts p ON p.slug = 'why-my-bracket-failed' AND p.institution_id = u.institution_id
 WHERE NOT EXISTS (SELECT 1 FROM comments x WHERE x.post_id = p.id AND x.author_id = u.id);
