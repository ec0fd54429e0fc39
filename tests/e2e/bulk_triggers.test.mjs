// The versions and counters the database keeps for the app (sql/0018),
// written by statements of many rows at once, as an import, a "mark all
// read" or a carried-over plan writes them. The server keeps rendered
// lists and pages in memory under these versions (cgi-bin/core/fragment.c)
// and shows the unread count from the person's row: after each statement,
// every list or page it changed must have a new version and every other
// the same one, and each unread count must be the real count. Run against
// this file's copy of the demo colleges, through the database alone.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { college, user } from './lib/college.mjs';
import { ids, psql, psqlScript, rows } from './lib/db.mjs';

const NAME = `split_part(u.username, '.', 1)`;
/** This file's Riverside, and both its colleges. */
const INST = `(SELECT id FROM institutions WHERE slug = '${college.slug}')`;
const MINE = `(SELECT id FROM institutions WHERE slug IN ('${college.slug}', '${college.northSlug}'))`;

/** The versions of this copy's lists, pages and plans, and its people's unread counts: a query of one line of JSON. */
const STATE = `SELECT json_build_object(
    'cohortPosts', (SELECT json_object_agg(code, posts_version) FROM cohorts WHERE institution_id IN ${MINE}),
    'cohortPlans', (SELECT json_object_agg(code, plans_version) FROM cohorts WHERE institution_id IN ${MINE}),
    'blogs', (SELECT json_object_agg(${NAME}, b.posts_version) FROM blogs b JOIN users u ON u.id = b.owner_id
               WHERE u.institution_id IN ${MINE}),
    'pageBlocks', (SELECT json_object_agg(title, blocks_version) FROM portfolio_pages WHERE institution_id IN ${MINE}),
    'pageChanged', (SELECT json_object_agg(title, updated_at) FROM portfolio_pages WHERE institution_id IN ${MINE}),
    'planActivity', (SELECT json_object_agg(title, activity_version) FROM plans WHERE institution_id IN ${MINE}),
    'planChanged', (SELECT json_object_agg(title, updated_at) FROM plans WHERE institution_id IN ${MINE}),
    'leadership', (SELECT json_object_agg(${NAME}, p.revision) FROM leadership_plans p JOIN users u ON u.id = p.owner_id
                    WHERE p.institution_id IN ${MINE}),
    'unread', (SELECT json_object_agg(${NAME}, u.unread_notifications) FROM users u WHERE u.institution_id IN ${MINE}))`;
const state = () => JSON.parse(psql(STATE));

/** The keys of section whose value differs between two states (or that appeared), sorted. */
function changed(was, now, section) {
  const a = was[section] ?? {}, b = now[section] ?? {};
  return Object.keys(b).filter((k) => a[k] !== b[k]).sort();
}

/**
 * Runs sql (statements that print nothing) between two readings of the
 * state, in one psql, each statement its own transaction as the app's are;
 * returns which keys of each section it changed: {section: [keys]}, empty
 * sections left out.
 */
function effect(sql) {
  const out = psqlScript(`${STATE};\n${sql};\n${STATE};\n`).split('\n');
  const was = JSON.parse(out[0]), now = JSON.parse(out[out.length - 1]);
  const keys = Object.keys(now).map((section) => [section, changed(was, now, section)]);
  return Object.fromEntries(keys.filter(([, k]) => k.length));
}

/** Each person of this copy whose kept unread count is not the number of their unread notifications. */
const wrongCounts = () => rows(`SELECT u.username, u.unread_notifications AS kept,
                                       (SELECT count(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS real
                                  FROM users u WHERE u.institution_id IN ${MINE}`)
  .filter((r) => r.kept !== r.real);

const id = (name) => `(SELECT id FROM users WHERE username = '${user(name)}')`;
const cohort = (code) => `(SELECT id FROM cohorts WHERE code = '${code}' AND institution_id = ${INST})`;
const plan = (name) => `(SELECT id FROM plans WHERE learner_id = ${id(name)})`;
const leadershipPlan = (name) => `(SELECT id FROM leadership_plans WHERE owner_id = ${id(name)})`;
const page = (title) => `(SELECT id FROM portfolio_pages WHERE title = '${title}' AND institution_id = ${INST})`;

describe('versions and counters after statements of many rows', () => {
  before(() => {
    // Three pages of Amira's, two showing a piece of evidence each and one
    // a text block, and two pieces of evidence.
    psql(`WITH e AS (INSERT INTO evidence (institution_id, owner_id, kind, title)
                     SELECT ${INST}, ${id('amira')}, 'text', t FROM unnest(ARRAY['Bulk one', 'Bulk two']) t
                     RETURNING id, title),
               p AS (INSERT INTO portfolio_pages (institution_id, owner_id, title)
                     SELECT ${INST}, ${id('amira')}, t FROM unnest(ARRAY['Bulk A', 'Bulk B', 'Bulk C']) t
                     RETURNING id, title)
          INSERT INTO page_blocks (page_id, institution_id, position, evidence_id, text_md, text_html)
          SELECT p.id, ${INST}, 1, e.id, '', '' FROM p JOIN e ON (p.title, e.title) IN (('Bulk A', 'Bulk one'), ('Bulk B', 'Bulk two'))
          UNION ALL SELECT p.id, ${INST}, 1, NULL, 'Words', '<p>Words</p>' FROM p WHERE p.title = 'Bulk C'`);
  });

  test('members added, moved and removed: each cohort concerned gets new versions, and no other', () => {
    // David and Maria (staff) join two cohorts, in one statement.
    let e = effect(`INSERT INTO memberships (cohort_id, user_id, institution_id, role)
                    SELECT c, u, ${INST}, 'tutor' FROM unnest(ARRAY[${cohort('ACC-HLTH')}, ${cohort('PSY-Y13')}]) c,
                                                    unnest(ARRAY[${id('david')}, ${id('maria')}]) u`);
    assert.deepEqual(e.cohortPosts, ['ACC-HLTH', 'PSY-Y13']);
    assert.deepEqual(e.cohortPlans, ['ACC-HLTH', 'PSY-Y13']);
    // David moves from ACC-HLTH to ENG3-A: both change.
    e = effect(`UPDATE memberships SET cohort_id = ${cohort('ENG3-A')}
                 WHERE user_id = ${id('david')} AND cohort_id = ${cohort('ACC-HLTH')}`);
    assert.deepEqual(e.cohortPosts, ['ACC-HLTH', 'ENG3-A']);
    assert.deepEqual(e.cohortPlans, ['ACC-HLTH', 'ENG3-A']);
    // Both leave all three.
    e = effect(`DELETE FROM memberships WHERE user_id IN (${id('david')}, ${id('maria')})`);
    assert.deepEqual(e.cohortPosts, ['ACC-HLTH', 'ENG3-A', 'PSY-Y13']);
    assert.deepEqual(e.cohortPlans, ['ACC-HLTH', 'ENG3-A', 'PSY-Y13']);
    // Nothing else moved: blogs, pages, plans and plans' lists are not about members.
    assert.deepEqual(Object.keys(e).sort(), ['cohortPlans', 'cohortPosts']);
  });

  test('a cohort gets one new version for hundreds of members added in one statement', () => {
    // Other test files take numbers from the same sequence meanwhile, but
    // nowhere near 300: a version per member would take 300.
    psql(`INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
          SELECT institution_id, course_id, 'BULK-300', 'Bulk 300', '2026/27' FROM cohorts
           WHERE id = ${cohort('ENG3-A')};
          INSERT INTO users (institution_id, username, display_name, email, roles)
          SELECT ${INST}, 'bulk' || g || '.${college.tag}', 'Bulk ' || g, 'bulk' || g || '@example.ac.uk', 1
            FROM generate_series(1, 300) g`);
    const version = () => Number(psql(`SELECT plans_version FROM cohorts WHERE id = ${cohort('BULK-300')}`));
    const was = version();
    psql(`INSERT INTO memberships (cohort_id, user_id, institution_id, role)
          SELECT ${cohort('BULK-300')}, id, institution_id, 'learner' FROM users
           WHERE username LIKE 'bulk%.${college.tag}'`);
    const now = version();
    assert.ok(now > was && now - was < 300, `plans_version went from ${was} to ${now}`);
  });

  test('posts written, edited and removed by two authors: their blogs and cohorts, and no other', () => {
    const posts = ids(`INSERT INTO posts (institution_id, author_id, year, month, slug, title, status, visibility)
                       SELECT ${INST}, a, 2026, 9, 'bulk-post', 'Bulk post', 'draft', 'private'
                         FROM unnest(ARRAY[${id('jack')}, ${id('liam')}]) a RETURNING id`);
    assert.equal(posts.length, 2);
    for (const sql of [`INSERT INTO posts (institution_id, author_id, year, month, slug, title, status, visibility)
                        SELECT ${INST}, a, 2026, 10, 'bulk-post', 'Bulk post', 'draft', 'private'
                          FROM unnest(ARRAY[${id('jack')}, ${id('liam')}]) a`,
                       `UPDATE posts SET title = 'Bulk post, edited' WHERE id IN (${posts})`,
                       `DELETE FROM posts WHERE slug = 'bulk-post' AND author_id IN (${id('jack')}, ${id('liam')})`]) {
      const e = effect(sql);
      assert.deepEqual(e.blogs, ['jack', 'liam'], sql);
      assert.deepEqual(e.cohortPosts, ['ACC-HLTH', 'ENG3-A'], sql);
      assert.deepEqual(Object.keys(e).sort(), ['blogs', 'cohortPosts'], sql);
    }
  });

  test('people renamed: their blogs, cohorts and leadership plans; other columns change nothing', () => {
    let e = effect(`UPDATE users SET display_name = display_name || ' B'
                     WHERE id IN (${id('jack')}, ${id('sofia')}, ${id('david')})`);
    assert.deepEqual(e.blogs, ['david', 'jack', 'sofia']); // David's blog row is made
    assert.deepEqual(e.cohortPosts, ['ENG3-A', 'PSY-Y13']);
    assert.deepEqual(e.cohortPlans, ['ENG3-A', 'PSY-Y13']);
    assert.deepEqual(e.leadership, ['david']);
    e = effect(`UPDATE users SET bio = 'Bulk bio', pronouns = 'they/them'
                 WHERE id IN (${id('jack')}, ${id('sofia')}, ${id('david')})`);
    assert.deepEqual(e, {});
    // New line managers (names and departments the same): those people's
    // leadership plans only.
    e = effect(`UPDATE users SET line_manager_id = ${id('david')} WHERE id IN (${id('maria')}, ${id('owen')})`);
    assert.deepEqual(e, { leadership: ['maria', 'owen'] });
    // Suspending and reinstating someone changes what lists show.
    e = effect(`UPDATE users SET status = 'suspended' WHERE id = ${id('liam')}`);
    assert.deepEqual(e.blogs, ['liam']);
    assert.deepEqual(e.cohortPosts, ['ACC-HLTH']);
    assert.deepEqual(e.cohortPlans, ['ACC-HLTH']);
    psql(`UPDATE users SET status = 'active' WHERE id = ${id('liam')}`);
  });

  test('blocks added, changed and removed on several pages: those pages, and no other', () => {
    let e = effect(`INSERT INTO page_blocks (page_id, institution_id, position, text_md, text_html)
                    SELECT p, ${INST}, 2, 'More', '<p>More</p>' FROM unnest(ARRAY[${page('Bulk A')}, ${page('Bulk B')}]) p`);
    assert.deepEqual(e.pageBlocks, ['Bulk A', 'Bulk B']);
    assert.deepEqual(e.pageChanged, ['Bulk A', 'Bulk B']);
    e = effect(`UPDATE page_blocks SET text_md = 'Changed', text_html = '<p>Changed</p>'
                 WHERE page_id IN (${page('Bulk A')}, ${page('Bulk C')}) AND evidence_id IS NULL`);
    assert.deepEqual(e.pageBlocks, ['Bulk A', 'Bulk C']);
    assert.deepEqual(e.pageChanged, ['Bulk A', 'Bulk C']);
    e = effect(`DELETE FROM page_blocks WHERE page_id = ${page('Bulk B')} AND position = 2`);
    assert.deepEqual(e.pageBlocks, ['Bulk B']);
    assert.deepEqual(e.pageChanged, ['Bulk B']);
    assert.deepEqual(Object.keys(e).sort(), ['pageBlocks', 'pageChanged']);
  });

  test('evidence edited: the pages showing it get new blocks, their "last changed" stays', () => {
    const e = effect(`UPDATE evidence SET title = title || ' (edited)'
                       WHERE owner_id = ${id('amira')} AND title IN ('Bulk one', 'Bulk two')`);
    assert.deepEqual(e.pageBlocks, ['Bulk A', 'Bulk B']);
    assert.deepEqual(Object.keys(e), ['pageBlocks']);
  });

  test('comments and statuses on two plans: those plans\' activity and their cohorts\' lists of plans', () => {
    let e = effect(`INSERT INTO plan_comments (plan_id, institution_id, author_id, side, version, body)
                    SELECT p.id, p.institution_id, p.learner_id, 'learner', p.latest_version, 'Bulk comment ' || n
                      FROM plans p, generate_series(1, 3) n WHERE p.id IN (${plan('amira')}, ${plan('liam')})`);
    const titles = rows(`SELECT title FROM plans WHERE id IN (${plan('amira')}, ${plan('liam')}) ORDER BY title`)
      .map((r) => r.title);
    assert.deepEqual(e.planActivity, titles);
    assert.deepEqual(e.planChanged, titles);
    assert.deepEqual(e.cohortPlans, ['ACC-HLTH', 'ENG3-A']);
    assert.deepEqual(Object.keys(e).sort(), ['cohortPlans', 'planActivity', 'planChanged']);
    e = effect(`INSERT INTO plan_goal_updates (plan_id, goal_key, status, author_id, side)
                SELECT ${plan('liam')}, k, 'in_progress', ${id('liam')}, 'learner'
                  FROM unnest(ARRAY['0123456789ab', 'ba9876543210']) k`);
    const liams = psql(`SELECT title FROM plans WHERE id = ${plan('liam')}`);
    assert.deepEqual(e.planActivity, [liams]);
    assert.deepEqual(e.cohortPlans, ['ACC-HLTH']);
    e = effect(`DELETE FROM plan_comments WHERE body LIKE 'Bulk comment %' AND plan_id = ${plan('amira')}`);
    assert.deepEqual(e.planActivity, titles.filter((t) => t !== liams));
    assert.deepEqual(e.cohortPlans, ['ENG3-A']);
  });

  test('notifications made, read, unread and removed many at once: every unread count stays exact', () => {
    const made = ids(`INSERT INTO notifications (institution_id, user_id, kind, subject, link, read_at)
                      SELECT ${INST}, u, k, 'Bulk ' || k, '/notifications', r
                        FROM (VALUES (${id('amira')}, 'message', NULL::timestamptz), (${id('amira')}, 'share', NULL),
                                     (${id('amira')}, 'share', now()), (${id('jack')}, 'share', NULL),
                                     (${id('jack')}, 'message', NULL), (${id('jack')}, 'comment', NULL)) v(u, k, r)
                      RETURNING id`);
    assert.equal(made.length, 6);
    assert.deepEqual(wrongCounts(), []);
    // Messages are emailed at once unless one chose otherwise; shares and
    // comments wait for the digest.
    assert.deepEqual(rows(`SELECT ${NAME} AS who, o.category FROM outbox o JOIN users u ON u.id = o.user_id
                            WHERE o.notification_id IN (${made}) ORDER BY o.notification_id`),
      [{ who: 'amira', category: 'messages' }, { who: 'jack', category: 'messages' }]);
    // One statement reads some and unreads others, of two people.
    psql(`UPDATE notifications SET read_at = CASE WHEN read_at IS NULL THEN now() END
           WHERE id IN (${made}) AND (user_id = ${id('amira')} OR kind = 'share')`);
    assert.deepEqual(wrongCounts(), []);
    // Columns other than read_at leave the counts alone.
    const counts = state().unread;
    psql(`UPDATE notifications SET subject = subject || '!' WHERE id IN (${made})`);
    assert.deepEqual(state().unread, counts);
    assert.deepEqual(wrongCounts(), []);
    psql(`UPDATE notifications SET read_at = now() WHERE user_id IN (${id('amira')}, ${id('jack')}) AND read_at IS NULL`);
    assert.deepEqual(wrongCounts(), []);
    psql(`UPDATE notifications SET read_at = NULL WHERE id IN (${made})`);
    assert.deepEqual(wrongCounts(), []);
    psql(`DELETE FROM notifications WHERE id IN (${made})`);
    assert.deepEqual(wrongCounts(), []);
  });

  test('messages sent several at once: the thread moves to the newest, each sender has read their own', () => {
    const thread = psql(`SELECT t.id FROM threads t JOIN thread_members m ON m.thread_id = t.id
                          WHERE m.user_id = ${id('sofia')} AND t.subject = 'Mock interview'`);
    const count = Number(psql(`SELECT message_count FROM threads WHERE id = ${thread}`));
    const sent = ids(`INSERT INTO messages (thread_id, institution_id, author_id, body_md, body_html)
                      SELECT ${thread}, ${INST}, a, 'Bulk ' || n, '<p>Bulk</p>'
                        FROM (VALUES (1, ${id('sofia')}), (2, ${id('tom')}), (3, ${id('sofia')})) v(n, a)
                       ORDER BY n RETURNING id`).map(Number);
    assert.equal(sent.length, 3);
    const [t] = rows(`SELECT last_message_id, last_message_at = (SELECT created_at FROM messages WHERE id = last_message_id) AS at_newest,
                             message_count FROM threads WHERE id = ${thread}`);
    assert.deepEqual(t, { last_message_id: Math.max(...sent), at_newest: true, message_count: count + 3 });
    assert.deepEqual(rows(`SELECT ${NAME} AS who, m.last_read_id FROM thread_members m JOIN users u ON u.id = m.user_id
                            WHERE m.thread_id = ${thread} ORDER BY 1`),
      [{ who: 'sofia', last_read_id: sent[2] }, { who: 'tom', last_read_id: sent[1] }]);
  });

  test('leadership: goals, review actions and invitations for several plans give those plans new revisions', () => {
    let e = effect(`INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
                                                  relevant, due_on)
                    SELECT p, ${INST}, 'Bulk goal', 'S', 'M', 'A', 'R', current_date + 30
                      FROM unnest(ARRAY[${leadershipPlan('maria')}, ${leadershipPlan('owen')}]) p`);
    assert.deepEqual(e.leadership, ['maria', 'owen']);
    e = effect(`UPDATE leadership_goals SET status = 'in_progress' WHERE title = 'Bulk goal' AND plan_id = ${leadershipPlan('owen')}`);
    assert.deepEqual(e.leadership, ['owen']);
    e = effect(`INSERT INTO leadership_review_actions (review_id, institution_id, position, description, owner_id, due_on)
                SELECT r.id, r.institution_id, 100 + n, 'Bulk action', ${id('gareth')}, current_date + 7
                  FROM leadership_reviews r, generate_series(1, 2) n WHERE r.plan_id = ${leadershipPlan('gareth')}`);
    assert.deepEqual(e.leadership, ['gareth']);
    e = effect(`DELETE FROM leadership_review_actions WHERE description = 'Bulk action'
                   AND review_id IN (SELECT id FROM leadership_reviews WHERE plan_id = ${leadershipPlan('gareth')})`);
    assert.deepEqual(e.leadership, ['gareth']);
    e = effect(`INSERT INTO feedback_invitations (round_id, invitee_id, institution_id)
                SELECT r.id, u, r.institution_id FROM feedback_rounds r, unnest(ARRAY[${id('ruth')}, ${id('kwame')}]) u
                 WHERE r.plan_id = ${leadershipPlan('david')}
                   AND NOT EXISTS (SELECT 1 FROM feedback_invitations i WHERE i.round_id = r.id AND i.invitee_id = u)`);
    assert.deepEqual(e.leadership, ['david']);
    e = effect(`DELETE FROM leadership_goals WHERE title = 'Bulk goal' AND plan_id IN (${leadershipPlan('maria')}, ${leadershipPlan('owen')})`);
    assert.deepEqual(e.leadership, ['maria', 'owen']);
    assert.deepEqual(Object.keys(e), ['leadership']);
  });

  test('a statement that writes no rows changes nothing and does not fail', () => {
    const none = 'WHERE false';
    const e = effect(`
      INSERT INTO memberships SELECT * FROM memberships ${none};
      UPDATE memberships SET role = role ${none}; DELETE FROM memberships ${none};
      INSERT INTO posts (institution_id, author_id, year, month, slug, title, status, visibility)
        SELECT institution_id, author_id, year, month, slug, title, status, visibility FROM posts ${none};
      UPDATE posts SET title = title ${none}; DELETE FROM posts ${none};
      UPDATE users SET display_name = display_name ${none};
      UPDATE evidence SET title = title ${none};
      INSERT INTO page_blocks (page_id, institution_id, position) SELECT page_id, institution_id, position FROM page_blocks ${none};
      UPDATE page_blocks SET position = position ${none}; DELETE FROM page_blocks ${none};
      INSERT INTO plans (institution_id, learner_id, title, created_by)
        SELECT institution_id, learner_id, title, created_by FROM plans ${none};
      UPDATE plans SET title = title ${none}; DELETE FROM plans ${none};
      UPDATE plan_comments SET body = body ${none}; DELETE FROM plan_comments ${none};
      UPDATE plan_reviews SET notes = notes ${none}; DELETE FROM plan_goal_updates ${none};
      INSERT INTO notifications (institution_id, user_id, kind, subject, link)
        SELECT institution_id, user_id, kind, subject, link FROM notifications ${none};
      UPDATE notifications SET read_at = now() ${none}; DELETE FROM notifications ${none};
      INSERT INTO messages (thread_id, institution_id, author_id, body_md, body_html)
        SELECT thread_id, institution_id, author_id, body_md, body_html FROM messages ${none};
      UPDATE leadership_goals SET title = title ${none}; DELETE FROM leadership_reflections ${none};
      UPDATE leadership_review_actions SET done_at = now() ${none}; DELETE FROM feedback_invitations ${none};
      UPDATE feedback_rounds SET prompt = prompt ${none}; DELETE FROM leadership_shares ${none};
      UPDATE profile_results SET notes = notes ${none}; DELETE FROM leadership_evidence ${none};
      UPDATE leadership_activities SET title = title ${none}; DELETE FROM leadership_reviews ${none}`);
    assert.deepEqual(e, {});
    assert.deepEqual(wrongCounts(), []);
  });

  test('no trigger runs after each row: a bulk write touches each version once, not once a row', () => {
    // DESIGN.md: per-row triggers that update one shared row make bulk
    // writes quadratic. Checks before each row (which write nothing) and
    // the database's own (foreign keys) are not of that kind.
    assert.deepEqual(rows(`SELECT tgrelid::regclass::text AS "table", tgname AS name FROM pg_trigger
                            WHERE NOT tgisinternal AND tgtype & 1 = 1 AND tgtype & (2 | 64) = 0`), []);
  });
});
