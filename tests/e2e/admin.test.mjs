// Administration, as college and site administrators use it in the browser:
// people (create with a one-time reset link, edit with optimistic locking,
// suspend, reactivate), cohorts and their members, courses, colleges, the
// audit log; and the walls around it: other colleges' people answer 404,
// students and visitors never reach it. Every page visited is checked by
// axe-core and saved for the Nu HTML checker.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness } from './lib/browser.mjs';
import { college, literal, user } from './lib/college.mjs';
import { clearLoginFailures, psql, userId } from './lib/db.mjs';

const h = harness(import.meta.url);
// A run leaves its people behind; the suffix keeps a second run against the
// same database from colliding with the first. People, colleges and codes
// this file adds are its own copy's (college.mjs): its tag in their names.
const RUN = Date.now().toString(36).slice(-6);
const NEW_USER = user(`newbie${RUN}`);
/** This file's Northgate copy's id (a string). */
const northId = () => psql(`SELECT id FROM institutions WHERE slug = '${college.northSlug}'`);

before(async () => {
  // Every test file signs in from 127.0.0.1: start from no failures.
  clearLoginFailures();
  await h.launch();
});
after(async () => {
  // Whatever failed, leave jack able to sign in for the files that follow.
  psql(`UPDATE users SET status = 'active' WHERE username = '${user('jack')}'`);
  await h.close();
});

/** Signs in through the real form in a fresh context; returns the page and the response. */
async function signIn(username, password = 'tandem-demo') {
  const page = await h.newPage();
  const response = await h.signIn(page, username, password);
  return { page, response };
}

/** Clicks a submit button and waits for the page it leads to (after any redirect). */
async function press(page, name, label) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  h.saveHtml(label || `after ${name}`, await response.text());
  await assertAccessible(page, label || `after ${name}`);
  return response;
}

const banner = (page) => page.locator('.govuk-notification-banner').innerText();
const errorSummary = (page) => page.locator('.govuk-error-summary').innerText();

describe('a college administrator manages people', () => {
  let page;
  let newId;
  let resetUrl;
  before(async () => { ({ page } = await signIn('admin')); });
  after(() => page.context().close());

  test('the overview counts their college and links to each section', async () => {
    await h.visit(page, '/admin');
    assert.match(await page.locator('.govuk-caption-l').innerText(), /Riverside College/);
    const summary = await page.locator('.govuk-summary-list').innerText();
    assert.match(summary, /Active people\s+\d+/);
    const cohorts = psql(`SELECT count(*) FROM cohorts c JOIN institutions i ON i.id = c.institution_id
                          WHERE i.slug = '${college.slug}'`);
    assert.match(summary, new RegExp(`Cohorts\\s+${cohorts}`));
    for (const link of ['People', 'Courses', 'Cohorts', 'Audit log']) {
      assert.equal(await page.getByRole('link', { name: link, exact: true }).count(), 1, link);
    }
    assert.equal(await page.getByRole('link', { name: 'Colleges', exact: true }).count(), 0,
      'colleges are for site administrators');
  });

  test('the people list searches in SQL, with wildcards taken literally', async () => {
    await h.visit(page, '/admin/users?q=THOMPSON');
    assert.match(await page.locator('table caption').innerText(), /^1 person found/);
    assert.equal(await page.getByRole('link', { name: user('jack'), exact: true }).count(), 1);
    await h.visit(page, '/admin/users?q=%25');
    assert.match(await page.locator('main').innerText(), /No one matches/);
    await h.visit(page, '/admin/users?role=site_admin');
    assert.equal(await page.locator('tbody tr').count(), 1);
    assert.match(await page.locator('tbody').innerText(), new RegExp(literal(user('siteadmin'))));
    await h.visit(page, '/admin/users?status=nonsense', { expectStatus: 400 });
    assert.match(await page.locator('main').innerText(), /The status is not one of the choices offered/);
  });

  test('adds a person and sees their reset link once, as a full address', async () => {
    await h.visit(page, '/admin/users/new');
    await page.getByLabel('Username').fill(NEW_USER.toUpperCase());
    await page.getByLabel('Full name').fill('Nia Newbie');
    await page.getByLabel('Email address').fill(college.email(`newbie${RUN}`));
    await page.getByLabel('Staff', { exact: true }).check();
    await page.getByLabel(/Line manager/).fill(user('david'));
    assert.equal(await page.getByLabel('Site administrator').count(), 0,
      'a college administrator is not offered the site administrator role');
    const response = await press(page, 'Add person', 'after adding a person');
    assert.equal(response.status(), 200);
    const url = new URL(page.url());
    assert.match(url.pathname, /^\/admin\/users\/\d+$/);
    newId = url.pathname.split('/').pop();
    const text = await banner(page);
    assert.match(text, /The account has been created/);
    assert.match(text, /expires in 24 hours/);
    resetUrl = await page.getByLabel('Password reset link').inputValue();
    assert.match(resetUrl, new RegExp(`^${BASE_URL}/reset/[A-Za-z0-9_-]{43}$`));
    const summary = await page.locator('.govuk-summary-list').innerText();
    assert.match(summary, new RegExp(`Username\\s+${literal(NEW_USER)}`), 'the username is stored in lower case');
    assert.match(summary, /Roles\s+Student, Staff/);
    assert.match(summary, new RegExp(`Line manager\\s+David Okafor \\(${literal(user('david'))}\\)`));
    // Shown once: the same page again has no link.
    await h.visit(page, url.pathname + url.search);
    assert.equal(await page.getByLabel('Password reset link').count(), 0);
  });

  test('the new person sets a password with the link and signs in', async () => {
    const visitor = await h.newPage();
    try {
      await h.visit(visitor, new URL(resetUrl).pathname);
      assert.equal(await visitor.locator('input[name=password]').count(), 1);
      assert.equal(await visitor.locator('input[name=confirm]').count(), 1);
      await visitor.getByLabel('New password', { exact: true }).fill('a long new password');
      await visitor.getByLabel('New password again').fill('a long new password');
      await Promise.all([visitor.waitForNavigation(), visitor.getByRole('button', { name: 'Set password' }).click()]);
      assert.equal(new URL(visitor.url()).pathname, '/login');
    } finally {
      await visitor.context().close();
    }
    const { page: newbie, response } = await signIn(NEW_USER, 'a long new password');
    assert.equal(response.status(), 200);
    assert.match(await newbie.locator('h1').innerText(), /Nia Newbie/);
    await newbie.context().close();
  });

  test('a username already taken is refused on its field, keeping what was typed', async () => {
    await h.visit(page, '/admin/users/new');
    await page.getByLabel('Username').fill(user('jack'));
    await page.getByLabel('Full name').fill('Another Jack');
    await page.getByLabel('Email address').fill(college.email('jack2'));
    const response = await press(page, 'Add person', 'duplicate username');
    assert.equal(response.status(), 400);
    assert.match(await errorSummary(page), new RegExp(`The username "${literal(user('jack'))}" is already taken`));
    assert.equal(await page.locator('.govuk-error-summary a').getAttribute('href'), '#username');
    assert.match(await page.locator('#username-error').innerText(), /already taken/);
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Another Jack');
  });

  test('invalid input names the field and says why', async () => {
    const cases = [
      [{ username: 'bad name!' }, /The username can only use lower-case letters/, '#username'],
      [{ email: 'not-an-address' }, /The email address must be an email address/, '#email'],
      [{ line_manager: user('nadia') }, new RegExp(`no one with the username "${literal(user('nadia'))}" at this college`), '#line_manager'],
      [{ student: false }, /Select at least one role/, '#roles'],
    ];
    for (const [change, message, anchor] of cases) {
      await h.visit(page, '/admin/users/new');
      await page.getByLabel('Username').fill(change.username ?? user(`x${RUN}`));
      await page.getByLabel('Full name').fill('Someone');
      await page.getByLabel('Email address').fill(change.email ?? college.email('someone'));
      if (change.line_manager) await page.getByLabel(/Line manager/).fill(change.line_manager);
      if (change.student === false) await page.getByLabel('Student', { exact: true }).uncheck();
      const response = await press(page, 'Add person', `invalid ${anchor}`);
      assert.equal(response.status(), 400, String(message));
      assert.match(await errorSummary(page), message);
      assert.equal(await page.locator('.govuk-error-summary a').getAttribute('href'), anchor);
    }
  });

  test('a save over someone else\'s newer change answers 409 and keeps the input', async () => {
    await h.visit(page, `/admin/users/${newId}`);
    // Someone else saves first, in another tab.
    const other = await page.context().newPage();
    await h.visit(other, `/admin/users/${newId}`);
    await other.getByLabel('Full name').fill('Nia Changed-Elsewhere');
    await press(other, 'Save changes', 'the other save');
    assert.match(await banner(other), /The changes have been saved/);
    await other.close();
    // This tab still carries the old version.
    await page.getByLabel('Full name').fill('Nia Mine');
    const response = await press(page, 'Save changes', 'stale save');
    assert.equal(response.status(), 409);
    assert.match(await errorSummary(page), /Someone else changed this first/);
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Nia Mine');
    assert.match(await page.locator('h1').innerText(), /Nia Changed-Elsewhere/, 'what is saved now is shown');
    // Saving again, now on the current version, works.
    const again = await press(page, 'Save changes', 'save after conflict');
    assert.equal(again.status(), 200);
    assert.match(await banner(page), /The changes have been saved/);
    assert.match(await page.locator('h1').innerText(), /Nia Mine/);
  });

  test('roles are changed, and a student never gains the site administrator role', async () => {
    await h.visit(page, `/admin/users/${newId}`);
    await page.getByLabel('Manager', { exact: true }).check();
    await press(page, 'Save changes', 'roles changed');
    assert.match(await page.locator('.govuk-summary-list').innerText(), /Roles\s+Student, Staff, Manager/);
    // A forged form asking for site_admin is refused.
    const version = await page.locator('input[name=version]').inputValue();
    const csrf = await page.locator('input[name=csrf_token]').first().inputValue();
    const response = await h.submit(page, `/admin/users/${newId}`, {
      csrf_token: csrf, version, display_name: 'Nia Mine', email: college.email(`newbie${RUN}`),
      role_student: 'yes', role_site_admin: 'yes',
    }, { expectStatus: 400 });
    assert.ok(response);
    assert.match(await errorSummary(page), /Only a site administrator can give the site administrator role/);
    assert.equal(psql(`SELECT roles FROM users WHERE id = ${newId}`), '7');
  });

  test('suspending ends their sessions and stops sign-in; reactivating lets them back', async () => {
    const jackId = userId('jack');
    const { page: jack } = await signIn('jack');
    try {
      await h.visit(page, `/admin/users/${jackId}`);
      await press(page, 'Suspend account', 'the question before suspending someone');
      assert.match(await page.locator('h1').innerText(), /^Suspend .*'s account\?$/, 'it asks first');
      assert.equal(psql(`SELECT status FROM users WHERE id = ${jackId}`), 'active', 'asking changes nothing');
      await press(page, 'Suspend account', 'suspended');
      assert.match(await banner(page), /suspended and signed out everywhere/);
      await h.visit(page, `/admin/users/${jackId}/suspend`, { expectStatus: 409, axe: false });
      await h.visit(page, `/admin/users/${jackId}`);
      assert.match(await page.locator('.govuk-summary-list').innerText(), /Status\s+Suspended/);
      // Jack's open session no longer works...
      await jack.goto(BASE_URL + '/account');
      assert.equal(new URL(jack.url()).pathname, '/login');
      // ...and he cannot sign in again.
      await jack.getByLabel('Username').fill(user('jack'));
      await jack.getByLabel('Password').fill('tandem-demo');
      const [refused] = await Promise.all([jack.waitForNavigation(), jack.getByRole('button', { name: 'Sign in' }).click()]);
      assert.notEqual(refused.status(), 200);
      assert.equal(await jack.locator('.govuk-error-summary').count(), 1);
      // Reactivated, he can.
      await press(page, 'Reactivate account', 'reactivated');
      assert.match(await banner(page), /reactivated/);
      const { page: back, response } = await signIn('jack');
      assert.equal(response.status(), 200);
      assert.equal(new URL(back.url()).pathname, '/');
      await back.context().close();
    } finally {
      await jack.context().close();
    }
  });

  test('an administrator cannot suspend themselves', async () => {
    const adminId = userId('admin');
    await h.visit(page, `/admin/users/${adminId}`);
    assert.equal(await page.getByRole('button', { name: 'Suspend account' }).count(), 0);
    const csrf = await page.locator('input[name=csrf_token]').first().inputValue();
    await h.submit(page, `/admin/users/${adminId}/suspend`, { csrf_token: csrf }, { expectStatus: 400 });
    await h.visit(page, `/admin/users/${adminId}/suspend`, { expectStatus: 400, axe: false });
    assert.match(await page.locator('main').innerText(), /cannot suspend your own account/);
    assert.equal(psql(`SELECT status FROM users WHERE id = ${adminId}`), 'active');
  });

  test('a new reset link for an existing person is shown once', async () => {
    await h.visit(page, `/admin/users/${newId}`);
    await press(page, 'Create a password reset link', 'reset link issued');
    assert.match(await banner(page), /A new password reset link has been made/);
    assert.match(await page.getByLabel('Password reset link').inputValue(), /\/reset\/[A-Za-z0-9_-]{43}$/);
  });

  test('a site administrator\'s account is read-only to a college administrator', async () => {
    const siteId = userId('siteadmin');
    await h.visit(page, `/admin/users/${siteId}`);
    assert.match(await page.locator('.govuk-inset-text').innerText(), /only a site administrator can change it/);
    assert.equal(await page.getByRole('button', { name: 'Create a password reset link' }).count(), 0);
    const csrf = await page.locator('input[name=csrf_token]').first().inputValue();
    await h.submit(page, `/admin/users/${siteId}/reset-link`, { csrf_token: csrf }, { expectStatus: 403 });
  });
});

describe('cohorts, courses and their members', () => {
  let page;
  before(async () => { ({ page } = await signIn('admin')); });
  after(() => page.context().close());

  test('adds a member to a cohort and removes them', async () => {
    await h.visit(page, '/admin/cohorts');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'ENG3-A' }).click()]);
    await assertAccessible(page, 'cohort ENG3-A');
    const learners = () => page.locator('table', { has: page.locator('caption', { hasText: 'Learners' }) }).innerText();
    assert.doesNotMatch(await learners(), /Sofia Kowalski/);
    await page.getByLabel('Username').fill(user('sofia'));
    await page.getByRole('radio', { name: 'Learner', exact: true }).check();
    await press(page, 'Add member', 'member added');
    assert.match(await banner(page), /The member has been added/);
    assert.match(await learners(), /Sofia Kowalski/);
    // Twice is refused on the field.
    await page.getByLabel('Username').fill(user('sofia'));
    await page.getByRole('radio', { name: 'Learner', exact: true }).check();
    const twice = await press(page, 'Add member', 'member added twice');
    assert.equal(twice.status(), 400);
    assert.match(await errorSummary(page), new RegExp(`Sofia Kowalski \\(${literal(user('sofia'))}\\) is already a learner in this cohort`));
    await press(page, 'Remove Sofia Kowalski as learner', 'member removed');
    assert.match(await banner(page), /The member has been removed/);
    assert.doesNotMatch(await learners(), /Sofia Kowalski/);
  });

  test('only people of the cohort\'s college can join it', async () => {
    await h.visit(page, '/admin/cohorts');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'PSY-Y13' }).click()]);
    await page.getByLabel('Username').fill(user('nadia'));
    const response = await press(page, 'Add member', 'member from another college');
    assert.equal(response.status(), 400);
    assert.match(await errorSummary(page), new RegExp(`no one with the username "${literal(user('nadia'))}" at this cohort's college`));
  });

  test('adds a course and a cohort on it, and refuses a wrong academic year', async () => {
    await h.visit(page, '/admin/courses');
    await page.getByLabel('Course code').fill(`T-${RUN}`);
    await page.getByLabel('Course title').fill('Test Course');
    await press(page, 'Add course', 'course added');
    assert.match(await banner(page), /The course has been added/);
    await page.getByLabel('Course code').fill(`T-${RUN}`);
    await page.getByLabel('Course title').fill('Test Course again');
    const twice = await press(page, 'Add course', 'course added twice');
    assert.equal(twice.status(), 400);
    assert.match(await errorSummary(page), /already used at this college/);

    await h.visit(page, '/admin/cohorts');
    await page.getByLabel('Course', { exact: true }).selectOption({ label: `T-${RUN}: Test Course` });
    await page.getByLabel('Cohort code').fill(`C-${RUN}`);
    await page.getByLabel('Cohort name').fill('Test cohort');
    await page.getByLabel('Academic year').fill('2026/28');
    const wrong = await press(page, 'Add cohort', 'wrong academic year');
    assert.equal(wrong.status(), 400);
    assert.match(await errorSummary(page), /two years that follow each other/);
    assert.equal(await page.getByLabel('Cohort name').inputValue(), 'Test cohort');
    await page.getByLabel('Academic year').fill('2026/27');
    await press(page, 'Add cohort', 'cohort added');
    assert.match(await page.locator('h1').innerText(), new RegExp(`C-${RUN}: Test cohort`));
    assert.match(await banner(page), /The cohort has been added/);
  });
});

describe('the audit log', () => {
  let page;
  before(async () => { ({ page } = await signIn('admin')); });
  after(() => page.context().close());

  test('lists what this run did, with the administrator\'s name', async () => {
    await h.visit(page, `/admin/audit?user=${encodeURIComponent(user('admin'))}`);
    const table = await page.locator('table').innerText();
    for (const what of ['Added a person', 'Issued a password reset link', 'Changed a person\'s details',
      'Changed a person\'s roles', 'Suspended an account', 'Reactivated an account',
      'Added a cohort member', 'Removed a cohort member', 'Added a course', 'Added a cohort']) {
      assert.match(table, new RegExp(`Sam Patel[^\\n]*\\(${literal(user('admin'))}\\)\\s+${what.replace(/'/g, '.')}`), what);
    }
    assert.match(table, new RegExp(`roles of ${literal(NEW_USER)}: student, staff → student, staff, manager`));
  });

  test('says what happened in words, even for an action it has no words for yet', async () => {
    psql(`INSERT INTO audit_log (institution_id, actor_id, action, detail)
          SELECT institution_id, id, x, 'words ${RUN}' FROM users, unnest(ARRAY['users_imported', 'brand_new_thing']) x
           WHERE username = '${user('admin')}'`);
    await h.visit(page, `/admin/audit?user=${encodeURIComponent(user('admin'))}`);
    const table = await page.locator('table').innerText();
    assert.match(table, /Imported people from a file/);
    assert.match(table, /Brand new thing/);
    assert.doesNotMatch(table, /users_imported|brand_new_thing/, 'no codes');
  });

  test('filters by action and by date', async () => {
    await h.visit(page, '/admin/audit?action=user_suspended');
    const rows = await page.locator('tbody tr').allInnerTexts();
    assert.ok(rows.length >= 1);
    for (const row of rows) assert.match(row, /Suspended an account/);
    assert.equal(await page.getByLabel('What happened').inputValue(), 'user_suspended');
    await h.visit(page, '/admin/audit?from=2001-01-01&to=2001-01-31');
    assert.match(await page.locator('main').innerText(), /Nothing matches these filters/);
    await h.visit(page, '/admin/audit?from=2001-02-30', { expectStatus: 400 });
  });
});

describe('each college sees only its own', () => {
  test('a Riverside administrator never reaches Northgate\'s people or cohorts', async () => {
    const { page } = await signIn('admin');
    try {
      await h.visit(page, `/admin/users/${userId('nadia')}`, { expectStatus: 404 });
      await h.visit(page, `/admin/users/${userId('northadmin')}`, { expectStatus: 404 });
      const cohort = psql(`SELECT id FROM cohorts WHERE code = 'MAT-Y12' AND institution_id = ${northId()}`);
      await h.visit(page, `/admin/cohorts/${cohort}`, { expectStatus: 404 });
      for (const q of ['nadia', user('nadia')]) {
        await h.visit(page, `/admin/users?q=${encodeURIComponent(q)}`);
        assert.match(await page.locator('main').innerText(), /No one matches/, q);
      }
      await h.visit(page, '/admin/users');
      const list = await page.locator('tbody').innerText();
      assert.doesNotMatch(list, /nadia|northadmin/);
      assert.equal(await page.locator('thead th', { hasText: 'College' }).count(), 0);
      await h.visit(page, '/admin/institutions', { expectStatus: 404 });
      // Changing someone elsewhere is no different from changing no one.
      const csrf = await page.locator('input[name=csrf_token]').first().inputValue();
      await h.submit(page, `/admin/users/${userId('nadia')}/suspend`, { csrf_token: csrf }, { expectStatus: 404 });
      assert.equal(psql(`SELECT status FROM users WHERE username = '${user('nadia')}'`), 'active');
    } finally {
      await page.context().close();
    }
  });

  test('a Northgate administrator sees Northgate only', async () => {
    const { page } = await signIn('northadmin');
    try {
      await h.visit(page, '/admin');
      assert.match(await page.locator('.govuk-caption-l').innerText(), /Northgate Sixth Form College/);
      await h.visit(page, `/admin/users/${userId('jack')}`, { expectStatus: 404 });
      await h.visit(page, '/admin/audit');
      assert.doesNotMatch(await page.locator('main').innerText(), /Sam Patel/);
    } finally {
      await page.context().close();
    }
  });

  test('a student reaches no administration at all', async () => {
    const { page } = await signIn('amira');
    try {
      await h.visit(page, '/admin', { expectStatus: 404 });
      await h.visit(page, '/admin/users/1', { expectStatus: 404 });
      await h.visit(page, '/admin/audit', { expectStatus: 404 });
      assert.equal(await page.locator('header').getByRole('link', { name: 'Administration' }).count(), 0);
    } finally {
      await page.context().close();
    }
  });

  test('a visitor is sent to sign in first', async () => {
    const page = await h.newPage();
    try {
      await page.goto(BASE_URL + '/admin/users');
      const url = new URL(page.url());
      assert.equal(url.pathname, '/login');
      assert.equal(url.searchParams.get('next'), '/admin/users');
    } finally {
      await page.context().close();
    }
  });
});

describe('every list keeps to the college; a site administrator\'s span them all', () => {
  // Northgate's own things, beside Riverside's from the demo: a theme the
  // site administrator adds for it, an instrument and a department.
  const THEME = `Northgate theme ${RUN}`;
  const INSTRUMENT = `Northgate inventory ${RUN}`;
  const DEPARTMENT = `Mathematics ${RUN}`;
  let north;
  let northCohort;
  let riversideCohort;
  let instrument;
  const rowsOf = async (page, table) => page.locator(`${table} tbody`).innerText();
  /** The text of the first row of table that has text in it. */
  const rowWith = (page, table, text) => page.locator(`${table} tbody tr`, { hasText: text }).first().innerText();
  before(() => {
    north = northId();
    northCohort = psql(`SELECT id FROM cohorts WHERE code = 'MAT-Y12' AND institution_id = ${north}`);
    riversideCohort = psql(`SELECT c.id FROM cohorts c JOIN institutions i ON i.id = c.institution_id
                            WHERE c.code = 'ENG3-A' AND i.slug = '${college.slug}'`);
    instrument = psql(`INSERT INTO instruments (institution_id, name, kind) VALUES (${north}, '${INSTRUMENT}', 'type')
                       RETURNING id`);
    psql(`UPDATE users SET department = '${DEPARTMENT}' WHERE username = '${user('nadia')}'`);
  });

  test('a site administrator adds a theme for Northgate and sees both colleges in every list', async () => {
    // Northgate's administrator has signed in at least once: an event of Northgate's.
    await (await signIn('northadmin')).page.context().close();
    const { page } = await signIn('siteadmin');
    try {
      await h.visit(page, '/admin/leadership');
      await page.getByLabel('College', { exact: true }).selectOption(north);
      await page.getByLabel('Add a development theme').fill(THEME);
      await press(page, 'Add theme', 'site admin adds a theme for Northgate');
      assert.match(await banner(page), /The development theme has been added/);
      assert.match(await rowWith(page, '#themes-table', THEME), /Northgate Sixth Form College/);
      assert.match(await rowWith(page, '#themes-table', 'Leading change'), /Riverside College/);
      assert.match(await rowWith(page, '#instruments-table', INSTRUMENT), /Northgate Sixth Form College/);
      assert.match(await rowWith(page, '#departments-table', DEPARTMENT), /Northgate Sixth Form College/);

      await h.visit(page, '/admin/cohorts');
      for (const id of [northCohort, riversideCohort]) {
        assert.equal(await page.locator(`a[href="/admin/cohorts/${id}"]`).count(), 1, `cohort ${id}`);
      }
      await h.visit(page, `/admin/cohorts/${northCohort}`);
      assert.match(await page.locator('h1').innerText(), /MAT-Y12/);
      await h.visit(page, `/admin/leadership/instruments/${instrument}`);
      assert.match(await page.locator('h1').innerText(), new RegExp(INSTRUMENT));
      await h.visit(page, `/u/${user('nadia')}`);
      assert.match(await page.locator('main').innerText(), /Nadia Begum/);

      await h.visit(page, `/admin/audit?action=theme_created&user=${encodeURIComponent(user('siteadmin'))}`);
      assert.match(await rowWith(page, 'table', `"${THEME}"`), /Northgate Sixth Form College/);
      await h.visit(page, `/admin/audit?user=${encodeURIComponent(user('northadmin'))}`);
      assert.match(await rowWith(page, 'table', 'Signed in'), /Northgate Sixth Form College/);
    } finally {
      await page.context().close();
    }
  });

  test('a Riverside administrator\'s lists show Riverside only, and Northgate\'s ids answer 404', async () => {
    const { page } = await signIn('admin');
    try {
      await h.visit(page, '/admin/cohorts');
      assert.equal(await page.locator(`a[href="/admin/cohorts/${riversideCohort}"]`).count(), 1);
      assert.equal(await page.locator(`a[href="/admin/cohorts/${northCohort}"]`).count(), 0);
      assert.doesNotMatch(await page.locator('main').innerText(), /MAT-Y12|AL-MATHS/);
      await h.visit(page, '/admin/courses');
      assert.doesNotMatch(await rowsOf(page, 'table'), /AL-MATHS/);

      await h.visit(page, '/admin/leadership');
      assert.match(await rowsOf(page, '#themes-table'), /Leading change/);
      assert.doesNotMatch(await rowsOf(page, '#themes-table'), new RegExp(THEME));
      assert.doesNotMatch(await rowsOf(page, '#instruments-table'), new RegExp(INSTRUMENT));
      assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(DEPARTMENT));
      assert.equal(await page.locator('thead th', { hasText: 'College' }).count(), 0);

      for (const q of [`action=theme_created`, `user=${encodeURIComponent(user('northadmin'))}`]) {
        await h.visit(page, `/admin/audit?${q}`);
        assert.match(await page.locator('main').innerText(), /Nothing matches these filters/, q);
      }

      await h.visit(page, `/admin/leadership/instruments/${instrument}`, { expectStatus: 404 });
      const csrf = await page.locator('input[name=csrf_token]').first().inputValue();
      await h.submit(page, `/admin/leadership/instruments/${instrument}/archive`, { csrf_token: csrf },
        { expectStatus: 404 });
      const theme = psql(`SELECT id FROM leadership_themes WHERE name = '${THEME}' AND institution_id = ${north}`);
      await h.submit(page, `/admin/leadership/themes/${theme}/archive`, { csrf_token: csrf }, { expectStatus: 404 });
      assert.equal(psql(`SELECT count(*) FROM instruments WHERE id = ${instrument} AND archived`), '0');
      assert.equal(psql(`SELECT count(*) FROM leadership_themes WHERE id = ${theme} AND archived`), '0');
    } finally {
      await page.context().close();
    }
  });

  test('Northgate\'s administrator sees Northgate\'s theme, department, cohorts and events only', async () => {
    const { page } = await signIn('northadmin');
    try {
      await h.visit(page, '/admin/leadership');
      assert.match(await rowsOf(page, '#themes-table'), new RegExp(THEME));
      assert.doesNotMatch(await rowsOf(page, '#themes-table'), /Leading change/);
      assert.match(await rowsOf(page, '#departments-table'), new RegExp(DEPARTMENT));
      await h.visit(page, '/admin/cohorts');
      assert.equal(await page.locator(`a[href="/admin/cohorts/${northCohort}"]`).count(), 1);
      assert.equal(await page.locator(`a[href="/admin/cohorts/${riversideCohort}"]`).count(), 0);
      await h.visit(page, `/admin/cohorts/${riversideCohort}`, { expectStatus: 404 });
      await h.visit(page, '/admin/audit?action=theme_created');
      assert.match(await rowsOf(page, 'table'), new RegExp(`"${THEME}"`));
    } finally {
      await page.context().close();
    }
  });
});

describe('a site administrator', () => {
  let page;
  before(async () => { ({ page } = await signIn('siteadmin')); });
  after(() => page.context().close());

  test('sees every college, with a college column', async () => {
    await h.visit(page, '/admin');
    assert.match(await page.locator('.govuk-caption-l').innerText(), /All colleges/);
    // Every college on the stack is listed (other files' copies too, so
    // this file's administrators are looked for by their tag).
    await h.visit(page, '/admin/users?role=institution_admin');
    assert.equal(await page.locator('thead th', { hasText: 'College' }).count(), 1);
    await h.visit(page, `/admin/users?role=institution_admin&q=${encodeURIComponent(`.${college.tag}`)}`);
    assert.match(await page.locator('table caption').innerText(), /^2 people found/);
    const list = await page.locator('table').innerText();
    assert.match(list, new RegExp(`${literal(user('admin'))}\\s+Sam Patel[^\\n]*Riverside College`));
    assert.match(list, new RegExp(`${literal(user('northadmin'))}\\s+Chris Walker[^\\n]*Northgate Sixth Form College`));
    await h.visit(page, `/admin/users/${userId('nadia')}`);
    assert.match(await page.locator('.govuk-caption-l').innerText(), /Northgate/);
    await h.visit(page, '/admin/audit');
  });

  test('adds a college, refuses its short name twice, and pages through many people', async () => {
    await h.visit(page, '/admin/institutions');
    const bulk = `${college.tag}-bulk`;
    await page.getByLabel('Name', { exact: true }).fill(`Bulk College ${college.tag}`);
    await page.getByLabel('Short name').fill(bulk);
    await press(page, 'Add college', 'college added');
    assert.match(await banner(page), /The college has been added/);
    await page.getByLabel('Name', { exact: true }).fill('Again');
    await page.getByLabel('Short name').fill(bulk);
    const twice = await press(page, 'Add college', 'college added twice');
    assert.equal(twice.status(), 400);
    assert.match(await errorSummary(page), /already used by another college/);

    // 55 people in the new college: two pages of 50. Their usernames
    // (bulkRUN-NN.TAG) are the only ones on the stack with bulkRUN in them.
    psql(`INSERT INTO users (institution_id, username, display_name, email)
          SELECT i.id, 'bulk${RUN}-' || lpad(n::text, 2, '0') || '.${college.tag}', 'Bulk Person ' || n,
                 'bulk' || n || '+${college.tag}@bulk.example'
            FROM institutions i, generate_series(1, 55) n WHERE i.slug = '${bulk}'`);
    await h.visit(page, `/admin/users?q=bulk${RUN}`);
    assert.match(await page.locator('table caption').innerText(), /55 people found/);
    assert.equal(await page.locator('tbody tr').count(), 50);
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.locator('.govuk-pagination__next a').click(),
    ]);
    assert.equal(response.status(), 200);
    await assertAccessible(page, 'people page 2');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), `bulk${RUN}`);
    assert.equal(url.searchParams.get('page'), '2');
    assert.equal(await page.locator('tbody tr').count(), 5);
    assert.equal(await page.locator('[aria-current=page]', { hasText: '2' }).count(), 1);
  });

  test('creates a person in a chosen college', async () => {
    await h.visit(page, '/admin/users/new');
    const nora = user(`north${RUN}`);
    await page.getByLabel('Username').fill(nora);
    await page.getByLabel('Full name').fill('Nora North');
    await page.getByLabel('Email address').fill(college.email(`north${RUN}`, 'northgate.example'));
    // Every copy's Northgate has the same name: this file's is chosen by its id.
    const north = northId();
    const select = page.getByLabel('College', { exact: true });
    assert.equal(await select.locator(`option[value="${north}"]`).innerText(), 'Northgate Sixth Form College');
    await select.selectOption(north);
    await press(page, 'Add person', 'site admin adds a person');
    assert.match(await page.locator('.govuk-caption-l').innerText(), /Northgate Sixth Form College/);
    assert.match(await page.getByLabel('Password reset link').inputValue(), /\/reset\//);
    assert.equal(psql(`SELECT i.slug FROM users u JOIN institutions i ON i.id = u.institution_id WHERE u.username = '${nora}'`),
      college.northSlug);
  });
});
