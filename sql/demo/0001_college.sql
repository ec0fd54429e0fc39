-- The demo college. Loaded by `tandem demo` (make run); safe to run again.
INSERT INTO institutions (slug, name, demo)
VALUES ('riverside', 'Riverside College', true)
ON CONFLICT (slug) DO NOTHING;

-- Roles are bit sets (cgi-bin/core/auth.h): 1 student, 2 staff, 4 manager,
-- 8 leader, 16 institution admin, 32 site admin.
INSERT INTO users (institution_id, username, display_name, email, roles)
SELECT i.id, u.username, u.display_name, u.email, u.roles
  FROM institutions i,
       (VALUES ('amira',  'Amira Hassan',   'amira@riverside.example',  1),
               ('jack',   'Jack Thompson',  'jack@riverside.example',   1),
               ('priya',  'Priya Sharma',   'priya@riverside.example',  2),
               ('david',  'David Okafor',   'david@riverside.example',  2 | 4),
               ('helen',  'Helen Marsh',    'helen@riverside.example',  2 | 8),
               ('admin',  'Sam Patel',      'admin@riverside.example',  2 | 16))
       AS u(username, display_name, email, roles)
 WHERE i.slug = 'riverside'
ON CONFLICT (username) DO NOTHING;

UPDATE users SET line_manager_id = (SELECT id FROM users WHERE username = 'helen')
 WHERE username = 'david' AND line_manager_id IS NULL;
UPDATE users SET line_manager_id = (SELECT id FROM users WHERE username = 'david')
 WHERE username = 'priya' AND line_manager_id IS NULL;
