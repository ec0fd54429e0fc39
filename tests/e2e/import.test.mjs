// Importing people from CSV: the page /admin/import as a college admin and
// as a site admin, and `tandem import-users` and `tandem user add` as an
// operator runs them, against the running stack and its database.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness, request } from './lib/browser.mjs';
import { college as copy, literal, user } from './lib/college.mjs';
import { clearLoginFailures, collegeId, psql as sql } from './lib/db.mjs';
import { tandem } from './lib/env.mjs';

const COLUMNS = 'username,email,display_name,role,cohort_code,cohort_role';
// Usernames are unique site-wide: each run makes its own people, with this
// file's copy's tag (user('amy') is amy.TAG), as it has its own colleges.
const RUN = Date.now().toString(36).slice(-6);
const TAG = copy.tag;
const TMP = mkdtempSync(join(tmpdir(), 'tandem-import-'));

// A college of its own for the command-line tests, so that 10,000 people
// and a new site admin do not crowd the demo college other tests count.
const COLLEGE = `${TAG}-imp`;
const COLLEGE_NAME = `Import test ${TAG}`;

const h = harness(import.meta.url);
before(() => {
  // Every test signs in from 127.0.0.1: start from no failed sign-ins.
  clearLoginFailures();
  sql(`INSERT INTO institutions (slug, name) VALUES ('${COLLEGE}', '${COLLEGE_NAME}');
       INSERT INTO courses (institution_id, code, title) SELECT id, 'BULK', 'Bulk' FROM institutions WHERE slug = '${COLLEGE}';
       INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
         SELECT c.institution_id, c.id, 'BULK-A', 'Bulk A', '2026/27' FROM courses c JOIN institutions i ON i.id = c.institution_id
          WHERE i.slug = '${COLLEGE}'`);
  return h.launch();
});
after(async () => {
  await h.close();
  rmSync(TMP, { recursive: true, force: true });
});

/** One CSV value, quoted when it needs to be. */
const field = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows) => [COLUMNS, ...rows.map((r) => r.map(field).join(','))].join('\r\n') + '\r\n';

async function signIn(page, username, password = 'tandem-demo') {
  const response = await h.signIn(page, username, password);
  assert.equal(response.status(), 200, `sign-in as ${username}`);
  assert.match(await page.locator('h1').innerText(), /Welcome back/, `sign-in as ${username}`);
}

/** Uploads a file through the form, as a person would; returns the response. */
async function upload(page, name, content, expectStatus, { college } = {}) {
  await h.visit(page, '/admin/import', { axe: false });
  if (college) {
    // Every copy's colleges have the demo's names: the option is chosen by
    // the college's id, after checking it shows the name expected.
    const [id, label] = college;
    const select = page.getByLabel('College');
    assert.equal(await select.locator(`option[value="${id}"]`).innerText(), label);
    await select.selectOption(id);
  }
  await page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name: 'Import people' }).click(),
  ]);
  assert.equal(response.status(), expectStatus, `uploading ${name}: HTTP status`);
  h.saveHtml(`POST /admin/import ${name}`, await response.text());
  await assertAccessible(page, `POST /admin/import ${name}`);
  return response;
}

async function counts(page) {
  const n = async (id) => Number(await page.locator(`#${id}`).innerText());
  return { created: await n('created'), updated: await n('updated'), unchanged: await n('unchanged'), memberships: await n('memberships') };
}

/** The problems table: [{line, column, problem}]. */
async function problems(page) {
  return page.locator('#problems ~ .tandem-table-scroll table tbody tr').evaluateAll((rows) => rows.map((r) => {
    const [line, column, problem] = [...r.cells].map((c) => c.innerText.trim());
    return { line: Number(line), column, problem };
  }));
}

const inList = (names) => names.map((n) => `'${n}'`).join(',');

describe('importing people on /admin/import', () => {
  let page;
  const [amy, ben, cat] = ['amy', 'ben', 'cat'].map((n) => user(`${n}-${RUN}`));
  let file;
  before(async () => {
    page = await h.newPage();
    await signIn(page, 'admin');
    // An existing person, with their details as they are now.
    const [email, name] = sql(`SELECT email || '|' || display_name FROM users WHERE username = '${user('jack')}'`).split('|');
    file = csv([
      [amy, `${amy}@example.ac.uk`, 'Amy Example', 'student', 'ENG3-A', 'learner'],
      [amy, `${amy}@example.ac.uk`, 'Amy Example', 'student', 'ENG3-A', 'rep'],
      [ben, `${ben}@example.ac.uk`, 'Hughes, Ben "Benny"', 'staff', 'ENG3-A', 'tutor'],
      [cat, `${cat}@example.ac.uk`, 'Cat Zoë Example', 'manager', '', ''],
      [user('jack'), email, name, 'student', 'ENG3-A', 'learner'],
    ]);
  });
  after(() => page.context().close());

  test('the page explains the columns with an example, and is accessible', async () => {
    await h.visit(page, '/admin/import');
    assert.equal(await page.locator('h1').innerText(), 'Import people');
    assert.match(await page.locator('main').innerText(), new RegExp(COLUMNS));
    assert.equal(await page.locator('input#file[type=file][name=file]').count(), 1);
    assert.equal(await page.locator('select#institution').count(), 0, 'a college admin imports into their own college');
  });

  test('a valid file creates people and memberships, and lists one-time links that work', async () => {
    await upload(page, 'people.csv', file, 200);
    assert.match(await page.locator('h1').innerText(), /People imported/);
    assert.deepEqual(await counts(page), { created: 3, updated: 0, unchanged: 1, memberships: 3 });
    const rows = await page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
    assert.deepEqual(rows.map((r) => r[1]), [amy, ben, cat], 'new people, in file order');
    assert.equal(rows[1][0], 'Hughes, Ben "Benny"');
    for (const r of rows) assert.match(r[2], new RegExp(`^${BASE_URL}/reset/[A-Za-z0-9_-]{43}$`));
    assert.match(await page.locator('main').innerText(), /expires in 24 hours/);
    assert.equal(sql(`SELECT string_agg(username || ':' || roles, ' ' ORDER BY username) FROM users WHERE username IN (${inList([amy, ben, cat])})`),
      `${amy}:1 ${ben}:2 ${cat}:4`);
    assert.equal(sql(`SELECT string_agg(m.role, ',' ORDER BY m.role) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.username = '${amy}'`), 'learner,rep');
    // The import's own links (made by the administrator; those the mail
    // worker makes as it sends each welcome mail are made by nobody).
    assert.equal(sql(`SELECT count(*) FROM password_resets p JOIN users u ON u.id = p.user_id WHERE u.username IN (${inList([amy, ben, cat])}) AND p.created_by IS NOT NULL`), '3');
    // The last import by anyone at this file's Riverside.
    assert.equal(sql(`SELECT a.detail || '|' || u.username FROM audit_log a JOIN users u ON u.id = a.actor_id
                       WHERE a.action = 'users_imported' AND u.institution_id = ${collegeId()} ORDER BY a.id DESC LIMIT 1`),
      `3 created, 0 updated, 1 unchanged, 3 memberships added; file people.csv|${user('admin')}`);

    // A link opens the form to choose a password (core of account.c).
    const visitor = await h.newPage();
    try {
      await h.visit(visitor, new URL(rows[0][2]).pathname);
      assert.equal(await visitor.locator('input[name=password]').count(), 1, 'the reset page has a password field');
      assert.equal(await visitor.locator('input[name=confirm]').count(), 1, 'the reset page has a confirm field');
    } finally {
      await visitor.context().close();
    }
  });

  test('the same file again changes nothing and issues no links', async () => {
    await upload(page, 'people.csv', file, 200);
    assert.deepEqual(await counts(page), { created: 0, updated: 0, unchanged: 4, memberships: 0 });
    assert.doesNotMatch(await page.locator('main').innerText(), /reset\//);
    // The import's own links (made by the administrator; those the mail
    // worker makes as it sends each welcome mail are made by nobody).
    assert.equal(sql(`SELECT count(*) FROM password_resets p JOIN users u ON u.id = p.user_id WHERE u.username IN (${inList([amy, ben, cat])}) AND p.created_by IS NOT NULL`), '3');
  });

  test('a changed file updates details and adds roles, keeping the old ones', async () => {
    const newEmail = copy.email(`ben.new.${RUN}`, 'example.ac.uk');
    await upload(page, 'changes.csv', csv([[ben, newEmail, 'Ben Hughes', 'manager', '', '']]), 200);
    assert.deepEqual(await counts(page), { created: 0, updated: 1, unchanged: 0, memberships: 0 });
    assert.equal(sql(`SELECT email || '|' || display_name || '|' || roles FROM users WHERE username = '${ben}'`),
      `${newEmail}|Ben Hughes|6`);
  });

  test('a file with bad lines is refused with each line listed, and nothing is imported', async () => {
    const [dan, eve, fay, gus, hal, ivy] = ['dan', 'eve', 'fay', 'gus', 'hal', 'ivy'].map((n) => user(`${n}-${RUN}`));
    await upload(page, 'bad.csv', csv([
      [dan, `${dan}@example.ac.uk`, 'Dan', 'student', '', ''],
      [eve, 'not-an-email', 'Eve', 'student', '', ''],
      [fay, `${fay}@example.ac.uk`, 'Fay', 'wizard', '', ''],
      [gus, `${gus}@example.ac.uk`, 'Gus', 'student', `NOPE-${RUN}`, 'learner'],
      [user('nadia'), copy.email('nadia', 'example.ac.uk'), 'Nadia', 'student', '', ''],
      [hal, `${hal}@example.ac.uk`, 'Hal', 'student', '', '', 'extra'],
      [ivy, `${ivy}@example.ac.uk`, 'Ivy', 'site_admin', '', ''],
    ]), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /bad\.csv has 6 problems, so nothing was imported/);
    const found = await problems(page);
    assert.deepEqual(found.map((p) => [p.line, p.column]), [
      [3, 'email'], [4, 'role'], [5, 'cohort_code'], [6, 'username'], [7, 'columns'], [8, 'role'],
    ]);
    assert.match(found[0].problem, /not an email address/);
    assert.match(found[1].problem, /"wizard" is not a role/);
    assert.match(found[2].problem, new RegExp(`"NOPE-${RUN}" is not a cohort at this college`));
    assert.match(found[3].problem, new RegExp(`"${literal(user('nadia'))}" is already taken by someone at another college`));
    assert.match(found[4].problem, /has 7 columns/);
    assert.match(found[5].problem, /cannot be given by an import/);
    assert.equal(sql(`SELECT count(*) FROM users WHERE username IN (${inList([dan, eve, fay, gus, hal, ivy])})`), '0',
      'the good line was not imported either');
  });

  test('a wrong header gets one message naming the columns', async () => {
    await upload(page, 'header.csv', 'username,mail,name,role\nx1,x1@example.ac.uk,X,student\n', 400);
    const found = await problems(page);
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].line, found[0].column], [1, 'header']);
    assert.match(found[0].problem, /missing: email, display_name, cohort_code, cohort_role; not expected: "mail", "name"/);
  });

  test('an upload of no file asks for one', async () => {
    await h.visit(page, '/admin/import', { axe: false });
    const [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: 'Import people' }).click(),
    ]);
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Choose a CSV file to import/);
    await assertAccessible(page, 'import without a file');
  });

  test('a file larger than Tandem accepts gets the 413 page, from nginx or from the app', async () => {
    await h.visit(page, '/admin/import', { axe: false });
    const csrf = await page.locator('form[action="/admin/import"] input[name=csrf_token]').inputValue();
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    for (const mb of [50, 20.5]) {
      const boundary = 'tandemboundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n${csrf}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n${COLUMNS}\r\n`;
      const body = Buffer.concat([Buffer.from(head), Buffer.alloc(mb * 1024 * 1024, 'a'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const res = await request('POST', '/admin/import', {
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, body,
      });
      assert.equal(res.status, 413, `${mb} MB`);
      assert.match(res.body, /too large/, `${mb} MB`);
    }
  });
});

describe('a site admin chooses the college', () => {
  let page;
  before(async () => {
    page = await h.newPage();
    await signIn(page, 'siteadmin');
  });
  after(() => page.context().close());

  test('and the people go to that college', async () => {
    await h.visit(page, '/admin/import');
    assert.ok(await page.locator('select#institution option').count() >= 2);
    const kim = user(`kim-${RUN}`);
    const north = sql(`SELECT id FROM institutions WHERE slug = '${copy.northSlug}'`);
    await upload(page, 'northgate.csv', csv([[kim, `${kim}@example.ac.uk`, 'Kim', 'student', 'MAT-Y12', 'learner']]), 200,
      { college: [north, 'Northgate Sixth Form College'] });
    assert.match(await page.locator('.govuk-panel').innerText(), /into Northgate Sixth Form College/);
    assert.equal(sql(`SELECT i.slug FROM users u JOIN institutions i ON i.id = u.institution_id WHERE u.username = '${kim}'`), copy.northSlug);
    assert.equal(sql(`SELECT c.code || ' ' || c.institution_id FROM memberships m JOIN users u ON u.id = m.user_id
                       JOIN cohorts c ON c.id = m.cohort_id WHERE u.username = '${kim}'`), `MAT-Y12 ${north}`);
  });
});

describe('people who do not administer cannot import', () => {
  test('a student opening /admin/import gets 404', async () => {
    const page = await h.newPage();
    try {
      await signIn(page, 'amira');
      await h.visit(page, '/admin/import', { expectStatus: 404 });
    } finally {
      await page.context().close();
    }
  });
});

/**
 * Asserts that `err` names every college on the stack, a line each ("  SLUG
 * NAME", in slug order), after its first line, which matches `first`: other
 * files' colleges come and go meanwhile, so the list is checked against the
 * colleges there are just after, and must name this file's three.
 */
function assertListsColleges(err, first) {
  const [head, ...lines] = err.trimEnd().split('\n');
  assert.match(head, first);
  const listed = lines.map((l) => l.match(/^ {2}(\S+) +(.+)$/)?.[1]);
  assert.ok(listed.every(Boolean), `a line that is no college's in:\n${err}`);
  assert.deepEqual([...listed].sort(), listed, 'in slug order');
  for (const slug of [copy.slug, copy.northSlug, COLLEGE]) assert.ok(listed.includes(slug), `${slug} in:\n${err}`);
  const known = sql(`SELECT count(*) FROM institutions WHERE slug IN (${inList(listed)})`);
  assert.equal(known, String(listed.length), `slugs that are no college's in:\n${err}`);
  const count = head.match(/there are (\d+) colleges/);
  if (count) assert.equal(Number(count[1]), listed.length, 'as many listed as it says');
}

describe('tandem import-users', () => {
  const college = COLLEGE;
  const bulk = (prefix, n, bad) => {
    const rows = [];
    for (let i = 1; i <= n; i++) {
      const u = user(`${prefix}-${String(i).padStart(5, '0')}`);
      rows.push([u, `${u}@example.ac.uk`, `Person ${i} of ${prefix}`, 'student', 'BULK-A', 'learner']);
      if (i % 10 === 0) rows.push([u, `${u}@example.ac.uk`, `Person ${i} of ${prefix}`, 'student', 'BULK-A', 'rep']);
    }
    if (bad) rows[bad - 2][1] = 'broken-email';
    return csv(rows);
  };
  const good = join(TMP, 'bulk.csv');

  before(() => writeFileSync(good, bulk(`b${RUN}`, 10_000)));

  // How long it takes is for `make bench`, not for a test.
  test('imports 10,000 people with memberships (and, asked not to, emails none of them)', () => {
    const r = tandem(['import-users', good, '--institution', college, '--no-email']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /10000 created, 0 updated, 0 unchanged, 11000 memberships added/);
    const links = r.out.split('\n').filter((l) => /^\S+ {2}\/reset\/[A-Za-z0-9_-]{43}$/.test(l));
    assert.equal(links.length, 10_000);
    assert.equal(sql(`SELECT count(*) FROM users u JOIN institutions i ON i.id = u.institution_id WHERE i.slug = '${college}'`), '10000');
    assert.equal(sql(`SELECT count(*) FROM memberships m JOIN institutions i ON i.id = m.institution_id WHERE i.slug = '${college}'`), '11000');
    assert.equal(sql(`SELECT count(*) FROM outbox o JOIN users u ON u.id = o.user_id WHERE u.username LIKE 'b${RUN}-%'`), '0', 'no welcome mail queued');
  });

  test('importing it again changes nothing', () => {
    const r = tandem(['import-users', good, '--institution', college]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /0 created, 0 updated, 10000 unchanged, 0 memberships added/);
    assert.doesNotMatch(r.out, /\/reset\//);
  });

  test('a bad line 9,999 imports nothing', () => {
    const file = join(TMP, 'bad-bulk.csv');
    writeFileSync(file, bulk(`c${RUN}`, 10_000, 9_999));
    const r = tandem(['import-users', file, '--institution', college]);
    assert.equal(r.code, 1);
    assert.match(r.err, /^line 9999: email: "broken-email" is not an email address/m);
    assert.match(r.err, /has 1 problem: nothing was imported/);
    assert.equal(sql(`SELECT count(*) FROM users WHERE username LIKE 'c${RUN}-%.${TAG}'`), '0');
    assert.equal(sql(`SELECT count(*) FROM users u JOIN institutions i ON i.id = u.institution_id WHERE i.slug = '${college}'`), '10000');
  });

  test('explains what it needs', () => {
    assert.equal(tandem(['import-users']).code, 2);
    const help = tandem(['import-users', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /usage: tandem import-users FILE\.csv/);
    const which = tandem(['import-users', good]);
    assert.equal(which.code, 2);
    assertListsColleges(which.err, /^tandem: there are \d+ colleges: say which with --institution SLUG:$/);
    const missing = tandem(['import-users', join(TMP, 'nope.csv'), '--institution', college]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read/);
  });
});

describe('tandem user add', () => {
  const ops = user(`ops-${RUN}`);
  const x = user(`x-${RUN}`);
  const nowhere = `${TAG}-nowhere`;
  const add = (args, input = `ops-${RUN}-password\n`) => tandem(['user', 'add', ...args], { input });

  test('creates a site admin who can sign in and administer', async () => {
    const r = add([ops, '--email', `${ops}@example.ac.uk`, '--name', `Operator ${RUN}`, '--role', 'site_admin',
      '--institution', COLLEGE, '--password-stdin']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`added ${literal(ops)} to ${literal(COLLEGE_NAME)}`));
    assert.equal(sql(`SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.target_user_id WHERE a.action = 'user_created' AND u.username = '${ops}'`), '1');
    const page = await h.newPage();
    try {
      await signIn(page, ops, `ops-${RUN}-password`);
      await h.visit(page, '/admin/import');
      assert.ok(await page.locator('select#institution').count() === 1, 'a site admin chooses the college');
    } finally {
      await page.context().close();
    }
  });

  test('refuses a taken username, an unknown college and bad input', () => {
    const base = ['--email', `${x}@example.ac.uk`, '--name', 'X', '--role', 'staff', '--institution', COLLEGE, '--password-stdin'];
    const taken = add([ops, ...base]);
    assert.equal(taken.code, 1);
    assert.match(taken.err, /already taken/);
    const elsewhere = add([x, ...base.slice(0, 6), '--institution', nowhere, '--password-stdin']);
    assert.equal(elsewhere.code, 1);
    assertListsColleges(elsewhere.err, new RegExp(`^tandem: there is no college "${literal(nowhere)}"; the colleges are:$`));
    assert.equal(add([x, ...base], 'short\n').code, 2);
    assert.equal(add(['X Y', ...base]).code, 2);
    assert.equal(add([x, '--email', 'nope', ...base.slice(2)]).code, 2);
    assert.equal(add([x, ...base.slice(0, 4), '--role', 'wizard', ...base.slice(6)]).code, 2);
    assert.equal(add([x, '--name', 'X']).code, 2);
    assert.equal(sql(`SELECT count(*) FROM users WHERE username = '${x}'`), '0');
    const help = tandem(['user', 'add', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /--password-stdin/);
  });
});
