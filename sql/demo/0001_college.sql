-- The demo colleges. Loaded by `tandem demo` (make run); safe to run again.
INSERT INTO institutions (slug, name, demo)
VALUES ('riverside', 'Riverside College', true),
       ('northgate', 'Northgate Sixth Form College', true)
ON CONFLICT (slug) DO NOTHING;

-- Roles are bit sets (cgi-bin/core/auth.h): 1 student, 2 staff, 4 manager,
-- 8 leader, 16 institution admin, 32 site admin.
INSERT INTO users (institution_id, username, display_name, email, roles, pronouns, bio)
SELECT i.id, u.username, u.display_name, u.email, u.roles, u.pronouns, u.bio
  FROM (VALUES
    ('riverside', 'amira', 'Amira Hassan', 'amira@riverside.example', 1, 'she/her',
     'Level 3 engineering student and course rep. I like taking things apart to see how they work.'),
    ('riverside', 'jack', 'Jack Thompson', 'jack@riverside.example', 1, 'he/him',
     'First year on the engineering BTEC. Into motorbikes and CAD.'),
    ('riverside', 'sofia', 'Sofia Kowalski', 'sofia@riverside.example', 1, 'she/her',
     'A-level psychology, biology and English. Hoping to study medicine.'),
    ('riverside', 'liam', 'Liam O''Connor', 'liam@riverside.example', 1, 'he/him',
     'Returning to learning on the Access to HE course after ten years as a care worker.'),
    ('riverside', 'priya', 'Priya Sharma', 'priya@riverside.example', 2, 'she/her',
     'Engineering lecturer and personal tutor.'),
    ('riverside', 'tom', 'Tom Reid', 'tom@riverside.example', 2, 'he/him',
     'Psychology lecturer, personal tutor and learning mentor.'),
    ('riverside', 'grace', 'Grace Mensah', 'grace@riverside.example', 2, 'she/her',
     'Access to HE course leader.'),
    ('riverside', 'david', 'David Okafor', 'david@riverside.example', 2 | 4, 'he/him',
     'Curriculum manager for engineering, science and access courses.'),
    ('riverside', 'helen', 'Helen Marsh', 'helen@riverside.example', 2 | 8, 'she/her',
     'Vice principal for curriculum and quality.'),
    ('riverside', 'admin', 'Sam Patel', 'admin@riverside.example', 2 | 16, 'they/them',
     'Runs Tandem for Riverside College.'),
    ('riverside', 'siteadmin', 'Tandem Operator', 'ops@tandem.example', 32, '',
     'Looks after this Tandem for every college on it.'),
    ('northgate', 'nadia', 'Nadia Begum', 'nadia@northgate.example', 1, 'she/her',
     'A-level maths and physics at Northgate.'),
    ('northgate', 'northadmin', 'Chris Walker', 'admin@northgate.example', 2 | 16, 'he/him',
     'Runs Tandem for Northgate Sixth Form College.'))
    AS u(college, username, display_name, email, roles, pronouns, bio)
  JOIN institutions i ON i.slug = u.college
ON CONFLICT (username) DO NOTHING;

UPDATE users u SET line_manager_id = m.id
  FROM (VALUES ('priya', 'david'), ('tom', 'david'), ('grace', 'david'), ('david', 'helen'))
       AS lm(report, manager)
  JOIN users m ON m.username = lm.manager
 WHERE u.username = lm.report AND u.line_manager_id IS NULL;

INSERT INTO courses (institution_id, code, title)
SELECT i.id, c.code, c.title
  FROM (VALUES ('riverside', 'BTEC-ENG-L3', 'BTEC Level 3 Extended Diploma in Engineering'),
               ('riverside', 'AL-PSY', 'A-level Psychology'),
               ('riverside', 'ACCESS-HEALTH', 'Access to Higher Education Diploma (Health Professions)'),
               ('northgate', 'AL-MATHS', 'A-level Mathematics'))
       AS c(college, code, title)
  JOIN institutions i ON i.slug = c.college
ON CONFLICT (institution_id, code) DO NOTHING;

INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
SELECT co.institution_id, co.id, h.code, h.name, '2026/27'
  FROM (VALUES ('BTEC-ENG-L3', 'ENG3-A', 'Engineering Level 3, group A'),
               ('AL-PSY', 'PSY-Y13', 'A-level Psychology, Year 13'),
               ('ACCESS-HEALTH', 'ACC-HLTH', 'Access to HE: Health Professions'),
               ('AL-MATHS', 'MAT-Y12', 'A-level Mathematics, Year 12'))
       AS h(course, code, name)
  JOIN courses co ON co.code = h.course
  JOIN institutions i ON i.id = co.institution_id AND i.slug IN ('riverside', 'northgate')
ON CONFLICT (institution_id, code) DO NOTHING;

INSERT INTO memberships (cohort_id, user_id, institution_id, role)
SELECT c.id, u.id, c.institution_id, m.role
  FROM (VALUES ('ENG3-A', 'amira', 'learner'), ('ENG3-A', 'amira', 'rep'),
               ('ENG3-A', 'jack', 'learner'), ('ENG3-A', 'priya', 'tutor'),
               ('PSY-Y13', 'sofia', 'learner'), ('PSY-Y13', 'sofia', 'rep'),
               ('PSY-Y13', 'tom', 'tutor'),
               ('ACC-HLTH', 'liam', 'learner'), ('ACC-HLTH', 'grace', 'tutor'),
               ('MAT-Y12', 'nadia', 'learner'))
       AS m(cohort, username, role)
  JOIN users u ON u.username = m.username
  JOIN cohorts c ON c.code = m.cohort AND c.institution_id = u.institution_id
ON CONFLICT DO NOTHING;
