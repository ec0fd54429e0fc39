-- Demo portfolio evidence. Written as Markdown; `tandem demo` renders and
-- sanitises it (body_html, reflection_html) as the app does on save.
INSERT INTO evidence (institution_id, owner_id, kind, title, body_md, url, reflection_md, tags, happened_on)
SELECT u.institution_id, u.id, e.kind, e.title, e.body, e.url, e.reflection, e.tags, e.happened_on::date
  FROM (VALUES
    ('amira', 'text', 'Designing a bracket for the robot arm',
     E'For unit 6 I designed the mounting bracket for our group''s robot arm.\n\n- First sketch on paper, then modelled in CAD\n- Checked the load with the formula from class\n- **Printed a prototype** and tested it with 2 kg',
     NULL,
     E'This shows I can take a design from sketch to a tested part. Next time I would check the hole spacing *before* printing: I had to print it twice.',
     ARRAY['cad', 'design', 'unit 6'], '2026-10-14'),
    ('amira', 'link', 'Our team''s build log', '', 'https://example.org/riverside-robot-arm',
     'The log shows how we split the work and what I did each week.',
     ARRAY['teamwork', 'unit 6'], '2026-11-02'),
    ('jack', 'text', 'Welding practice: first butt joints',
     E'Three MIG butt joints on 3 mm mild steel. The third one had full penetration.',
     NULL, E'I got better at keeping the speed steady.', ARRAY['welding'], '2026-11-10'))
    AS e(username, kind, title, body, url, reflection, tags, happened_on)
  JOIN users u ON u.username = e.username
 WHERE NOT EXISTS (SELECT 1 FROM evidence x WHERE x.owner_id = u.id AND x.title = e.title);
