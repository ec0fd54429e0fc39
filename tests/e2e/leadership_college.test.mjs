// The college's leadership view against a senior leader who may read some
// plans anyway: her own, her reports' (line manager) and those shared with
// her. Before, a department of 4 plans, 3 of which she reads, was a row of
// its own: she took the 3 away from its figures and had the 4th person's
// plan. Now only the plans she cannot read count towards the 3 a row needs,
// a group too small even when merged is left out of every figure (totals
// too), and themes and kinds of activity follow the same rule, with an
// "other" row made big enough that nothing is left to subtract. A leader who
// reads none of them sees those rows. Every page visited is checked by
// axe-core and saved for the Nu checker.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness } from './lib/browser.mjs';
import { college, user } from './lib/college.mjs';
import { clearLoginFailures, collegeId, ids, psql } from './lib/db.mjs';

const h = harness(import.meta.url);
const RUN = Date.now().toString(36).slice(-6);
// Academic years no one else uses (leadership_admin.test.mjs takes 2099 to
// 2900), so that the figures for them are this file's alone; cleared first
// in this file's college, in case it had plans for them.
const START = 3000 + (Date.now() % 250) * 4;
const yearOf = (start) => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
const ATTACK = yearOf(START);
const MERGED = yearOf(START + 1);
const FEW = yearOf(START + 2);
const UNTHEMED = yearOf(START + 3);

const dept = (x) => `Dept ${x} ${RUN}`;
const theme = (x) => `${x} ${RUN}`;

/** A member of staff at this file's Riverside who can sign in with the
 *  demo password: username lc-RUN-name, made this file's by user(). */
function person(name, { department, roles = 2 | 4, manager = null }) {
  return ids(`INSERT INTO users (institution_id, username, display_name, email, roles, department,
                                 line_manager_id, password_hash)
              SELECT i.id, '${user(`lc-${RUN}-${name}`)}', 'Person ${name}', '${college.email('lc')}', ${roles},
                     '${department}', ${manager ?? 'NULL'},
                     (SELECT password_hash FROM users WHERE username = '${user('helen')}')
                FROM institutions i WHERE i.slug = '${college.slug}' RETURNING id`)[0];
}
const plan = (owner, year) => ids(`INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
                                   SELECT institution_id, id, '${year}' FROM users WHERE id = ${owner}
                                   RETURNING id`)[0];
function goal(planId, status, due, themeName) {
  psql(`INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
          relevant, due_on, theme_id, status)
        SELECT p.id, p.institution_id, 'Secret goal ${RUN}', 's', 'm', 'a', 'r', '${due}',
               ${themeName ? `(SELECT id FROM leadership_themes
                                WHERE name = '${themeName}' AND institution_id = p.institution_id)` : 'NULL'},
               '${status}'
          FROM leadership_plans p WHERE p.id = ${planId}`);
}
function activity(planId, kind) {
  psql(`INSERT INTO leadership_activities (plan_id, institution_id, kind, title)
        SELECT id, institution_id, '${kind}', 'Secret activity ${RUN}' FROM leadership_plans WHERE id = ${planId}`);
}
function review(planId) {
  psql(`INSERT INTO leadership_reviews (plan_id, institution_id, held_on, agenda, notes_md, notes_html,
          author_id, manager_id)
        SELECT p.id, p.institution_id, current_date, 'a', 'n', '<p>n</p>', p.owner_id, p.owner_id
          FROM leadership_plans p WHERE p.id = ${planId}`);
}
const share = (planId, user) => psql(`INSERT INTO leadership_shares (plan_id, user_id, institution_id)
  SELECT id, ${user}, institution_id FROM leadership_plans WHERE id = ${planId}`);

// lead: the senior leader who may read some plans ("other" reads none).
let lead;
const people = {};

before(async () => {
  psql(`DELETE FROM leadership_plans WHERE institution_id = ${collegeId()}
          AND academic_year IN ('${ATTACK}', '${MERGED}', '${FEW}', '${UNTHEMED}')`);
  clearLoginFailures();
  psql(`INSERT INTO leadership_themes (institution_id, name)
        SELECT id, n FROM institutions,
               unnest(ARRAY['${theme('Common')}', '${theme('Second')}', '${theme('Rare')}', '${theme('Pair')}']) n
         WHERE slug = '${college.slug}'`);
  lead = person('lead', { department: dept('S'), roles: 2 | 8 });
  person('other', { department: 'Senior leadership', roles: 2 | 8 });
  // S: s1 and s2 report to lead, s3 will share a plan with her, s4 nothing.
  for (const s of ['s1', 's2']) people[s] = person(s, { department: dept('S'), manager: lead });
  for (const s of ['s3', 's4']) people[s] = person(s, { department: dept('S') });
  for (const x of ['b1', 'b2', 'b3', 't1', 't2', 'f1', 'f2', 'f3', 'n1', 'n2', 'n3']) {
    people[x] = person(x, { department: dept(x[0].toUpperCase()) });
  }

  // ATTACK: B has 3 plans nobody reads; S has 4, of which lead reads 3.
  // s4's plan is the secret: two overdue goals on a theme no one else
  // uses, a kind of activity no one else does, a review.
  const b = ['b1', 'b2', 'b3'].map((x) => plan(people[x], ATTACK));
  for (const p of b) {
    goal(p, 'in_progress', '2999-01-01', theme('Common'));
    goal(p, 'achieved', '2999-01-01', theme('Second'));
    activity(p, 'course');
    activity(p, 'reading');
  }
  goal(b[0], 'achieved', '2999-01-01', theme('Common'));
  activity(b[0], 'course');
  const s = ['s1', 's2', 's3'].map((x) => plan(people[x], ATTACK));
  share(s[2], lead);
  for (const p of s) {
    goal(p, 'achieved', '2999-01-01', theme('Common'));
    activity(p, 'course');
  }
  const s4 = plan(people.s4, ATTACK);
  goal(s4, 'not_started', '2000-01-01', theme('Rare'));
  goal(s4, 'not_started', '2000-01-01', theme('Rare'));
  activity(s4, 'shadowing');
  review(s4);

  // MERGED: B has 3 plans; S has lead's own, s1's and s2's, s3's (shared
  // with her) and s4's; T has 2. For lead, S and T each have fewer than 3
  // plans she cannot read, but together 3 (s4, t1, t2): one merged row.
  // b1 and b2 have a goal on Pair, a theme of 2 plans.
  for (const x of ['b1', 'b2', 'b3']) {
    const p = plan(people[x], MERGED);
    goal(p, 'in_progress', '2999-01-01', theme('Common'));
    if (x !== 'b3') goal(p, 'dropped', '2999-01-01', theme('Pair'));
    activity(p, 'course');
  }
  for (const x of ['lead', 's1', 's2', 's3', 's4']) {
    const p = plan(x === 'lead' ? lead : people[x], MERGED);
    if (x === 's3') share(p, lead);
    goal(p, 'achieved', '2999-01-01', theme(x === 's4' ? 'Second' : 'Common'));
    activity(p, 'course');
  }
  for (const x of ['t1', 't2']) {
    const p = plan(people[x], MERGED);
    goal(p, 'in_progress', '2000-01-01', theme('Second'));
    activity(p, 'course');
    review(p);
  }

  // FEW: F has 3 plans, and only f1's has goals and activities: too few
  // plans to say which themes or kinds they are.
  const f = ['f1', 'f2', 'f3'].map((x) => plan(people[x], FEW));
  goal(f[0], 'achieved', '2999-01-01', theme('Rare'));
  activity(f[0], 'shadowing');

  // UNTHEMED: N has 3 plans, each with goals on no theme and on Common;
  // n1's also on Rare, and a second with no theme.
  const n = ['n1', 'n2', 'n3'].map((x) => plan(people[x], UNTHEMED));
  for (const p of n) {
    goal(p, 'in_progress', '2999-01-01', null);
    goal(p, 'in_progress', '2999-01-01', theme('Common'));
  }
  goal(n[0], 'in_progress', '2999-01-01', null);
  goal(n[0], 'in_progress', '2999-01-01', theme('Rare'));

  await h.launch();
});
after(() => h.close());

/** Every row of a table: its header cell, then its cells' text. */
const rows = (page, table) => page.locator(`${table} tbody tr`).evaluateAll((trs) =>
  trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
/** A table's rows by name, with their numbers (cells from `from` on). */
async function figures(page, table, from = 1) {
  return Object.fromEntries((await rows(page, table)).map((r) => [r[0], r.slice(from).map(Number)]));
}
const TOTAL = 'All departments shown';

/**
 * The college's totals are exactly the sum of the department rows shown
 * (nothing to subtract), and the themes' goals and the kinds' activities
 * add up to the college's goals and activities (no "other" left out).
 */
async function assertNothingToSubtract(page) {
  for (const [table, columns] of [['#goals-by-department', [1, 2, 3, 4, 5, 6]],
    ['#development-by-department', [1, 4]]]) {
    const all = await rows(page, table);
    const total = all.find((r) => r[0] === TOTAL);
    for (const c of columns) {
      const sum = all.filter((r) => r[0] !== TOTAL).reduce((n, r) => n + Number(r[c]), 0);
      assert.equal(sum, Number(total[c]), `${table}, column ${c}: the total is the sum of the rows`);
    }
  }
  const goals = (await figures(page, '#goals-by-department', 2))[TOTAL].slice(0, 4).reduce((a, b) => a + b);
  const activities = Number((await rows(page, '#development-by-department')).find((r) => r[0] === TOTAL)[1]);
  const sum = async (table) => Object.values(await figures(page, table)).reduce((n, [count]) => n + count, 0);
  if (await page.locator('#themes').count()) assert.equal(await sum('#themes'), goals, 'themes add up to the goals');
  if (await page.locator('#kinds').count()) assert.equal(await sum('#kinds'), activities, 'kinds add up to the activities');
}

async function signIn(username) {
  const page = await h.newPage();
  await h.signIn(page, `lc-${RUN}-${username}`);
  return page;
}
const show = (page, year) => h.visit(page, `/leadership/college?year=${encodeURIComponent(year)}`);
const flat = (texts) => texts.map((t) => t.replace(/\s+/g, ' ').trim());

describe('a senior leader cannot work out a plan from the ones she may read', () => {
  let page;
  before(async () => { page = await signIn('lead'); });
  after(() => page.context().close());

  test('she reads 3 of a department\'s 4 plans: it is in no row, and not in the totals', async () => {
    await show(page, ATTACK);
    const goals = await figures(page, '#goals-by-department');
    // Plans, not started, in progress, achieved, dropped, overdue: B alone;
    // s4's two overdue goals and its review are in no figure.
    assert.deepEqual(goals, { [dept('B')]: [3, 0, 3, 4, 0, 0], [TOTAL]: [3, 0, 3, 4, 0, 0] });
    const development = await rows(page, '#development-by-department');
    assert.deepEqual(flat(development.map((r) => r.join(' '))), [
      `${dept('B')} 7 Courses ${theme('Common')} 0`, `${TOTAL} 7 Courses ${theme('Common')} 0`]);
    await assertNothingToSubtract(page);
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, new RegExp(dept('S')), 'no row of S');
    assert.equal(await page.locator('#goals-by-department tbody tr', { hasText: 'Other departments' }).count(), 0,
      'nor a merged row with S in it');
    assert.doesNotMatch(main, new RegExp(`${theme('Rare')}|Shadowing|Secret|Person `), 's4\'s theme and kind are nowhere');
    // Themes and kinds count only B's plans.
    assert.deepEqual(flat(await page.locator('#themes tbody tr').allInnerTexts()),
      [`${theme('Common')} 4 3`, `${theme('Second')} 3 3`]);
    assert.deepEqual(flat(await page.locator('#kinds tbody tr').allInnerTexts()), ['Courses 4 3', 'Reading 3 3']);
    // What was left out, and why, in words.
    assert.equal(await page.locator('#left-out').innerText(),
      '4 plans are not counted anywhere on this page, not even in the college\'s totals. They are in ' +
      'departments that between them have fewer than 3 plans you cannot already read, and figures about ' +
      'so few people could tell whose plans they are.');
    assert.match(await page.locator('main').innerText(),
      /Plans you can already read \(your own, those of the people you line-manage and those shared with you\) do not count towards the 3/);
  });

  test('her small departments are merged into one row when together they have 3 plans she cannot read', async () => {
    await show(page, MERGED);
    const goals = await figures(page, '#goals-by-department');
    // S (5 plans, 4 she reads) and T (2): 7 plans, s4, t1 and t2 unknown to her.
    assert.deepEqual(goals, {
      [dept('B')]: [3, 0, 3, 0, 2, 0],
      'Other departments': [7, 0, 2, 5, 0, 2],
      [TOTAL]: [10, 0, 5, 5, 2, 2],
    });
    await assertNothingToSubtract(page);
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, new RegExp(`${dept('S')}|${dept('T')}`));
    assert.equal(await page.locator('#left-out').count(), 0, 'nothing left out');
    // Pair has 2 plans: alone in "Other themes" the college's 12 goals less
    // Common's 7 and Second's 3 would give Pair's 2, so Second (3 plans she
    // cannot read, the least common) is counted with it.
    assert.deepEqual(flat(await page.locator('#themes tbody tr').allInnerTexts()),
      [`${theme('Common')} 7 7`, 'Other themes, or none given 5 5']);
    assert.doesNotMatch(main, new RegExp(`${theme('Pair')}|${theme('Second')}`));
  });
});

describe('a senior leader who reads none of them', () => {
  let page;
  before(async () => { page = await signIn('other'); });
  after(() => page.context().close());

  test('sees the department of 4 plans as a row of its own', async () => {
    await show(page, ATTACK);
    const goals = await figures(page, '#goals-by-department');
    assert.deepEqual(goals, {
      [dept('B')]: [3, 0, 3, 4, 0, 0],
      [dept('S')]: [4, 2, 0, 3, 0, 2],
      [TOTAL]: [7, 2, 3, 7, 0, 2],
    });
    const reviews = (await rows(page, '#development-by-department')).map((r) => `${r[0]}: ${r[4]}`);
    assert.deepEqual(reviews, [`${dept('B')}: 0`, `${dept('S')}: 1`, `${TOTAL}: 1`]);
    await assertNothingToSubtract(page);
    assert.equal(await page.locator('#left-out').count(), 0);
  });

  test('a theme or kind of fewer than 3 plans is never a row, nor left to work out from the totals', async () => {
    await show(page, ATTACK);
    // Rare (s4's alone) is counted with the least common theme of 3 plans,
    // Second: else the college's 12 goals less Common's 7 and Second's 3
    // would give s4's 2. Shadowing likewise goes with Reading.
    assert.deepEqual(flat(await page.locator('#themes tbody tr').allInnerTexts()),
      [`${theme('Common')} 7 6`, 'Other themes, or none given 5 4']);
    assert.deepEqual(flat(await page.locator('#kinds tbody tr').allInnerTexts()),
      ['Courses 7 6', 'Other kinds 4 4']);
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, new RegExp(`${theme('Rare')}|${theme('Second')}|Shadowing|Reading`));
    // S's most common theme and kind are rows of those tables.
    const s = (await rows(page, '#development-by-department')).find((r) => r[0] === dept('S'));
    assert.deepEqual(s.slice(1, 4), ['4', 'Courses', theme('Common')]);
    await assertNothingToSubtract(page);
  });

  test('a department with 2 plans she cannot read, alone, is left out; a theme of 2 plans is no row', async () => {
    await show(page, MERGED);
    const goals = await figures(page, '#goals-by-department');
    assert.deepEqual(goals, {
      [dept('B')]: [3, 0, 3, 0, 2, 0],
      [dept('S')]: [5, 0, 0, 5, 0, 0],
      [TOTAL]: [8, 0, 3, 5, 2, 0],
    });
    await assertNothingToSubtract(page);
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(`${dept('T')}|${theme('Pair')}`));
    assert.match(await page.locator('#left-out').innerText(), /^2 plans are not counted anywhere on this page/);
    // Pair (b1, b2) and Second (s4; t1's and t2's are left out with T)
    // together have 3 plans.
    assert.deepEqual(flat(await page.locator('#themes tbody tr').allInnerTexts()),
      [`${theme('Common')} 7 7`, 'Other themes, or none given 3 3']);
  });

  test('with goals and activities in fewer than 3 plans, their themes and kinds are not shown, and it says why', async () => {
    await show(page, FEW);
    assert.deepEqual(await figures(page, '#goals-by-department'),
      { [dept('F')]: [3, 0, 0, 1, 0, 0], [TOTAL]: [3, 0, 0, 1, 0, 0] });
    assert.equal(await page.locator('#themes').count(), 0);
    assert.equal(await page.locator('#kinds').count(), 0);
    assert.doesNotMatch(await page.locator('main').innerText(), /add up to the totals/);
    assert.equal(await page.locator('#no-themes').innerText(), 'Not shown: fewer than 3 of the plans counted ' +
      'here that you cannot already read have goals, too few to say which themes they chose.');
    assert.equal(await page.locator('#no-kinds').innerText(), 'Not shown: fewer than 3 of the plans counted ' +
      'here that you cannot already read have activities, too few to say which kinds they chose.');
    const f = (await rows(page, '#development-by-department')).find((r) => r[0] === dept('F'));
    assert.deepEqual(f.slice(1), ['1', 'Not shown', 'Not shown', '0']);
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(`${theme('Rare')}|Shadowing`));
  });

  test('goals with no theme have a row of their own in 3 plans; the other row then says only "Other themes"', async () => {
    await show(page, UNTHEMED);
    // Rare (n1 alone) goes with Common, of as many plans as "no theme" but
    // fewer goals.
    assert.deepEqual(flat(await page.locator('#themes tbody tr').allInnerTexts()),
      ['No theme given 4 3', 'Other themes 4 3']);
    await assertNothingToSubtract(page);
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(`${theme('Rare')}|${theme('Common')}`));
  });
});
