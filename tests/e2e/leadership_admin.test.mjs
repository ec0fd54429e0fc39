// Leadership plans' settings and the college's leadership view, in the
// browser: an administrator adds instruments (scales or a type) and
// development themes, archives and restores them, and gives people a
// department; every bad input is refused on its field with what was typed
// kept and nothing saved. A senior leader sees the college's aggregates by
// department, with small departments merged and, when even the merged group
// is too small, its plans left out of every figure. Others answer 404.
// Every page visited is checked by axe-core and saved for the Nu checker.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, harness } from './lib/browser.mjs';
import { college, user } from './lib/college.mjs';
import { clearLoginFailures, collegeId, ids, psql } from './lib/db.mjs';

const h = harness(import.meta.url);
// Names and years unique to this run, so that a second run against the
// same database (or other tests' and the demo's plans) changes nothing here.
const RUN = Date.now().toString(36).slice(-6);
// An academic year no one else uses: the college view's figures for it are
// this file's alone.
const START = 2100 + (Date.now() % 800);
const YEAR = `${START}/${String((START + 1) % 100).padStart(2, '0')}`;
const NEXT = `${START + 1}/${String((START + 2) % 100).padStart(2, '0')}`;
// The year of a plan used only for a feedback round, kept out of the two above.
const OTHER = `${START - 1}/${String(START % 100).padStart(2, '0')}`;

// This file's Riverside (its copy of the demo's), whose administrator and
// leaders the tests are: every lookup below is scoped to it.
const COLLEGE = collegeId();
const instruments = () => Number(psql(`SELECT count(*) FROM instruments WHERE institution_id = ${COLLEGE}`));

before(async () => {
  clearLoginFailures();
  await h.launch();
});
after(() => h.close());

async function signIn(username) {
  const page = await h.newPage();
  await h.signIn(page, username);
  return page;
}

/** Clicks a button and waits for the page it leads to (after any redirect), checked by axe. */
async function press(page, name, label) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name }).click(),
  ]);
  h.saveHtml(label, await response.text());
  await assertAccessible(page, label);
  return response;
}

const csrfOf = (page) => page.locator('input[name=csrf_token]').first().inputValue();
const errorSummary = (page) => page.locator('.govuk-error-summary').innerText();
const banner = (page) => page.locator('.govuk-notification-banner').innerText();

describe('an administrator sets up the leadership plans', () => {
  let page;
  const SCALES = `Team roles ${RUN}`;
  const TYPE = `Type indicator ${RUN}`;
  before(async () => { page = await signIn('admin'); });
  after(() => page.context().close());

  test('the overview links to the leadership settings', async () => {
    await h.visit(page, '/admin');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Leadership plans' }).click()]);
    assert.equal(new URL(page.url()).pathname, '/admin/leadership');
    for (const heading of ['Instruments', 'Development themes', 'Departments']) {
      assert.equal(await page.getByRole('heading', { name: heading, exact: true }).count(), 1, heading);
    }
    assert.match(await page.locator('main').innerText(), /cannot be changed or removed once results use them/);
  });

  test('adds an instrument with scores on scales, for 360-degree feedback', async () => {
    await h.visit(page, '/admin/leadership/instruments/new');
    await page.getByLabel('Name', { exact: true }).fill(SCALES);
    await page.getByLabel(/Description/).fill('Nine roles people take in a team.');
    await page.getByLabel('Scores on scales').check();
    await page.getByLabel('Lowest score').fill('1');
    await page.getByLabel('Highest score').fill('5');
    await page.getByLabel(/Scales or types/).fill('  Plant\nCoordinator\n\nShaper  \nMonitor evaluator\n');
    await page.getByLabel(/Colleagues can answer it/).check();
    const response = await press(page, 'Add instrument', 'after adding a scales instrument');
    assert.equal(response.status(), 200);
    assert.match(await banner(page), /The instrument has been added/);
    const row = page.locator('#instruments-table tbody tr', { hasText: SCALES });
    assert.match(await row.innerText(),
      /Scores on scales, 1 to 5\s+Plant, Coordinator, Shaper, Monitor evaluator\s+Yes\s+0\s+In use/);
    assert.equal(psql(`SELECT string_agg(t.name, '|' ORDER BY t.position) FROM instrument_items t
                        JOIN instruments n ON n.id = t.instrument_id
                       WHERE n.name = '${SCALES}' AND n.institution_id = ${COLLEGE}`),
    'Plant|Coordinator|Shaper|Monitor evaluator', 'items trimmed, blank lines skipped, in order');
    assert.equal(psql(`SELECT kind || scale_min || '-' || scale_max || feedback FROM instruments
                        WHERE name = '${SCALES}' AND institution_id = ${COLLEGE}`), 'scales1-5true');
    assert.equal(psql(`SELECT count(*) FROM audit_log WHERE action = 'instrument_created'
                        AND institution_id = ${COLLEGE} AND detail LIKE '%${SCALES}%'`), '1');
  });

  test('adds an instrument that gives a type', async () => {
    await h.visit(page, '/admin/leadership/instruments/new');
    await page.getByLabel('Name', { exact: true }).fill(TYPE);
    await page.getByLabel('A type').check();
    await page.getByLabel(/Scales or types/).fill('Analyst\nDiplomat\nSentinel\nExplorer');
    await press(page, 'Add instrument', 'after adding a type instrument');
    const row = page.locator('#instruments-table tbody tr', { hasText: TYPE });
    assert.match(await row.innerText(), /A type\s+Analyst, Diplomat, Sentinel, Explorer\s+No\s+0/);
    assert.equal(psql(`SELECT kind || coalesce(scale_min::text, '-') FROM instruments
                        WHERE name = '${TYPE}' AND institution_id = ${COLLEGE}`), 'type-');
  });

  test('bad instruments are refused on their field, keeping what was typed, saving nothing', async () => {
    const good = { name: `Strengths ${RUN}`, description: 'kept', kind: 'scales',
      scale_min: '0', scale_max: '10', items: 'Drive\nFocus', feedback: '' };
    const many = Array.from({ length: 41 }, (_, i) => `Scale ${i + 1}`).join('\n');
    const cases = [
      [{ name: '' }, 'name', /Enter the instrument's name/],
      [{ name: SCALES }, 'name', new RegExp(`There is already an instrument called "${SCALES}"`)],
      [{ kind: '' }, 'kind', /Enter what a result gives/],
      [{ scale_min: '' }, 'scale_min', /Enter the lowest score, a whole number from 0 to 1000/],
      [{ scale_max: 'ten' }, 'scale_max', /The highest score must be a whole number from 0 to 1000/],
      [{ scale_min: '5', scale_max: '5' }, 'scale_max', /The highest score must be more than the lowest score/],
      [{ scale_min: '7', scale_max: '3' }, 'scale_max', /The highest score must be more than the lowest score/],
      [{ items: ' \n \n' }, 'items', /Enter the names of the scales, one per line/],
      [{ kind: 'type', items: '' }, 'items', /Enter the names of the types, one per line/],
      [{ items: many }, 'items', /There are 41 scales: an instrument can have up to 40/],
      [{ items: `Drive\n${'x'.repeat(81)}` }, 'items', /The scale on line 2 is 81 characters long: each scale can have up to 80/],
      [{ items: 'Drive\nFocus\ndrive' }, 'items', /"drive" is on more than one line/],
      [{ kind: 'type', feedback: 'yes' }, 'feedback', /Only an instrument with scores on scales can be answered in a 360-degree/],
    ];
    const before = instruments();
    for (const [change, field, message] of cases) {
      const fields = { ...good, ...change };
      await h.visit(page, '/admin/leadership/instruments/new');
      for (const name of ['name', 'description', 'scale_min', 'scale_max', 'items']) {
        await page.locator(`#${name}`).fill(fields[name]);
      }
      if (fields.kind) await page.locator(`input[name=kind][value=${fields.kind}]`).check();
      if (fields.feedback) await page.locator('#feedback').check();
      const response = await press(page, 'Add instrument', `after a bad instrument: ${field}`);
      assert.equal(response.status(), 400, JSON.stringify(change));
      const summary = await errorSummary(page);
      assert.match(summary, message, JSON.stringify(change));
      assert.equal(await page.locator('.govuk-error-summary a').getAttribute('href'), `#${field}`);
      assert.match(await page.locator(`#${field}-error`).innerText(), message);
      assert.equal(await page.title(), 'Error: Add an instrument – Administration – Tandem');
      // What was typed is still there.
      assert.equal(await page.locator('#name').inputValue(), fields.name);
      assert.equal(await page.locator('#description').inputValue(), 'kept');
      assert.equal(await page.locator('#items').inputValue(), fields.items.trim());
    }
    assert.equal(instruments(), before, 'nothing was saved');
  });

  test('archives an instrument and restores it; a second click records nothing', async () => {
    await h.visit(page, '/admin/leadership');
    await press(page, new RegExp(`^Archive\\s+${TYPE}$`), 'after archiving an instrument');
    assert.match(await banner(page), /The instrument has been archived/);
    const row = page.locator('#instruments-table tbody tr', { hasText: TYPE });
    assert.match(await row.innerText(), /Archived/);
    assert.equal(psql(`SELECT archived FROM instruments WHERE name = '${TYPE}' AND institution_id = ${COLLEGE}`), 't');
    const id = psql(`SELECT id FROM instruments WHERE name = '${TYPE}' AND institution_id = ${COLLEGE}`);
    await h.submit(page, `/admin/leadership/instruments/${id}/archive`, { csrf_token: await csrfOf(page) });
    assert.equal(psql(`SELECT count(*) FROM audit_log WHERE action = 'instrument_archived'
                        AND institution_id = ${COLLEGE} AND detail LIKE '%${TYPE}%'`), '1');
    await press(page, new RegExp(`^Restore\\s+${TYPE}$`), 'after restoring an instrument');
    assert.match(await banner(page), /The instrument has been restored/);
    assert.equal(psql(`SELECT archived FROM instruments WHERE name = '${TYPE}' AND institution_id = ${COLLEGE}`), 'f');
    // Another college's instrument, or none, answers 404.
    await h.submit(page, '/admin/leadership/instruments/999999999/archive',
      { csrf_token: await csrfOf(page) }, { expectStatus: 404 });
  });

  test('adds scales to an instrument until a 360-degree round has used it', async () => {
    await h.visit(page, '/admin/leadership');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: SCALES }).click()]);
    const path = new URL(page.url()).pathname;
    const id = path.split('/').pop();
    h.saveHtml('an instrument', await page.content());
    const items = () => page.locator('#items-list li').allInnerTexts();
    assert.deepEqual(await items(), ['Plant', 'Coordinator', 'Shaper', 'Monitor evaluator']);
    assert.match(await page.locator('main').innerText(), /cannot be changed or removed/);
    await page.getByLabel(/Add scales/).fill('Teamworker\n\nCompleter finisher');
    await press(page, 'Add scales', 'after adding scales');
    assert.match(await banner(page), /They have been added/);
    assert.deepEqual(await items(),
      ['Plant', 'Coordinator', 'Shaper', 'Monitor evaluator', 'Teamworker', 'Completer finisher']);
    assert.equal(psql(`SELECT string_agg(position || name, ',' ORDER BY position) FROM instrument_items
                        WHERE instrument_id = ${id}`),
    '1Plant,2Coordinator,3Shaper,4Monitor evaluator,5Teamworker,6Completer finisher');
    const count = () => psql(`SELECT count(*) FROM instrument_items WHERE instrument_id = ${id}`);
    const many = Array.from({ length: 35 }, (_, i) => `Extra ${i + 1}`).join('\n');
    for (const [typed, message] of [
      ['', /Enter the names of the scales to add, one per line/],
      ['Specialist\nplant', /"plant" is already one of its scales/],
      [many, /It has 6 scales already: with these 35 it would have 41, and an instrument can have up to 40/],
    ]) {
      await h.visit(page, path);
      await page.getByLabel(/Add scales/).fill(typed);
      const response = await press(page, 'Add scales', 'after bad scales');
      assert.equal(response.status(), 400);
      assert.match(await errorSummary(page), message);
      assert.equal(await page.getByLabel(/Add scales/).inputValue(), typed);
      assert.equal(count(), '6', 'nothing was saved');
    }
    // Once colleagues answered it in a round, its scales stay as they are.
    psql(`WITH u AS (INSERT INTO users (institution_id, username, display_name, email, roles)
                     SELECT id, '${user(`lv-${RUN}-fb`)}', 'F B', '${college.email('fb')}', 4 FROM institutions
                      WHERE slug = '${college.slug}' RETURNING id, institution_id),
               p AS (INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
                     SELECT institution_id, id, '${OTHER}' FROM u RETURNING id, institution_id)
          INSERT INTO feedback_rounds (plan_id, institution_id, instrument_id)
          SELECT id, institution_id, ${id} FROM p`);
    await h.visit(page, path);
    assert.match(await page.locator('.govuk-inset-text').innerText(),
      /No more can be added. It has been used in 360-degree feedback rounds/);
    assert.equal(await page.getByLabel(/Add scales/).count(), 0);
    await h.submit(page, `${path}/items`, { csrf_token: await csrfOf(page), items: 'Specialist' },
      { expectStatus: 409 });
    assert.match(await errorSummary(page), /its scales cannot change now/);
    assert.equal(count(), '6', 'nothing was saved');
    await h.visit(page, '/admin/leadership/instruments/999999999', { expectStatus: 404 });
  });

  test('adds development themes, refuses bad ones, archives and restores', async () => {
    const THEME = `Leading change ${RUN}`;
    await h.visit(page, '/admin/leadership');
    await page.getByLabel('Add a development theme').fill(THEME);
    await press(page, 'Add theme', 'after adding a theme');
    assert.match(await banner(page), /The development theme has been added/);
    assert.match(await page.locator('#themes-table tbody').innerText(), new RegExp(`${THEME}\\s+0\\s+In use`));
    const count = () => psql(`SELECT count(*) FROM leadership_themes WHERE institution_id = ${COLLEGE}`);
    const before = count();
    for (const [name, message] of [
      ['', /Enter the theme's name/],
      [THEME, new RegExp(`There is already a theme called "${THEME}"`)],
      ['x'.repeat(101), /The theme's name is too long/],
    ]) {
      await h.visit(page, '/admin/leadership');
      // past the box's maxlength, as a hand-made request could be
      await page.locator('#theme_name').evaluate((e) => e.removeAttribute('maxlength'));
      await page.getByLabel('Add a development theme').fill(name);
      const response = await press(page, 'Add theme', 'after a bad theme');
      assert.equal(response.status(), 400);
      assert.match(await errorSummary(page), message);
      assert.equal(await page.locator('.govuk-error-summary a').getAttribute('href'), '#theme_name');
      assert.equal(await page.getByLabel('Add a development theme').inputValue(), name);
    }
    assert.equal(count(), before, 'nothing was saved');
    await press(page, new RegExp(`^Archive\\s+${THEME}$`), 'after archiving a theme');
    assert.equal(psql(`SELECT archived FROM leadership_themes WHERE name = '${THEME}' AND institution_id = ${COLLEGE}`), 't');
    await press(page, new RegExp(`^Restore\\s+${THEME}$`), 'after restoring a theme');
    assert.equal(psql(`SELECT archived FROM leadership_themes WHERE name = '${THEME}' AND institution_id = ${COLLEGE}`), 'f');
  });

  test('gives a person a department, shown on their page and in the list', async () => {
    const username = user(`lv-${RUN}-dept`);
    const [id] = ids(`INSERT INTO users (institution_id, username, display_name, email, roles)
                     SELECT id, '${username}', 'Dee Partment', '${college.email(`lv-${RUN}-dept`)}', 2
                       FROM institutions WHERE slug = '${college.slug}' RETURNING id`);
    await h.visit(page, `/admin/users/${id}`);
    assert.match(await page.locator('.govuk-summary-list').innerText(), /Department\s+Not given/);
    await page.getByLabel(/Department/).fill(`Engineering ${RUN}`);
    await press(page, 'Save changes', 'after giving a department');
    assert.match(await banner(page), /The changes have been saved/);
    assert.match(await page.locator('.govuk-summary-list').innerText(), new RegExp(`Department\\s+Engineering ${RUN}`));
    assert.match(psql(`SELECT detail FROM audit_log WHERE action = 'user_updated' AND target_user_id = ${id}`),
      new RegExp(`department "" to "Engineering ${RUN}"`));
    await h.visit(page, `/admin/users?q=${encodeURIComponent(username)}`);
    assert.match(await page.locator('tbody').innerText(), new RegExp(`Dee Partment\\s+Staff\\s+Engineering ${RUN}`));
    await h.visit(page, '/admin/leadership');
    assert.match(await page.locator('#departments-table').innerText(), new RegExp(`Engineering ${RUN}\\s+1`));
    // Too long: refused on its field, kept, and the saved one unchanged.
    await h.visit(page, `/admin/users/${id}`);
    await page.locator('#department').evaluate((e) => e.removeAttribute('maxlength'));
    await page.getByLabel(/Department/).fill('d'.repeat(101));
    const response = await press(page, 'Save changes', 'after a department too long');
    assert.equal(response.status(), 400);
    assert.match(await errorSummary(page), /The department is too long/);
    assert.equal(await page.getByLabel(/Department/).inputValue(), 'd'.repeat(101));
    assert.equal(psql(`SELECT department FROM users WHERE id = ${id}`), `Engineering ${RUN}`);
    // A new person can be given one at once.
    await h.visit(page, '/admin/users/new');
    await page.getByLabel('Username').fill(user(`lv-${RUN}-new`));
    await page.getByLabel('Full name').fill('Nell New');
    await page.getByLabel('Email address').fill(college.email(`lv-${RUN}-new`));
    await page.getByLabel(/Department/).fill('Learner services');
    await press(page, 'Add person', 'after adding a person with a department');
    assert.equal(psql(`SELECT department FROM users WHERE username = '${user(`lv-${RUN}-new`)}'
                        AND institution_id = ${COLLEGE}`), 'Learner services');
  });
});

describe('who may see the settings and the college view', () => {
  test('a leader who is not an administrator gets 404 from the settings', async () => {
    const page = await signIn('helen');
    try {
      await h.visit(page, '/admin/leadership', { expectStatus: 404 });
      await h.visit(page, '/admin/leadership/instruments/new', { expectStatus: 404 });
      const csrf = await csrfOf(page);
      await h.submit(page, '/admin/leadership/themes', { csrf_token: csrf, name: `Sneaky ${RUN}` },
        { expectStatus: 404 });
      // Nowhere: not in Helen's college, nor any other.
      assert.equal(psql(`SELECT count(*) FROM leadership_themes WHERE name = 'Sneaky ${RUN}'`), '0');
    } finally {
      await page.context().close();
    }
  });

  test('students, staff and administrators who are not leaders get 404 from the college view', async () => {
    for (const username of ['jack', 'admin']) {
      const page = await signIn(username);
      try {
        await h.visit(page, '/leadership/college', { expectStatus: 404 });
      } finally {
        await page.context().close();
      }
    }
  });

  test('a visitor is sent to sign in', async () => {
    const page = await h.newPage();
    try {
      await page.goto(`${process.env.TANDEM_URL}/leadership/college`);
      assert.equal(new URL(page.url()).pathname, '/login');
    } finally {
      await page.context().close();
    }
  });
});

describe('a senior leader sees the college\'s leadership plans in aggregate', () => {
  let page;
  const dept = (x) => `Dept ${x} ${RUN}`;
  let themes;

  /** People in department d of riverside, each with a plan for year: their plan ids. */
  function plans(d, n, year) {
    return ids(`WITH u AS (
        INSERT INTO users (institution_id, username, display_name, email, roles, department)
        SELECT i.id, 'lv-${RUN}-' || substr(md5(random()::text), 1, 8) || '.${college.tag}', 'Person ' || g,
               '${college.email('lv')}', 4, '${d}'
          FROM institutions i, generate_series(1, ${n}) g WHERE i.slug = '${college.slug}' RETURNING id, institution_id)
      INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
      SELECT institution_id, id, '${year}' FROM u RETURNING id`);
  }
  function goal(plan, status, due, theme) {
    psql(`INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
            relevant, due_on, theme_id, status)
          SELECT id, institution_id, 'Secret goal ${RUN}', 's', 'm', 'a', 'r', '${due}', ${theme ?? 'NULL'}, '${status}'
            FROM leadership_plans WHERE id = ${plan}`);
  }
  function activity(plan, kind) {
    psql(`INSERT INTO leadership_activities (plan_id, institution_id, kind, title)
          SELECT id, institution_id, '${kind}', 'Secret activity ${RUN}' FROM leadership_plans WHERE id = ${plan}`);
  }
  function review(plan) {
    psql(`INSERT INTO leadership_reviews (plan_id, institution_id, held_on, agenda, notes_md, notes_html,
            author_id, manager_id)
          SELECT p.id, p.institution_id, current_date, 'a', 'n', '<p>n</p>', p.owner_id, p.owner_id
            FROM leadership_plans p WHERE p.id = ${plan}`);
  }

  before(async () => {
    themes = ids(`INSERT INTO leadership_themes (institution_id, name)
                   SELECT id, n FROM institutions, unnest(ARRAY['Coaching ${RUN}', 'Change ${RUN}']) n
                    WHERE slug = '${college.slug}' RETURNING id`);
    const [coaching, change] = themes;
    // YEAR: A has 4 plans, B 3; C and D one each, together 2: left out.
    const a = plans(dept('A'), 4, YEAR);
    const b = plans(dept('B'), 3, YEAR);
    const c = plans(dept('C'), 1, YEAR);
    plans(dept('D'), 1, YEAR);
    goal(a[0], 'in_progress', '2000-01-01', coaching); // overdue
    goal(a[0], 'not_started', '2999-01-01', coaching);
    goal(a[1], 'achieved', '2000-01-01', coaching); // past, but achieved: not overdue
    goal(a[2], 'dropped', '2000-01-01', change); // dropped: not overdue
    goal(b[0], 'in_progress', '2999-01-01', change);
    goal(b[1], 'not_started', '2000-01-01', null); // overdue, no theme
    goal(a[3], 'achieved', '2999-01-01', coaching);
    goal(c[0], 'in_progress', '2000-01-01', change); // left out with C
    activity(a[0], 'coaching');
    activity(a[0], 'coaching');
    activity(a[1], 'coaching');
    activity(a[3], 'coaching');
    activity(a[2], 'reading');
    activity(b[0], 'course');
    activity(b[1], 'reading');
    activity(c[0], 'shadowing');
    review(a[0]);
    review(b[2]);
    review(c[0]);
    // NEXT: A has 3 plans; E, F and G one each, together 3: one merged row.
    plans(dept('A'), 3, NEXT);
    for (const x of ['E', 'F', 'G']) goal(plans(dept(x), 1, NEXT)[0], 'achieved', '2999-01-01', change);
    page = await signIn('helen');
  });
  after(() => page.context().close());

  const rowOf = (table, name) => page.locator(`${table} tbody tr`, { hasText: name });

  test('counts plans and goals by department, leaving out groups under 3 plans', async () => {
    await h.visit(page, `/leadership/college?year=${encodeURIComponent(YEAR)}`);
    assert.equal(await page.locator('#year').inputValue(), YEAR);
    // Plans, not started, in progress, achieved, dropped, overdue.
    assert.match(await rowOf('#goals-by-department', dept('A')).innerText(), /4\s+1\s+1\s+2\s+1\s+1$/);
    assert.match(await rowOf('#goals-by-department', dept('B')).innerText(), /3\s+1\s+1\s+0\s+0\s+1$/);
    // Totals count only what is shown: C and D's plans are in no figure.
    assert.match(await rowOf('#goals-by-department', 'All departments shown').innerText(), /7\s+2\s+2\s+2\s+1\s+2$/);
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, new RegExp(dept('C')));
    assert.doesNotMatch(main, new RegExp(dept('D')));
    assert.equal(await rowOf('#goals-by-department', 'Other departments').count(), 0,
      'no merged row: its figures are withheld');
    assert.match(await page.locator('#left-out').innerText(),
      /^2 plans are not counted anywhere on this page, not even in the college's totals\. They are in departments that between them have fewer than 3 plans you cannot already read/);
    assert.doesNotMatch(main, /Secret|Person \d/, 'nothing of any one plan is shown');
    // Activities, most common kind, most common theme, reviews.
    // B's most common kind and theme are among those counted together.
    assert.match(await rowOf('#development-by-department', dept('A')).innerText(),
      new RegExp(`5\\s+Coaching\\s+Coaching ${RUN}\\s+1$`));
    assert.match(await rowOf('#development-by-department', dept('B')).innerText(),
      /2\s+Other kinds\s+Other themes\s+1$/);
    assert.match(await rowOf('#development-by-department', 'All departments shown').innerText(),
      new RegExp(`7\\s+Coaching\\s+Coaching ${RUN}\\s+2$`));
    // The college's themes and kinds, most common first: goals (or activities) and plans.
    // Those of fewer than 3 plans (Change, no theme; reading, courses) are counted together.
    const themeRows = await page.locator('#themes tbody tr').allInnerTexts();
    assert.deepEqual(themeRows.map((t) => t.replace(/\s+/g, ' ').trim()),
      [`Coaching ${RUN} 4 3`, 'Other themes, or none given 3 3']);
    const kindRows = await page.locator('#kinds tbody tr').allInnerTexts();
    assert.deepEqual(kindRows.map((t) => t.replace(/\s+/g, ' ').trim()),
      ['Coaching 4 3', 'Other kinds 3 3']);
    assert.doesNotMatch(main, new RegExp(`Change ${RUN}|Courses|Reading`));
    // The chart's text alternative says the same as the table.
    assert.equal(await page.locator('svg[role=img] desc').textContent(),
      'Not started: 2, In progress: 2, Achieved: 2, Dropped: 1, Overdue: 2');
  });

  test('merges departments under 3 plans into one row once together they reach 3', async () => {
    await h.visit(page, '/leadership/college');
    await page.locator('#year').selectOption(NEXT);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Show' }).click()]);
    h.saveHtml('college view, next year', await page.content());
    assert.equal(new URL(page.url()).searchParams.get('year'), NEXT);
    assert.match(await rowOf('#goals-by-department', dept('A')).innerText(), /3\s+0\s+0\s+0\s+0\s+0$/);
    assert.match(await rowOf('#goals-by-department', 'Other departments').innerText(),
      /3\s+0\s+0\s+3\s+0\s+0$/);
    const main = await page.locator('main').innerText();
    for (const x of ['E', 'F', 'G']) assert.doesNotMatch(main, new RegExp(dept(x)));
    assert.equal(await page.locator('#left-out').count(), 0);
  });

  test('defaults to the current academic year, and refuses a malformed one', async () => {
    await h.visit(page, '/leadership/college');
    const now = new Date();
    const start = now.getUTCFullYear() - (now.getUTCMonth() < 8 ? 1 : 0);
    const current = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
    assert.equal(await page.locator('#year').inputValue(), current);
    const years = await page.locator('#year option').allInnerTexts();
    assert.ok(years.includes(YEAR) && years.includes(NEXT), 'years with plans are offered');
    await h.visit(page, '/leadership/college?year=2026-27', { expectStatus: 400 });
    assert.match(await page.locator('main').innerText(), /two years that follow each other, like 2026\/27/);
    await h.visit(page, '/leadership/college?year=2026/27&owner=1', { expectStatus: 400 });
  });
});
