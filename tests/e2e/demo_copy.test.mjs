// `tandem demo --copy TAG`: the copies of the demo colleges every test file
// stands on (lib/college.mjs). A copy must be the whole demo, and only its
// own: if the demo's SQL found a row by a name alone (a course code, a post's
// slug) instead of by its college, a copy would link to another copy's rows
// or miss some of its own, and test files running side by side would meet.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness } from './lib/browser.mjs';
import { college, user } from './lib/college.mjs';
import { psql, rows } from './lib/db.mjs';
import { tandem } from './lib/env.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

/** Rows of every table with an institution_id, for the copy TAG's two colleges: {table: count}. */
function rowsOf(tag) {
  const tables = psql(`SELECT c.table_name FROM information_schema.columns c
                         JOIN information_schema.tables t USING (table_schema, table_name)
                        WHERE c.table_schema = 'public' AND c.column_name = 'institution_id'
                          AND t.table_type = 'BASE TABLE' ORDER BY 1`).split('\n');
  const count = (table) => `('${table}', (SELECT count(*) FROM ${table} WHERE institution_id IN
                              (SELECT id FROM institutions WHERE slug IN ('${tag}', '${tag}-north'))))`;
  return JSON.parse(psql(`SELECT json_object_agg(t, n) FROM (VALUES ${tables.map(count).join(', ')}) v(t, n)`));
}

describe('a copy of the demo colleges', () => {
  const second = `${college.tag}-b`;

  test('a second copy is the same demo, row for row, in every college table', () => {
    const r = tandem(['demo', '--copy', second]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`loaded as the colleges ${second} and ${second}-north`));
    const mine = rowsOf(college.tag), theirs = rowsOf(second);
    assert.ok(mine.users > 20 && mine.posts > 0 && mine.polls > 0 && mine.leadership_plans > 0,
      `the copy holds the demo: ${JSON.stringify(mine)}`);
    assert.deepEqual(theirs, mine);
  });

  test('nothing in a copy points into another college', () => {
    // Each row's college agrees with the college of the person it belongs to.
    const strays = rows(`SELECT 'membership' AS what, m.user_id AS id FROM memberships m JOIN users u ON u.id = m.user_id
                          WHERE m.institution_id <> u.institution_id
                         UNION ALL SELECT 'cohort', c.id FROM cohorts c JOIN courses co ON co.id = c.course_id
                          WHERE c.institution_id <> co.institution_id
                         UNION ALL SELECT 'comment', x.id FROM comments x JOIN posts p ON p.id = x.post_id
                           JOIN users a ON a.id = x.author_id
                          WHERE x.institution_id <> p.institution_id OR a.institution_id <> p.institution_id
                         UNION ALL SELECT 'poll cohort', pc.poll_id FROM poll_cohorts pc JOIN cohorts c ON c.id = pc.cohort_id
                          WHERE pc.institution_id <> c.institution_id`);
    assert.deepEqual(strays, []);
  });

  test('its people sign in by their names in the copy, with the demo password', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'amira', 'tandem-demo', { real: true });
    assert.match(await page.locator('footer').innerText(), new RegExp(`\\(${user('amira').replace('.', '\\.')}\\)`));
    assert.equal(psql(`SELECT email FROM users WHERE username = '${user('amira')}'`),
      `amira+${college.tag}@riverside.example`);
    await page.context().close();
  });

  test('the same copy again is refused and changes nothing', () => {
    const before = rowsOf(second);
    const r = tandem(['demo', '--copy', second]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`a copy called ${second} is loaded already`));
    assert.deepEqual(rowsOf(second), before);
  });

  test('a tag that cannot name a college is refused, saying what a tag may be', () => {
    for (const bad of ['Capitals', '-dash', 'x', 'a'.repeat(35), 'dot.ted']) {
      const r = tandem(['demo', '--copy', bad]);
      assert.equal(r.code, 2, bad);
      assert.match(r.err, /TAG: 2 to 34 lower-case letters, digits and hyphens/);
    }
  });
});
