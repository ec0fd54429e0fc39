-- A demo portfolio page: Amira's robot arm project, shared with her tutors,
-- with feedback from Priya, in a collection for unit 6. The texts are
-- single plain paragraphs, so their HTML is written here as the app would
-- render it.
WITH amira AS (SELECT id, institution_id FROM users WHERE username = 'amira'),
     page AS (INSERT INTO portfolio_pages (institution_id, owner_id, title, description_md,
                                           description_html)
              SELECT institution_id, id, 'Robot arm project (unit 6)',
                     'How our group designed and built a robot arm, and my part in it.',
                     E'<p>How our group designed and built a robot arm, and my part in it.</p>\n'
                FROM amira
               WHERE NOT EXISTS (SELECT 1 FROM portfolio_pages p, amira
                                  WHERE p.owner_id = amira.id
                                    AND p.title = 'Robot arm project (unit 6)')
              RETURNING id, institution_id, owner_id)
INSERT INTO page_blocks (page_id, institution_id, position, evidence_id, text_md, text_html)
SELECT page.id, page.institution_id, b.position, e.id, b.text_md, b.text_html
  FROM page
 CROSS JOIN (VALUES (1, NULL, 'I designed the bracket that holds the arm to its base.',
                     E'<p>I designed the bracket that holds the arm to its base.</p>\n'),
                    (2, 'Designing a bracket for the robot arm', '', ''),
                    (3, 'Our team''s build log', '', ''))
       AS b(position, evidence_title, text_md, text_html)
  LEFT JOIN evidence e ON e.owner_id = page.owner_id AND e.title = b.evidence_title;

INSERT INTO shares (institution_id, owner_id, page_id, audience)
SELECT p.institution_id, p.owner_id, p.id, 'supporters'
  FROM portfolio_pages p JOIN users u ON u.id = p.owner_id
 WHERE u.username = 'amira' AND p.title = 'Robot arm project (unit 6)'
   AND NOT EXISTS (SELECT 1 FROM shares s WHERE s.page_id = p.id);

INSERT INTO comments (institution_id, page_id, author_id, body_md, body_html, is_feedback)
SELECT p.institution_id, p.id, t.id,
       'A clear story, Amira. Add a photo of the printed bracket under load for merit.',
       E'<p>A clear story, Amira. Add a photo of the printed bracket under load for merit.</p>\n',
       true
  FROM portfolio_pages p JOIN users u ON u.id = p.owner_id, users t
 WHERE u.username = 'amira' AND p.title = 'Robot arm project (unit 6)' AND t.username = 'priya'
   AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.page_id = p.id);

WITH c AS (INSERT INTO collections (institution_id, owner_id, title, description_md,
                                    description_html)
           SELECT institution_id, id, 'Unit 6 portfolio', 'Everything for unit 6.',
                  E'<p>Everything for unit 6.</p>\n'
             FROM users u
            WHERE username = 'amira'
              AND NOT EXISTS (SELECT 1 FROM collections x WHERE x.owner_id = u.id)
           RETURNING id, owner_id)
INSERT INTO collection_pages (collection_id, page_id, position)
SELECT c.id, p.id, 1 FROM c JOIN portfolio_pages p ON p.owner_id = c.owner_id
 WHERE p.title = 'Robot arm project (unit 6)';
