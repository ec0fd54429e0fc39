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
    // Whether the college's words index (posts_college_search) is cheaper than reading the
    // college's posts depends on how many posts there are: make bench shows it used at scale.
    assertInlined('blog_search_all', [sessionOf('amira'), 'workshop']);
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

// How each function answers for one object, as a letter (SQL of the viewer's id).
const has = (fn, key, id, letter = "'r'") => (viewer) =>
  `SELECT ${letter} FROM ${fn.replace('$v', viewer)} x WHERE x.${key} = ${id} LIMIT 1`;
const lpSide = (plan) => has('lp_readers($v)', 'plan_id', plan, 'left(side, 1)');
const planSide = (plan) => has('plan_sides($v)', 'plan_id', plan, 'left(side, 1)');
const pollRole = (poll) => has('poll_readers($v)', 'poll_id', poll, "CASE WHEN mine THEN 'c' ELSE 'v' END");
const post = (id) => has('readable_posts($v)', 'id', id);
const page = (id) => has('readable_pages($v, NULL)', 'id', id);

/** Runs SQL in the copy: :riverside, :north are the two colleges' ids, :name a person's id. */
function make(sql) {
  const named = sql.replace(/:riverside\b/g, `(SELECT id FROM institutions WHERE slug = '${college.slug}')`)
    .replace(/:north\b/g, `(SELECT id FROM institutions WHERE slug = '${college.northSlug}')`)
    .replace(/(?<!:):([a-z]+)\b/g, (m, name) => `(SELECT id FROM users WHERE username = '${user(name)}')`);
  return psql(named);
}

/** A page of Amira's with one share (audience and its columns as SQL), or none: its id. */
function amirasPage(title, share = null) {
  const id = make(`INSERT INTO portfolio_pages (institution_id, owner_id, title)
                   VALUES (:riverside, :amira, '${title}') RETURNING id`);
  if (share) {
    make(`INSERT INTO shares (institution_id, owner_id, page_id, audience, user_id, cohort_id, token_hash,
                              starts_on, ends_on, revoked_at)
          SELECT :riverside, :amira, ${id}, a, u, c, t, s, e, r
            FROM (SELECT ${share}) x(a, u, c, t, s, e, r)`);
  }
  return id;
}
const SHARE = (audience, { person = 'NULL', cohort = 'NULL', token = 'NULL', starts = 'NULL', ends = 'NULL',
  revoked = 'NULL' } = {}) =>
  `'${audience}', (${person})::bigint, (${cohort})::bigint, (${token})::text, (${starts})::date, (${ends})::date,
   (${revoked})::timestamptz`;

/** A post of author's with the visibility and status given, published at when (SQL): its id. */
function postOf(author, slug, visibility, status = 'published', when = "now() - interval '1 day'") {
  return make(`INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html, body_text,
                                  status, visibility, published_at)
               SELECT institution_id, id, 2026, 12, '${slug}', 'Matrix ${slug}', 'x', '<p>x</p>', 'x',
                      '${status}', '${visibility}', CASE WHEN '${status}' = 'published' THEN ${when} END
                 FROM users WHERE username = '${user(author)}' RETURNING id`);
}

/** The leadership plan of owner (a username in the copy), made for a past year if they have none. */
function leadershipPlan(owner) {
  return psql(`WITH o AS (SELECT id, institution_id FROM users WHERE username = '${owner}'),
                    made AS (INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
                             SELECT institution_id, id, '2019/20' FROM o
                              WHERE NOT EXISTS (SELECT 1 FROM leadership_plans p, o WHERE p.owner_id = o.id)
                             RETURNING id)
               SELECT id FROM made UNION ALL
               SELECT p.id FROM leadership_plans p, o WHERE p.owner_id = o.id LIMIT 1`);
}

// Letters: r reads; l, t the learner's or tutor's side of a plan; o, m, r the
// owner, line manager or reader of a leadership plan; c created (a poll),
// v may vote; w a member of a thread who may write; m, e mentor, mentee;
// b reads an issue on a board of theirs, o off it.
// columns: amira jack liam sofia priya grace tom david helen maria aisha owen admin siteadmin, then
// Northgate's nadia northadmin nmanager
const EXPECTED = `
post: private                               r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
post: for her groups                        r  r  .  .  r  .  .  .  .  .  .  .  .  .  .  .  .
post: for her college                       r  r  r  r  r  r  r  r  r  r  r  r  r  r  .  .  .
post: public                                r  r  r  r  r  r  r  r  r  r  r  r  r  r  r  r  r
post: a draft                               r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
post: scheduled for tomorrow                r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
post: public, its author suspended          .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
page: shared with jack                      r  r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
page: shared with her group                 r  r  .  .  r  .  .  .  .  .  .  .  .  .  .  .  .
page: shared with her tutors and mentors    r  .  .  .  r  .  .  .  .  .  .  .  .  .  .  .  .
page: shared with her college               r  r  r  r  r  r  r  r  r  r  r  r  r  r  .  .  .
page: public                                r  r  r  r  r  r  r  r  r  r  r  r  r  r  r  r  r
page: a secret link, not held               r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
page: a college share that has ended        r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
page: a college share revoked               r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
page: a college share from tomorrow         r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
page: in a collection shared with tom       r  .  .  .  .  .  r  .  .  .  .  .  .  .  .  .  .
collection: shared with tom                 r  .  .  .  .  .  r  .  .  .  .  .  .  .  .  .  .
evidence: on the college's page             r  r  r  r  r  r  r  r  r  r  r  r  r  r  .  .  .
evidence: on no page                        r  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
evidence: in a leadership plan              .  .  .  .  .  .  .  r  r  .  .  .  .  .  .  .  .
file: of the college's evidence             r  r  r  r  r  r  r  r  r  r  r  r  r  r  .  .  .
submission: to her tutor                    r  .  .  .  r  .  .  .  .  .  .  .  .  .  .  .  .
plan: agreed, amira's                       l  .  .  .  t  .  .  .  .  .  .  .  .  .  .  .  .
plan: a tutor's draft for jack              .  .  .  .  t  .  .  .  .  .  .  .  .  .  .  .  .
plan: proposed by the tutor, liam's         .  .  l  .  .  t  .  .  .  .  .  .  .  .  .  .  .
poll: her group's, open                     c  v  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
poll: the college's, by its union officer   v  v  v  c  v  v  v  v  v  v  v  v  v  v  .  .  .
poll: a draft                               c  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
thread: mentoring, tom and sofia            .  .  .  w  .  .  w  .  .  .  .  .  .  .  .  .  .
thread: a tutor and her learner             w  .  .  .  w  .  .  .  .  .  .  .  .  .  .  .  .
mentorship: tom mentors sofia               .  .  .  e  .  .  m  .  .  .  .  .  .  .  .  .  .
issue: on her group's board, for david      b  b  .  .  b  .  .  o  o  .  .  .  .  .  .  .  .
board: her group's                          b  b  .  .  b  .  .  .  .  .  .  .  .  .  .  .  .
lp: a manager's own (david)                 .  .  .  .  .  .  .  o  m  .  .  .  .  .  .  .  .
lp: a report's, shared with a tutor         .  .  .  .  r  .  .  m  .  .  o  .  .  .  .  .  .
lp: a leader's own (helen)                  .  .  .  .  .  .  .  .  o  .  .  .  .  .  .  .  .
lp: another college's, shared with helen    .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  o
`;

/** Every kind of object in EXPECTED, made in the copy: {name: access(viewer)}. */
function makeKinds() {
  // Northgate has no manager in the demo: one, with a plan shared with Riverside's Helen,
  // which must still not reach her (a rule keeps to the college).
  psql(`INSERT INTO users (institution_id, username, display_name, email, roles)
        SELECT id, '${north('nmanager')}', 'North Manager', 'nmanager+${college.tag}@northgate.example', 6
          FROM institutions WHERE slug = '${college.northSlug}'`);
  make(`INSERT INTO users (institution_id, username, display_name, email, roles, status)
        VALUES (:riverside, '${user('gone')}', 'Gone Away', 'gone+${college.tag}@riverside.example', 1, 'suspended')`);
  const eng = make(`SELECT id FROM cohorts WHERE institution_id = :riverside AND code = 'ENG3-A'`);
  const kinds = {};
  const add = (name, access) => { kinds[name] = access; };

  add('post: private', post(postOf('amira', 'm-private', 'private')));
  add('post: for her groups', post(postOf('amira', 'm-cohort', 'cohort')));
  add('post: for her college', post(postOf('amira', 'm-college', 'institution')));
  add('post: public', post(postOf('amira', 'm-public', 'public')));
  add('post: a draft', post(postOf('amira', 'm-draft', 'public', 'draft')));
  add('post: scheduled for tomorrow', post(postOf('amira', 'm-later', 'public', 'published', "now() + interval '1 day'")));
  add('post: public, its author suspended', post(postOf('gone', 'm-gone', 'public')));

  add('page: shared with jack', page(amirasPage('To Jack', SHARE('person', { person: ':jack' }))));
  add('page: shared with her group', page(amirasPage('To the group', SHARE('cohort', { cohort: eng }))));
  add('page: shared with her tutors and mentors', page(amirasPage('To tutors', SHARE('supporters'))));
  const collegePage = amirasPage('To the college', SHARE('college'));
  add("page: shared with her college", page(collegePage));
  add('page: public', page(amirasPage('To all', SHARE('public'))));
  add('page: a secret link, not held', page(amirasPage('By link', SHARE('link', { token: `'matrix-${college.tag}'` }))));
  add('page: a college share that has ended', page(amirasPage('Ended', SHARE('college', { ends: "current_date - 1" }))));
  add('page: a college share revoked', page(amirasPage('Revoked', SHARE('college', { revoked: 'now()' }))));
  add('page: a college share from tomorrow', page(amirasPage('Later', SHARE('college', { starts: 'current_date + 1' }))));
  const inCollection = amirasPage('In a collection');
  const coll = make(`WITH c AS (INSERT INTO collections (institution_id, owner_id, title)
                                VALUES (:riverside, :amira, 'For Tom') RETURNING id),
                          p AS (INSERT INTO collection_pages (collection_id, page_id, position)
                                SELECT id, ${inCollection}, 1 FROM c),
                          s AS (INSERT INTO shares (institution_id, owner_id, collection_id, audience, user_id)
                                SELECT :riverside, :amira, id, 'person', :tom FROM c)
                     SELECT id FROM c`);
  add('page: in a collection shared with tom', page(inCollection));
  add('collection: shared with tom', has('readable_collections($v, NULL)', 'id', coll));

  const file = make(`INSERT INTO files (institution_id, owner_id, filename, content_type, size, sha256, bytes)
                     VALUES (:riverside, :amira, 'gear.png', 'image/png', 1, repeat('a', 64), '\\x00') RETURNING id`);
  const evidenceOf = (owner, title, fileId = 'NULL') =>
    make(`INSERT INTO evidence (institution_id, owner_id, kind, title, file_id)
          VALUES (:riverside, :${owner}, '${fileId === 'NULL' ? 'text' : 'file'}', '${title}', ${fileId}) RETURNING id`);
  const shown = evidenceOf('amira', 'Shown to the college', file);
  make(`INSERT INTO page_blocks (page_id, institution_id, position, evidence_id)
        VALUES (${collegePage}, :riverside, 1, ${shown})`);
  add("evidence: on the college's page", has('readable_evidence($v, NULL)', 'id', shown));
  add('evidence: on no page', has('readable_evidence($v, NULL)', 'id', evidenceOf('amira', 'Kept')));
  const lpEvidence = evidenceOf('david', 'For my plan');
  make(`INSERT INTO leadership_evidence (plan_id, institution_id, evidence_id)
        VALUES (${leadershipPlan(user('david'))}, :riverside, ${lpEvidence})`);
  add('evidence: in a leadership plan', has('readable_evidence($v, NULL)', 'id', lpEvidence));
  add("file: of the college's evidence", has('readable_files($v, NULL)', 'id', file));
  const submission = make(`INSERT INTO submissions (institution_id, owner_id, tutor_id, title, snapshot_html)
                           VALUES (:riverside, :amira, :priya, 'For marking', '<p>x</p>') RETURNING id`);
  add('submission: to her tutor', has('readable_submissions($v)', 'id', submission));

  add("plan: agreed, amira's", planSide(make(`SELECT id FROM plans WHERE learner_id = :amira AND state = 'agreed'`)));
  add("plan: a tutor's draft for jack", planSide(make(`INSERT INTO plans (institution_id, learner_id, title, created_by)
                                                        VALUES (:riverside, :jack, 'Started by Priya', :priya) RETURNING id`)));
  add("plan: proposed by the tutor, liam's", planSide(make(`SELECT id FROM plans WHERE learner_id = :liam`)));

  add("poll: her group's, open", pollRole(make(`SELECT id FROM polls WHERE created_by = :amira AND opens_at IS NOT NULL`)));
  add("poll: the college's, by its union officer", pollRole(make(`SELECT id FROM polls WHERE created_by = :sofia`)));
  add('poll: a draft', pollRole(make(`INSERT INTO polls (institution_id, created_by, scope, title, anonymous, visibility,
                                                         closes_at)
                                       VALUES (:riverside, :amira, 'cohorts', 'Not yet', true, 'closed',
                                               now() + interval '7 days') RETURNING id`)));

  const member = (thread) => has('thread_members($v)', 'thread_id', thread, "CASE WHEN may_write THEN 'w' ELSE 'r' END");
  add('thread: mentoring, tom and sofia', member(make(`SELECT id FROM threads WHERE institution_id = :riverside
                                                        AND mentorship_id IS NOT NULL`)));
  const direct = make(`WITH t AS (INSERT INTO threads (institution_id, subject, created_by)
                                  VALUES (:riverside, 'About your plan', :priya) RETURNING id),
                            m AS (INSERT INTO thread_members (thread_id, user_id)
                                  SELECT id, u FROM t, (VALUES (:priya), (:amira)) v(u))
                       SELECT id FROM t`);
  add('thread: a tutor and her learner', member(direct));
  add('mentorship: tom mentors sofia', has('mentorships_of($v)', 'mentorship_id',
    make(`SELECT id FROM mentorships WHERE mentor_id = :tom`), "CASE role WHEN 'mentor' THEN 'm' ELSE 'e' END"));

  const issue = make(`INSERT INTO voice_issues (institution_id, cohort_id, raised_by, responsible_id, title, body_md,
                                                body_html, due_on)
                      VALUES (:riverside, ${eng}, :amira, :david, 'The workshop is cold', 'Cold.', '<p>Cold.</p>',
                              current_date + 14) RETURNING id`);
  add("issue: on her group's board, for david", has('issue_readers($v)', 'issue_id', issue,
    "CASE WHEN on_board THEN 'b' ELSE 'o' END"));
  add("board: her group's", has('issue_boards($v)', 'cohort_id', eng, "'b'"));

  const aisha = leadershipPlan(user('aisha'));
  make(`INSERT INTO leadership_shares (plan_id, user_id, institution_id) VALUES (${aisha}, :priya, :riverside)`);
  const nplan = leadershipPlan(north('nmanager'));
  make(`INSERT INTO leadership_shares (plan_id, user_id, institution_id) VALUES (${nplan}, :helen, :riverside)`);
  add("lp: a manager's own (david)", lpSide(leadershipPlan(user('david'))));
  add("lp: a report's, shared with a tutor", lpSide(aisha));
  add("lp: a leader's own (helen)", lpSide(leadershipPlan(user('helen'))));
  add("lp: another college's, shared with helen", lpSide(nplan));
  return kinds;
}

describe('the access matrix, straight from the policy functions', () => {
  let ids, kinds;
  before(() => {
    kinds = makeKinds();
    ids = peopleIds();
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
