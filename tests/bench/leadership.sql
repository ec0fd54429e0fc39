-- make bench's leadership plans (scripts/bench.sh loads it): David's plan
-- grows to 12 goals, 12 activities, 10 reflections and 4 reviews, and
-- Helen line-manages 30 more managers with a plan each (5 goals, a
-- review), so that her team page lists 32 people.
DO $$
DECLARE
    plan bigint;
    college bigint;
BEGIN
    SELECT p.id, p.institution_id INTO plan, college FROM leadership_plans p
      JOIN users u ON u.id = p.owner_id WHERE u.username = 'david' AND p.academic_year = '2026/27';
    INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
                                  relevant, due_on, status)
    SELECT plan, college, 'Bench goal ' || n, 'What exactly, goal ' || n || '.',
           'How it is measured.', 'Why it is within reach.', 'Why it matters.',
           current_date + n * 7, CASE WHEN n % 3 = 0 THEN 'achieved' ELSE 'in_progress' END
      FROM generate_series(1, 10) n;
    INSERT INTO leadership_activities (plan_id, institution_id, kind, title, details, status,
                                       starts_on, ends_on)
    SELECT plan, college, 'project', 'Bench activity ' || n, 'Details of activity ' || n || '.',
           'planned', current_date, current_date + 30
      FROM generate_series(1, 8) n;
    INSERT INTO leadership_reflections (plan_id, institution_id, written_on, body_md, body_html)
    SELECT plan, college, current_date - n, 'Reflection ' || n || ' on the week.',
           '<p>Reflection ' || n || ' on the <strong>week</strong>.</p>'
      FROM generate_series(1, 9) n;
    INSERT INTO leadership_reviews (plan_id, institution_id, held_on, agenda, notes_md, notes_html,
                                    next_review, author_id, manager_id, owner_signed_at)
    SELECT plan, college, current_date - n * 30, 'Agenda ' || n, 'Notes ' || n,
           '<p>Notes ' || n || '</p>', current_date + 30, h.id, h.id, now()
      FROM generate_series(1, 3) n, users h WHERE h.username = 'helen';

    INSERT INTO users (institution_id, username, display_name, email, roles, department,
                       line_manager_id)
    SELECT college, 'bench-manager-' || n, 'Bench Manager ' || n,
           'bench-manager-' || n || '@riverside.example', 2 | 4,
           'Department ' || (n % 6), h.id
      FROM generate_series(1, 30) n, users h WHERE h.username = 'helen'
    ON CONFLICT (username) DO NOTHING;
    INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
    SELECT college, u.id, '2026/27' FROM users u WHERE u.username LIKE 'bench-manager-%'
    ON CONFLICT (owner_id, academic_year) DO NOTHING;
    INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
                                  relevant, due_on, status)
    SELECT p.id, college, 'Goal ' || n, 'What.', 'How.', 'Why possible.', 'Why.',
           current_date + (n - 2) * 20, CASE WHEN n = 1 THEN 'achieved' ELSE 'not_started' END
      FROM leadership_plans p JOIN users u ON u.id = p.owner_id AND u.username LIKE 'bench-manager-%',
           generate_series(1, 5) n;
    INSERT INTO leadership_reviews (plan_id, institution_id, held_on, agenda, notes_md, notes_html,
                                    next_review, author_id, manager_id, owner_signed_at)
    SELECT p.id, college, current_date - 10, 'Agenda', 'Notes', '<p>Notes</p>',
           current_date + 50, p.owner_id, u.line_manager_id, now()
      FROM leadership_plans p JOIN users u ON u.id = p.owner_id AND u.username LIKE 'bench-manager-%';
END $$;
