// The policy layer (sql/policy.sql), read straight from the database, with
// no browser: the hot statements inline its rules and keep to a college, and
// the access matrix of people and objects, built from its functions, is
// exactly the table below. A new rule or a changed one shows up here in
// seconds.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { college, user } from './lib/college.mjs';
import { psql, rows } from './lib/db.mjs';
import { tandem } from './lib/env.mjs';

const north = (name) => `${name}.${college.tag}`; // the copy's usernames are the same in both colleges

/** A session for the person, as a sign-in would store it: its token's hash. */
function sessionOf(name) {
  const hash = `policy-${college.tag}-${name}`;
  psql(`INSERT INTO sessions (token_hash, user_id, institution_id, csrf_token)
        SELECT '${hash}', id, institution_id, 'unused' FROM users WHERE username = '${user(name)}'
        ON CONFLICT DO NOTHING`);
  return hash;
}

/** Every function of ours, by name: none may be called in a hot statement's plan. */
const ourFunctions = () => psql(`SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace`)
  .split('\n').filter(Boolean);

/** The generic plan a server worker keeps for the statement, as text. */
function planOf(statement, params) {
  const r = tandem(['explain', '--generic', statement, ...params]);
  assert.equal(r.code, 0, `tandem explain ${statement}: ${r.err}`);
  return r.out;
}

/**
 * A second college of 10,000 learners in 400 groups, with 20,000 posts, once per
 * database: what a college's
 * queries must not read. Without it the tables are small enough that the
 * planner rightly reads them whole, and the plans say nothing about scale.
 */
function loadBigCollege() {
  psql(`SELECT pg_advisory_lock(7407);
        INSERT INTO institutions (slug, name) VALUES ('policy-big', 'Big college') ON CONFLICT DO NOTHING;
        INSERT INTO users (institution_id, username, display_name, email, roles)
        SELECT i.id, 'big' || n, 'Big learner ' || n, 'big' || n || '@big.example', 1
          FROM institutions i, generate_series(1, 10000) n
         WHERE i.slug = 'policy-big' AND NOT EXISTS (SELECT 1 FROM users WHERE username = 'big1');
        INSERT INTO courses (institution_id, code, title)
        SELECT id, 'BIG', 'Big course' FROM institutions WHERE slug = 'policy-big' ON CONFLICT DO NOTHING;
        INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
        SELECT c.institution_id, c.id, 'BIG-' || n, 'Big group ' || n, '2026/27'
          FROM courses c JOIN institutions i ON i.id = c.institution_id AND i.slug = 'policy-big',
               generate_series(1, 400) n
         WHERE NOT EXISTS (SELECT 1 FROM cohorts h WHERE h.institution_id = i.id);
        INSERT INTO memberships (cohort_id, user_id, institution_id, role)
        SELECT h.id, u.id, u.institution_id, 'learner'
          FROM users u JOIN cohorts h ON h.institution_id = u.institution_id
           AND h.code = 'BIG-' || (substr(u.username, 4)::int % 400 + 1)
         WHERE u.username ~ '^big[0-9]+$' ON CONFLICT DO NOTHING;
        INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html,
                           body_text, status, visibility, published_at)
        SELECT u.institution_id, u.id, 2026, 11, 'week-' || n, 'Week ' || n, w, '<p>' || w || '</p>', w,
               'published', (ARRAY['public', 'institution', 'cohort', 'private'])[n % 4 + 1],
               now() - (u.id % 1000 + n) * interval '1 hour'
          FROM users u, generate_series(1, 2) n,
               LATERAL (SELECT 'In the workshop this week I measured twice and welded once.' AS w) t
         WHERE u.username ~ '^big[0-9]+$'
           AND NOT EXISTS (SELECT 1 FROM posts p JOIN users b ON b.id = p.author_id WHERE b.username = 'big1');
        ANALYZE users, cohorts, memberships, posts;
        SELECT pg_advisory_unlock(7407);`);
}

describe('the hot statements inline the rules and keep to the college', () => {
  let functions, sessions;
  before(() => {
    loadBigCollege();
    functions = ourFunctions();
    sessions = { helen: sessionOf('helen') };
  });

  /** No function of ours in the plan (each would be a call a row), and the college's id in a condition. */
  function assertInlined(statement, params, { indexed = false } = {}) {
    const plan = planOf(statement, params);
    const called = functions.filter((f) => new RegExp(`\\b${f}\\(`).test(plan));
    assert.deepEqual(called, [], `${statement} calls ${called.join(', ')}:\n${plan}`);
    const where = indexed ? /Index Cond: .*institution_id/ : /(Index Cond|Filter|Join Filter|Hash Cond): .*institution_id/;
    assert.match(plan, where, `${statement} keeps to the college:\n${plan}`);
  }

  test("the leadership plan's page (lp_head)", () => {
    const plan = psql(`SELECT p.id FROM leadership_plans p JOIN users u ON u.id = p.owner_id
                        WHERE u.username = '${user('david')}'`);
    assertInlined('lp_head', [sessions.helen, plan]);
  });

  /** The id the query finds in this file's copy: a demo object. */
  const idOf = (sql) => {
    const id = psql(sql);
    assert.match(id, /^\d+$/, `found in the copy: ${sql}`);
    return id;
  };

  test("a learner's home: the newest posts of their groups (home_posts)", () => {
    assertInlined('home_posts', [sessionOf('amira')], { indexed: true });
  });

  test("a learner's search of their college's blogs (blog_search_all)", () => {
    assertInlined('blog_search_all', [sessionOf('amira'), 'workshop'], { indexed: true });
  });

  test("a tutor opens a learner's plan (plan_head)", () => {
    const plan = idOf(`SELECT p.id FROM plans p JOIN users l ON l.id = p.learner_id
                        WHERE l.username = '${user('amira')}' ORDER BY p.id LIMIT 1`);
    assertInlined('plan_head', [sessionOf('priya'), plan]);
  });

  test('a learner opens a poll of her group (voice_poll_head)', () => {
    const poll = idOf(`SELECT p.id FROM polls p JOIN institutions i ON i.id = p.institution_id
                        WHERE i.slug = '${college.slug}' AND p.opens_at IS NOT NULL ORDER BY p.id LIMIT 1`);
    assertInlined('voice_poll_head', [sessionOf('amira'), poll]);
  });

  test('a tutor opens a page shared with her (page_view)', () => {
    const page = idOf(`SELECT s.page_id FROM shares s JOIN institutions i ON i.id = s.institution_id
                        WHERE i.slug = '${college.slug}' AND s.page_id IS NOT NULL AND s.revoked_at IS NULL
                        ORDER BY s.id LIMIT 1`);
    assertInlined('page_view', [sessionOf('priya'), page]);
  });

  test('a member opens a mentoring thread (thread_head)', () => {
    const thread = idOf(`SELECT t.id FROM threads t JOIN institutions i ON i.id = t.institution_id
                          WHERE i.slug = '${college.slug}' ORDER BY t.id LIMIT 1`);
    assertInlined('thread_head', [sessionOf('priya'), thread]);
  });

  test("a college administrator's list of people (admin_users_list)", () => {
    const riverside = psql(`SELECT id FROM institutions WHERE slug = '${college.slug}'`);
    // search, status, role: none; a page of 50 from the first
    assertInlined('admin_users_list', ['\\N', '\\N', '\\N', '50', '0', riverside], { indexed: true });
  });
});

// The access matrix. Each row is one kind of object, made or found in this
// file's copy of the demo; each column one person. A cell says how the person
// may come to it, as the policy function answers: one letter, '.' for not
// at all. Riverside's people come first, then Northgate's (N).
const PEOPLE = ['amira', 'jack', 'liam', 'sofia', 'priya', 'grace', 'tom', 'david', 'helen', 'maria',
  'aisha', 'owen', 'admin', 'siteadmin', 'N:nadia', 'N:northadmin', 'N:nmanager'];

/** The users row id of each person in PEOPLE, in order. */
function peopleIds() {
  const names = PEOPLE.map((p) => (p.startsWith('N:') ? north(p.slice(2)) : user(p)));
  const found = Object.fromEntries(rows(`SELECT username, id FROM users
      WHERE username IN (${names.map((n) => `'${n}'`).join(', ')})`).map((r) => [r.username, r.id]));
  return names.map((n) => {
    assert.ok(found[n], `${n} is in the copy`);
    return found[n];
  });
}

/** The row of the matrix for one object: the letter each person gets. */
function rowFor(ids, access) {
  const list = ids.map((id, i) => `(${i}, ${id}::bigint)`).join(', ');
  return psql(`SELECT string_agg(coalesce((${access('p.id')}), '.'), ' ' ORDER BY p.i)
                 FROM (VALUES ${list}) p(i, id)`);
}

// Leadership plans (lp_readers): o owner, m line manager, r shared with them.
const lpSide = (plan) => (viewer) =>
  `SELECT left(side, 1) FROM lp_readers(${viewer}) r WHERE r.plan_id = ${plan}`;

/** The leadership plan of owner (a username in the copy), made for the year if they have none. */
function leadershipPlan(owner) {
  return psql(`WITH o AS (SELECT id, institution_id FROM users WHERE username = '${owner}'),
                    made AS (INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
                             SELECT institution_id, id, '2019/20' FROM o
                              WHERE NOT EXISTS (SELECT 1 FROM leadership_plans p, o WHERE p.owner_id = o.id)
                             RETURNING id)
               SELECT id FROM made UNION ALL
               SELECT p.id FROM leadership_plans p, o WHERE p.owner_id = o.id LIMIT 1`);
}

// columns: amira jack liam sofia priya grace tom david helen maria aisha owen admin siteadmin, then
// Northgate's nadia northadmin nmanager
const EXPECTED = `
lp: a manager's own (david)                 .  .  .  .  .  .  .  o  m  .  .  .  .  .  .  .  .
lp: a report's, shared with a tutor         .  .  .  .  r  .  .  m  .  .  o  .  .  .  .  .  .
lp: a leader's own (helen)                  .  .  .  .  .  .  .  .  o  .  .  .  .  .  .  .  .
lp: another college's, shared with helen    .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  o
`;

describe('the access matrix, straight from the policy functions', () => {
  let ids, kinds;
  before(() => {
    // Northgate has no manager in the demo: one, with a plan shared with Riverside's Helen,
    // which must still not reach her (a rule keeps to the college).
    psql(`INSERT INTO users (institution_id, username, display_name, email, roles)
          SELECT id, '${north('nmanager')}', 'North Manager', 'nmanager+${college.tag}@northgate.example', 6
            FROM institutions WHERE slug = '${college.northSlug}' ON CONFLICT DO NOTHING`);
    ids = peopleIds();
    const aisha = leadershipPlan(user('aisha'));
    psql(`INSERT INTO leadership_shares (plan_id, user_id, institution_id)
          SELECT ${aisha}, id, institution_id FROM users WHERE username = '${user('priya')}' ON CONFLICT DO NOTHING`);
    const nplan = leadershipPlan(north('nmanager'));
    psql(`INSERT INTO leadership_shares (plan_id, user_id, institution_id)
          SELECT ${nplan}, id, institution_id FROM users WHERE username = '${user('helen')}' ON CONFLICT DO NOTHING`);
    kinds = {
      "lp: a manager's own (david)": lpSide(leadershipPlan(user('david'))),
      "lp: a report's, shared with a tutor": lpSide(aisha),
      "lp: a leader's own (helen)": lpSide(leadershipPlan(user('helen'))),
      "lp: another college's, shared with helen": lpSide(nplan),
    };
  });

  const expected = EXPECTED.trim().split('\n').map((line) => {
    const cells = line.trim().split(/\s+/);
    const tail = cells.splice(-PEOPLE.length);
    return [cells.join(' '), tail.join(' ')];
  });

  test(`${PEOPLE.length} people in two colleges, ${expected.length} kinds of object`, () => {
    const wrong = [];
    for (const [kind, want] of expected) {
      assert.ok(kinds[kind], `a kind of object named "${kind}" is made`);
      const got = rowFor(ids, kinds[kind]);
      if (got !== want) wrong.push(`${kind}\n  expected ${want}\n  got      ${got}`);
    }
    assert.deepEqual(wrong, [], `people:   ${PEOPLE.join(' ')}`);
    assert.equal(Object.keys(kinds).length, expected.length, 'every kind made is in the table');
  });
});
