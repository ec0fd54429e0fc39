// Student voice: a cohort's representative writes an anonymous poll with
// every kind of question for a cohort of seven learners and opens it; its
// anonymity is fixed from then on; learners vote (one from two tabs at the
// same moment, and bad ballots are refused with nothing recorded); results
// show only once a batch is counted; the database holds nothing that links a
// ballot to a voter (each is sealed, and nothing is counted while fewer
// than 2k have voted); the rep closes the poll early, which counts the five
// ballots at once and destroys the poll's key; a late vote is refused, the
// results download as CSV; then an issue raised from the results goes
// from raised to done, with the cohort reading the answers on its board,
// and an overdue issue is told to the responsible person and her manager.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness } from './lib/browser.mjs';
import { college, literal, user } from './lib/college.mjs';
import { collegeId, makeCohort, psql, userId } from './lib/db.mjs';
import { tandem } from './lib/env.mjs';
import { existsSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';

/** Runs a tandem subcommand against the test stack, in this environment (TANDEM_KEYS); its output. */
function runTandem(...args) {
  const out = tandem(args, { env: process.env });
  assert.equal(out.code, 0, out.err);
  return out.out;
}
const keyFile = (poll) => `${process.env.TANDEM_KEYS || `${process.env.TANDEM_VAR}/keys`}/poll-${poll}.key`;

const h = harness(import.meta.url);
const press = h.press;
before(() => h.launch());
after(() => h.close());

const RUN = Date.now().toString(36);
const COHORT = `VOICE-${RUN}`.toUpperCase();
const COHORT_NAME = `Voice test group ${RUN}`;
const REP = `rep-${RUN}`;
const LEARNERS = [1, 2, 3, 4, 5, 6].map((n) => `voter${n}-${RUN}`);
const TITLE = `Study spaces ${RUN}`;

const main = (page) => page.locator('main').innerText();
/** This file's cohort (its code is this run's, but codes are per college). */
const cohortId = () => psql(`SELECT id FROM cohorts WHERE code = '${COHORT}' AND institution_id = ${collegeId()}`);

/** Posts fields to path from page with its CSRF token, as a tampered form would. */
async function post(page, path, fields, expectStatus) {
  const csrf = await page.locator('input[name="csrf_token"]').first().inputValue();
  return h.submit(page, path, { csrf_token: csrf, ...fields }, { expectStatus });
}

/** Ticks the answers of the test poll's ballot (as a person does with the keyboard-friendly controls). */
async function fillBallot(page, { room = 'Room A', snacks = ['Fruit'], rating = '4', ranks = { Museum: '1', Theatre: '2' }, text = '' } = {}) {
  await page.getByRole('group', { name: /Which room do you prefer/ }).getByLabel(room, { exact: true }).check();
  for (const s of snacks) await page.getByRole('group', { name: /Which snacks/ }).getByLabel(s, { exact: true }).check();
  await page.getByRole('group', { name: /How useful are tutorials/ }).getByLabel(new RegExp(`^${rating}`)).check();
  for (const [option, rank] of Object.entries(ranks)) await page.getByLabel(option, { exact: true }).selectOption(rank);
  if (text) await page.getByLabel(/Anything else/).fill(text);
}

describe('a representative polls her cohort anonymously', () => {
  let rep, pollId, pollPath, voters = [];
  before(async () => {
    makeCohort({ code: COHORT, name: COHORT_NAME, rep: REP, learners: LEARNERS });
    rep = await h.newPage(); await h.signIn(rep, REP);
  });
  after(async () => { await rep.context().close(); for (const v of voters) await v.context().close(); });

  test('the rep writes the poll; a missing closing time is refused with what she typed kept', async () => {
    await h.visit(rep, '/voice');
    await rep.getByRole('link', { name: 'Create a poll' }).click();
    await rep.waitForLoadState();
    await h.visit(rep, '/voice/polls/new');
    await rep.getByLabel('Title').fill(TITLE);
    await rep.getByLabel(/What the poll is about/).fill('Where and how should we study outside lessons?');
    await rep.getByLabel(new RegExp(COHORT_NAME)).check();
    await rep.getByLabel('At any time, as votes come in').check();
    await press(rep, 'Save the poll', { expectStatus: 400 });
    assert.match(await main(rep), /Enter the closing time|closing time/);
    assert.equal(await rep.getByLabel('Title').inputValue(), TITLE);
    const closes = new Date(Date.now() + 2 * 86400e3).toISOString().slice(0, 16);
    await rep.getByLabel('Closes', { exact: true }).fill(closes);
    await rep.getByLabel('Opens (optional)').fill('2020-01-01T09:00');
    await press(rep, 'Save the poll', { expectStatus: 400 });
    assert.match(await main(rep), /The opening time has passed/);
    await rep.getByLabel('Opens (optional)').fill('');
    await press(rep, 'Save the poll');
    pollPath = new URL(rep.url()).pathname;
    assert.match(pollPath, /^\/voice\/polls\/\d+$/);
    pollId = pollPath.split('/')[3];
    assert.match(await main(rep), /State\s*Draft/);
    assert.match(await main(rep), /No questions yet/);
  });

  test('she adds one question of each kind, and opens the poll', async () => {
    const add = async (kind, prompt, fields = {}) => {
      await h.visit(rep, pollPath);
      const details = rep.locator('details', { hasText: 'Add a question' });
      if (!(await details.getAttribute('open') !== null)) await details.locator('summary').click();
      await rep.getByLabel(kind).check();
      await rep.getByLabel('Question', { exact: true }).fill(prompt);
      for (const [label, value] of Object.entries(fields)) await rep.getByLabel(label, { exact: true }).fill(value);
      await press(rep, 'Add the question');
    };
    await add('One choice from the options', 'Which room do you prefer?', { Options: 'Room A\nRoom B\nRoom C' });
    await add('Several choices from the options', 'Which snacks should the study room have?',
      { Options: 'Fruit\nCrisps\nCereal bars\nNothing', 'Fewest choices (optional)': '1', 'Most choices (optional)': '2' });
    await add('A rating from 1 to 5', 'How useful are tutorials?', { 'Label of 1 (optional)': 'Useless', 'Label of 5 (optional)': 'Very useful' });
    await add('The options ranked in order of preference', 'Rank the trips', { Options: 'Museum\nFactory tour\nTheatre', 'Most choices (optional)': '3' });
    await h.visit(rep, pollPath);
    await rep.locator('details', { hasText: 'Add a question' }).locator('summary').click();
    await rep.getByLabel('A written answer').check();
    await rep.getByLabel('Question', { exact: true }).fill('Anything else?');
    await rep.getByLabel('Voters may skip this question').check();
    await press(rep, 'Add the question');
    assert.equal(psql(`SELECT count(*) FROM poll_questions WHERE poll_id = ${pollId}`), '5');
    assert.match(await main(rep), /Choose from 1 to 2/);
    // Before it opens, a poll is its creator's alone: a learner it is for
    // neither sees it nor changes it.
    const early = await h.newPage(); await h.signIn(early, LEARNERS[0]);
    await h.visit(early, pollPath, { expectStatus: 404, axe: false });
    await h.visit(early, '/voice', { axe: false });
    assert.doesNotMatch(await main(early), new RegExp(literal(TITLE)));
    await post(early, `${pollPath}/questions`, { kind: 'text', prompt: 'Mine?' }, 404);
    await h.visit(early, '/voice', { axe: false });
    await post(early, `${pollPath}/open`, {}, 404);
    assert.equal(psql(`SELECT count(*) FROM poll_questions WHERE poll_id = ${pollId}`), '5');
    assert.equal(psql(`SELECT opens_at IS NULL FROM polls WHERE id = ${pollId}`), 't');
    await early.context().close();
    await h.visit(rep, pollPath);
    await press(rep, 'Open the poll now');
    assert.match(await main(rep), /State\s*Open/);
  });

  test('once open, its anonymity cannot change (409) and nothing changes', async () => {
    await h.visit(rep, pollPath);
    await post(rep, pollPath, { title: TITLE, description: '', audience: cohortId(),
      anonymous: 'no', visibility: 'live', opens_at: '', closes_at: '2030-01-01T12:00' }, 409);
    assert.match(await main(rep), /anonymous, are fixed/);
    assert.equal(psql(`SELECT anonymous FROM polls WHERE id = ${pollId}`), 't');
    await h.visit(rep, pollPath);
    await post(rep, `${pollPath}/questions`, { kind: 'text', prompt: 'Too late?' }, 409);
    assert.equal(psql(`SELECT count(*) FROM poll_questions WHERE poll_id = ${pollId}`), '5');
  });

  test('someone outside the cohort cannot see the poll or vote in it (404)', async () => {
    const sofia = await h.newPage(); await h.signIn(sofia, 'sofia');
    await h.visit(sofia, pollPath, { expectStatus: 404 });
    await h.visit(sofia, '/voice');
    await post(sofia, `${pollPath}/vote`, {}, 404);
    assert.equal(psql(`SELECT count(*) FROM poll_voters WHERE poll_id = ${pollId}`), '0');
    await sofia.context().close();
    // Nor a member of staff at the college, nor Nadia at the other college:
    // not the poll, its results, its figures, nor closing it.
    for (const who of ['tom', 'nadia']) {
      const other = await h.newPage(); await h.signIn(other, who);
      for (const path of [pollPath, `${pollPath}/results`, `${pollPath}/csv`, `${pollPath}/edit`]) {
        await h.visit(other, path, { expectStatus: 404, axe: false });
      }
      await h.visit(other, '/voice', { axe: false });
      assert.doesNotMatch(await main(other), new RegExp(literal(TITLE)));
      await post(other, `${pollPath}/vote`, {}, 404);
      await h.visit(other, '/voice', { axe: false });
      await post(other, `${pollPath}/close`, {}, 404);
      await other.context().close();
    }
    assert.equal(psql(`SELECT count(*) FROM poll_voters WHERE poll_id = ${pollId}`), '0');
    assert.equal(psql(`SELECT closes_at > now() FROM polls WHERE id = ${pollId}`), 't');
  });

  test('bad ballots are refused (400) with a clear message and nothing recorded', async () => {
    const v = await h.newPage(); voters.push(v); await h.signIn(v, LEARNERS[0]);
    await h.visit(v, pollPath);
    const q = (prompt) => psql(`SELECT id FROM poll_questions WHERE poll_id = ${pollId} AND prompt LIKE '${prompt}%'`);
    const o = (label) => psql(`SELECT id FROM poll_options WHERE poll_id = ${pollId} AND label = '${label}'`);
    // An option of another poll of this college (the demo's).
    const other = psql(`SELECT o.id FROM poll_options o JOIN polls p ON p.id = o.poll_id
                         WHERE o.poll_id <> ${pollId} AND p.institution_id = ${collegeId()} ORDER BY o.id LIMIT 1`);
    assert.match(other, /^\d+$/, 'the college has another poll with options');
    const good = { [`q${q('Which room')}`]: o('Room A'), [`q${q('How useful')}`]: psql(`SELECT id FROM poll_options WHERE question_id = ${q('How useful')} AND position = 3`),
      [`r${o('Museum')}`]: '1' };
    // An option of another poll.
    await post(v, `${pollPath}/vote`, { ...good, [`q${q('Which snacks')}`]: other }, 400);
    assert.match(await main(v), /not one of this poll's/);
    // More choices than allowed: the form's own checkboxes, three ticked.
    await h.visit(v, pollPath);
    await fillBallot(v, { snacks: ['Fruit', 'Crisps', 'Nothing'] });
    await press(v, 'Cast your vote', { expectStatus: 400 });
    assert.match(await main(v), /Question 2 takes from 1 to 2 choices; this vote gave 3/);
    assert.equal(await v.getByLabel('Crisps').isChecked(), true, 'what was chosen is kept');
    // A ranking with repeats.
    await h.visit(v, pollPath);
    await fillBallot(v, { ranks: { Museum: '1', Theatre: '1' } });
    await press(v, 'Cast your vote', { expectStatus: 400 });
    assert.match(await main(v), /two options are ranked 1st/);
    // A ranking with a gap.
    await h.visit(v, pollPath);
    await fillBallot(v, { ranks: { Museum: '1', Theatre: '3' } });
    await press(v, 'Cast your vote', { expectStatus: 400 });
    assert.match(await main(v), /without gaps/);
    assert.equal(psql(`SELECT count(*) FROM poll_voters WHERE poll_id = ${pollId}`), '0');
    assert.equal(psql(`SELECT voters FROM polls WHERE id = ${pollId}`), '0');
  });

  test('a learner votes with the ranking controls and gets a receipt, not her answers', async () => {
    const v = voters[0];
    await h.visit(v, pollPath);
    await fillBallot(v, { room: 'Room B', snacks: ['Fruit', 'Cereal bars'], rating: '5', ranks: { Theatre: '1', Museum: '2', 'Factory tour': '3' }, text: `Quiet room please ${RUN}` });
    await press(v, 'Cast your vote');
    assert.match(await main(v), /You voted\s*on \d+ \w+ \d{4}/);
    assert.doesNotMatch(await main(v), /Room B|Quiet room please/, 'the receipt says that she voted, not what');
    await post(v, `${pollPath}/vote`, {}, 409);
    assert.match(await main(v), /voted in this poll already/);
  });

  test('the same learner submitting from two tabs at once counts once: one vote, one 409', async () => {
    const v = await h.newPage(); voters.push(v); await h.signIn(v, LEARNERS[1]);
    const tab2 = await v.context().newPage();
    for (const tab of [v, tab2]) { await h.visit(tab, pollPath); await fillBallot(tab); }
    const statuses = await Promise.all([v, tab2].map(async (tab) => {
      const [response] = await Promise.all([
        tab.waitForResponse((res) => res.url().endsWith('/vote') && res.request().method() === 'POST'),
        tab.getByRole('button', { name: 'Cast your vote' }).click(),
      ]);
      await tab.waitForLoadState();
      return response.status();
    }));
    assert.deepEqual(statuses.sort(), [303, 409], 'one vote recorded, one refused');
    const refused = (await main(v)).includes('already') ? v : tab2;
    assert.match(await main(refused), /voted in this poll already/);
    const learner = userId(LEARNERS[1]);
    assert.equal(psql(`SELECT count(*) FROM poll_voters WHERE poll_id = ${pollId} AND user_id = ${learner}`), '1');
    assert.equal(psql(`SELECT count(sealed) FROM poll_voters WHERE poll_id = ${pollId}`), '2');
    assert.equal(psql(`SELECT voters FROM polls WHERE id = ${pollId}`), '2');
    await tab2.close();
  });

  test('nothing is counted while fewer than ten have voted: the page says why', async () => {
    for (const [i, learner] of LEARNERS.slice(2, 5).entries()) {
      await h.visit(rep, `${pollPath}/results`);
      assert.match(await main(rep), /No ballots are counted yet/);
      assert.equal(await rep.locator('svg.tandem-chart').count(), 0);
      const v = await h.newPage(); voters.push(v); await h.signIn(v, learner);
      await h.visit(v, pollPath);
      await fillBallot(v, { room: i === 0 ? 'Room C' : 'Room A', ranks: i === 0 ? { 'Factory tour': '1' } : { Museum: '1', Theatre: '2' } });
      await press(v, 'Cast your vote');
    }
    // A pass counts every college's polls (other test files' too): this
    // poll's five wait, fewer than 2k, so none of them is opened.
    assert.match(runTandem('count-ballots'), /^\d+ ballots? opened/);
    assert.equal(psql(`SELECT counted || '/' || spoiled || '/' || uncounted || '/' || voters || '/' || (final_at IS NULL)
                         || '/' || (SELECT count(sealed) || '/' || count(*) FILTER (WHERE opened) FROM poll_voters WHERE poll_id = ${pollId})
                         FROM polls WHERE id = ${pollId}`), '0/0/0/5/true/5/0', 'five waiting: fewer than 2k, so none opened');
    await h.visit(rep, `${pollPath}/results`);
    assert.match(await main(rep), /5 people have voted/);
    assert.match(await main(rep), /the first results show once 10 people have voted/);
    assert.equal(await rep.locator('svg.tandem-chart').count(), 0);
    await h.visit(voters[0], `${pollPath}/results`);
    assert.match(await main(voters[0]), /No ballots are counted yet/);
    const csv = await rep.evaluate(async (url) => (await fetch(url)).status, `${BASE_URL}${pollPath}/csv`);
    assert.equal(csv, 404, 'nor in the CSV');
  });

  test('the database holds each ballot sealed, all of one size, and nothing in plaintext yet', async () => {
    for (const table of ['poll_texts', 'poll_named']) {
      const columns = psql(`SELECT string_agg(column_name || ':' || data_type || ':' || coalesce(column_default, '') || ':' || is_identity, ' ')
                              FROM information_schema.columns WHERE table_name = '${table}' AND column_name <> 'user_id'`);
      assert.doesNotMatch(columns, /voter|author|created|_at\b/i, `${table}: no column naming a time: ${columns}`);
      assert.doesNotMatch(columns, /timestamp|time without|time with/i, `${table}: no timestamp column`);
      assert.doesNotMatch(columns, /nextval|:YES/, `${table}: no sequence or identity column`);
    }
    assert.equal(psql("SELECT count(*) FROM pg_constraint WHERE conrelid = 'poll_texts'::regclass AND confrelid IN ('users'::regclass, 'poll_voters'::regclass)"), '0');
    assert.equal(psql(`SELECT count(*) || '/' || count(sealed) || '/' || count(DISTINCT octet_length(sealed)) FROM poll_voters WHERE poll_id = ${pollId}`), '5/5/1',
      'five sealed ballots, all the same length whatever they say');
    assert.equal(psql(`SELECT count(*) FROM poll_texts WHERE poll_id = ${pollId}`), '0');
    assert.equal(psql(`SELECT sum(votes) FROM poll_options WHERE poll_id = ${pollId}`), '0');
    assert.equal(psql(`SELECT count(*) FROM poll_named WHERE poll_id = ${pollId}`), '0');
    assert.ok(existsSync(keyFile(pollId)), 'the poll\'s private key is on the server while it is open');
  });

  test('with the poll\'s key missing on the server, a vote answers 503 and nothing is stored', async () => {
    const v = await h.newPage(); voters.push(v); await h.signIn(v, LEARNERS[5]);
    await h.visit(v, pollPath);
    await fillBallot(v);
    renameSync(keyFile(pollId), `${keyFile(pollId)}.away`);
    try {
      await press(v, 'Cast your vote', { expectStatus: 503 });
      assert.match(await main(v), /the key that keeps ballots secret is missing on the server\. Nothing was recorded/);
    } finally {
      renameSync(`${keyFile(pollId)}.away`, keyFile(pollId));
    }
    assert.equal(psql(`SELECT voters || '/' || (SELECT count(*) FROM poll_voters WHERE poll_id = ${pollId}) FROM polls WHERE id = ${pollId}`), '5/5');
  });

  test('the audit log names the poll by its id, never its title', async () => {
    assert.equal(psql(`SELECT detail FROM audit_log WHERE action = 'poll_created' AND detail = 'poll ${pollId}'`), `poll ${pollId}`);
    assert.equal(psql(`SELECT count(*) FROM audit_log WHERE detail LIKE '%${TITLE}%'`), '0');
  });

  test('the rep closes the poll early: all five are counted at once, the key is destroyed, a late vote is refused', async () => {
    await h.visit(rep, pollPath);
    await press(rep, 'Close the poll early');
    assert.equal(await rep.locator('h1').innerText(), 'Close this poll now?', 'it asks first');
    await assertAccessible(rep, 'the question before closing a poll early');
    assert.equal(psql(`SELECT closes_at > now() FROM polls WHERE id = ${pollId}`), 't', 'asking changes nothing');
    await press(rep, 'Close the poll now');
    assert.match(await main(rep), /State\s*Closed/);
    assert.equal(existsSync(keyFile(pollId)), false, 'the key is gone');
    assert.equal(psql(`SELECT count(sealed) || '/' || counted FROM poll_voters, polls WHERE poll_id = polls.id AND polls.id = ${pollId} GROUP BY counted`), '0/5');
    assert.equal(psql(`SELECT count(*) FROM poll_named WHERE poll_id = ${pollId}`), '0', 'an anonymous poll writes no names');
    await h.visit(rep, `${pollPath}/results`);
    assert.match(await main(rep), /All 5 ballots are counted/);
    assert.equal(await rep.locator('svg.tandem-chart').count(), 4, 'a chart for each choice question');
    const rooms = rep.locator('table', { has: rep.locator('th', { hasText: 'Room A' }) });
    assert.match(await rooms.innerText(), /Room A\s*3\s*60%/);
    assert.match(await rooms.innerText(), /Room B\s*1\s*20%/);
    assert.match(await main(rep), /Instant run-off, round by round/);
    assert.match(await main(rep), /Winner: Museum/);
    assert.match(await main(rep), new RegExp(`Quiet room please ${RUN}`));
    assert.match(await main(rep), new RegExp(`${COHORT_NAME}\\s*7\\s*5\\s*71%`), 'turnout of the cohort');
    await h.visit(voters[0], `${pollPath}/results`);
    assert.match(await main(voters[0]), /Average rating/);

    const late = await h.newPage(); voters.push(late); await h.signIn(late, LEARNERS[5]);
    await h.visit(late, pollPath);
    assert.equal(await late.getByRole('button', { name: 'Cast your vote' }).count(), 0, 'no ballot on a closed poll');
    const o = psql(`SELECT id FROM poll_options WHERE poll_id = ${pollId} AND label = 'Room A'`);
    await post(late, `${pollPath}/vote?choice=${RUN}`, { [`q${psql(`SELECT question_id FROM poll_options WHERE id = ${o}`)}`]: o }, 409);
    assert.match(await main(late), /closed/);
    // The request log names the vote, never a query string or what it said.
    const log = readFileSync(`${process.env.TANDEM_VAR}/log/tandem.log`, 'utf8');
    assert.match(log, new RegExp(`POST ${pollPath}/vote 409 `));
    assert.doesNotMatch(log, new RegExp(`choice=${RUN}|Quiet room please ${RUN}`));
    assert.equal(psql(`SELECT voters FROM polls WHERE id = ${pollId}`), '5');
    const csv = await rep.evaluate(async (url) => { const r = await fetch(url); return { status: r.status, type: r.headers.get('content-type'), body: await r.text() }; }, `${BASE_URL}${pollPath}/csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.type, /text\/csv/);
    assert.match(csv.body, /"Which room do you prefer\?","single","Room A","3","60",""/);
    assert.match(csv.body, new RegExp(`"Anything else\\?","text","Quiet room please ${RUN}","","",""`), 'no name beside an anonymous answer');
  });

  test('a key whose poll is not yet visible (its opening transaction still running) survives a mixer pass; a stray one an hour old goes', () => {
    // The key file is made inside the transaction that opens the poll, so
    // the mixer (in the mail worker) can see a file before its row commits.
    const unborn = Number(psql("SELECT last_value FROM polls_id_seq")) + 1000;
    const file = keyFile(unborn);
    writeFileSync(file, Buffer.alloc(32, 7), { mode: 0o600 });
    try {
      runTandem('count-ballots');
      assert.ok(existsSync(file), 'a young key of a row not (yet) seen is kept');
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      utimesSync(file, twoHoursAgo, twoHoursAgo);
      runTandem('count-ballots');
      assert.equal(existsSync(file), false, 'a key an hour old with no poll is destroyed');
    } finally {
      rmSync(file, { force: true });
    }
  });

  test('an issue raised from the results goes from raised to done, and the cohort reads it', async () => {
    await h.visit(rep, `${pollPath}/results`);
    await rep.getByRole('link', { name: 'Raise an issue from these results' }).click();
    await rep.waitForLoadState();
    await rep.getByLabel('Title').fill(`A quiet study room ${RUN}`);
    await rep.getByLabel(/What students said/).fill('Three in five of us want **Room A** kept quiet at lunchtime.');
    await rep.getByLabel('Member of staff responsible').fill('nobody-here');
    const due = new Date(Date.now() + 7 * 86400e3).toISOString().slice(0, 10);
    await rep.getByLabel('Answer due by').fill(due);
    await press(rep, 'Raise the issue', { expectStatus: 400 });
    assert.match(await main(rep), /no member of staff/);
    await rep.getByLabel('Member of staff responsible').fill(user('priya'));
    await press(rep, 'Raise the issue');
    const issuePath = new URL(rep.url()).pathname;
    assert.match(issuePath, /^\/voice\/issues\/\d+$/);
    assert.match(await main(rep), /Raised/);
    assert.equal(psql(`SELECT poll_id FROM voice_issues WHERE id = ${issuePath.split('/')[3]}`), pollId);

    // A learner is not responsible: her answer is refused and changes nothing.
    await h.visit(voters[0], issuePath);
    assert.equal(await voters[0].getByRole('button', { name: 'Save the answer' }).count(), 0);
    await post(voters[0], `${issuePath}/respond`, { status: 'done', response: 'Sorted!' }, 404);
    assert.equal(psql(`SELECT status FROM voice_issues WHERE id = ${issuePath.split('/')[3]}`), 'raised');

    const priya = await h.newPage(); await h.signIn(priya, 'priya');
    await h.visit(priya, '/voice');
    assert.match(await main(priya), new RegExp(`Issues for you to answer[\\s\\S]*A quiet study room ${RUN}`));
    assert.ok(Number(psql(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = '${user('priya')}' AND n.link = '${issuePath}'`)) >= 1, 'she was told');
    await h.visit(priya, issuePath);
    await priya.getByLabel(/Not possible/).check();
    await press(priya, 'Save the answer', { expectStatus: 400 });
    assert.match(await main(priya), /the reason is required/);
    for (const [status, words] of [['Received', ''], ['Under consideration', 'We are asking the library team.'], ['Done', 'Room A is a **silent study room** at lunchtime from Monday.']]) {
      await h.visit(priya, issuePath);
      await priya.getByLabel(status, { exact: true }).check();
      await priya.getByLabel('Response').fill(words);
      await press(priya, 'Save the answer');
    }
    assert.equal(await priya.locator('#timeline ~ ol li').count(), 4, 'raised and three answers, each kept');
    await priya.context().close();

    await h.visit(voters[2], '/voice');
    await voters[2].getByRole('link', { name: COHORT_NAME }).click();
    await voters[2].waitForLoadState();
    const card = voters[2].locator('.govuk-summary-card', { hasText: `A quiet study room ${RUN}` });
    assert.match(await card.innerText(), /Done/);
    assert.equal(await card.locator('strong', { hasText: 'silent study room' }).count(), 1, 'the response, formatted');
    await h.visit(voters[2], issuePath);
    assert.match(await main(voters[2]), /Received[\s\S]*Under consideration[\s\S]*asking the library team[\s\S]*Done/);
    // Outside the cohort, the issue and its board are not there (404): a
    // learner of another group, and Nadia at the other college, whose own
    // college board does not show it either. David, Priya's line manager,
    // follows what she answers: he reads the issue, but not the board.
    const boardPath = `/voice/cohorts/${cohortId()}`;
    for (const who of ['sofia', 'nadia']) {
      const other = await h.newPage(); await h.signIn(other, who);
      await h.visit(other, issuePath, { expectStatus: 404, axe: false });
      await h.visit(other, boardPath, { expectStatus: 404, axe: false });
      await h.visit(other, '/voice/college', { axe: false });
      assert.doesNotMatch(await main(other), new RegExp(`A quiet study room ${RUN}`));
      await other.context().close();
    }
    const david = await h.newPage(); await h.signIn(david, 'david');
    await h.visit(david, issuePath, { axe: false });
    assert.match(await main(david), new RegExp(`A quiet study room ${RUN}`));
    await h.visit(david, boardPath, { expectStatus: 404, axe: false });
    await david.context().close();
  });

  test('an overdue issue is flagged on the board and told to the responsible person and her manager', async () => {
    await h.visit(rep, '/voice/issues/new');
    await rep.getByLabel('Title').fill(`Printer credits ${RUN}`);
    await rep.getByLabel(/What students said/).fill('We run out of printer credit in week 3.');
    await rep.getByLabel('Member of staff responsible').fill(user('priya'));
    const isoDay = (days) => new Date(Date.now() + days * 86400e3).toISOString().slice(0, 10);
    // A date already past would make it overdue, and tell her manager, at once.
    await rep.getByLabel('Answer due by').fill(isoDay(-1));
    await press(rep, 'Raise the issue', { expectStatus: 400 });
    assert.match(await rep.locator('.govuk-error-summary').innerText(), /must be after today/);
    assert.equal(psql(`SELECT count(*) FROM voice_issues WHERE title = 'Printer credits ${RUN}'`), '0', 'nothing raised');
    assert.equal(await rep.getByLabel(/What students said/).inputValue(), 'We run out of printer credit in week 3.', 'what was typed is kept');
    await rep.getByLabel('Answer due by').fill(isoDay(1));
    await press(rep, 'Raise the issue');
    const id = new URL(rep.url()).pathname.split('/')[3];
    psql(`UPDATE voice_issues SET due_on = current_date - 1 WHERE id = ${id}`);
    let told = '0';
    for (let i = 0; i < 40 && told !== '2'; i++) {
      told = psql(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.link = '/voice/issues/${id}' AND n.subject LIKE 'Overdue:%' AND u.username IN ('${user('priya')}', '${user('david')}')`);
      if (told !== '2') await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(told, '2', 'the responsible person and her line manager are told, once each');
    await h.visit(voters[0], `/voice/cohorts/${cohortId()}`);
    assert.match(await voters[0].locator('.govuk-summary-card', { hasText: `Printer credits ${RUN}` }).innerText(), /Overdue/);
    const david = await h.newPage(); await h.signIn(david, 'david');
    await h.visit(david, '/voice');
    assert.match(await david.locator('tr', { hasText: `Printer credits ${RUN}` }).innerText(), /For Priya Sharma[\s\S]*Overdue/);
    await h.visit(david, `/voice/issues/${id}`);
    assert.equal(await david.getByRole('button', { name: 'Change the date' }).count(), 0, 'only whoever raised it moves its date');
    await david.context().close();

    // The rep who raised it moves the date: not into the past, and no one else.
    await h.visit(rep, `/voice/issues/${id}`);
    await rep.getByLabel('Answer due by').fill(isoDay(0));
    await press(rep, 'Change the date', { expectStatus: 400 });
    assert.match(await rep.locator('#due_on-error').innerText(), /must be after today/, 'the error is on the field');
    assert.equal(psql(`SELECT due_on < current_date FROM voice_issues WHERE id = ${id}`), 't', 'unchanged');
    await post(voters[0], `/voice/issues/${id}/due`, { due_on: isoDay(30) }, 404);
    await rep.getByLabel('Answer due by').fill(isoDay(14));
    await press(rep, 'Change the date');
    assert.equal(psql(`SELECT due_on = current_date + 14 AND overdue_told_on IS NULL FROM voice_issues WHERE id = ${id}`), 't');
    assert.doesNotMatch(await main(rep), /Overdue/);
    assert.equal(psql(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
                        WHERE u.username = '${user('priya')}' AND n.link = '/voice/issues/${id}' AND n.subject LIKE '%moved the date%'`), '1',
      'the person responsible is told');
  });
});

describe('a students\' union officer polls the whole college', () => {
  const OFFICER = user(`officer-${RUN}`);
  const OUTSIDER = user(`outsider-${RUN}`);
  let officer, pollPath;
  before(() => {
    psql(`INSERT INTO users (institution_id, username, display_name, email, roles, password_hash)
          SELECT i.id, n, 'Person ' || n, n || '@example.ac.uk', 1,
                 (SELECT password_hash FROM users WHERE username = '${user('amira')}')
            FROM institutions i, unnest(ARRAY['${OFFICER}', '${OUTSIDER}']) n
           WHERE i.slug = '${college.slug}'`);
  });
  after(async () => { if (officer) await officer.context().close(); });

  test('without the role, a learner who represents nobody cannot run a poll (404)', async () => {
    officer = await h.newPage(); await h.signIn(officer, OFFICER);
    await h.visit(officer, '/voice');
    assert.equal(await officer.getByRole('link', { name: 'Create a poll' }).count(), 0);
    await h.visit(officer, '/voice/polls/new', { expectStatus: 404 });
    await h.visit(officer, '/voice/issues/new', { expectStatus: 404 });
  });

  test('an administrator grants the role on the person\'s page', async () => {
    const admin = await h.newPage(); await h.signIn(admin, 'admin');
    await h.visit(admin, `/admin/users/${userId(OFFICER)}`);
    await admin.getByLabel("Students' union officer").check();
    await press(admin, 'Save changes');
    assert.equal(psql(`SELECT roles & 64 FROM users WHERE username = '${OFFICER}'`), '64');
    await admin.context().close();
  });

  test('the officer runs a named poll for everyone; someone in no shared cohort votes', async () => {
    await h.visit(officer, '/voice/polls/new');
    await officer.getByLabel('Title').fill(`Union elections ${RUN}`);
    await officer.getByLabel(/Everyone at the college/).check();
    await officer.getByLabel('No, named').check();
    await officer.getByLabel('At any time, as votes come in').check();
    await officer.getByLabel('Closes', { exact: true }).fill(new Date(Date.now() + 86400e3).toISOString().slice(0, 16));
    await press(officer, 'Save the poll');
    pollPath = new URL(officer.url()).pathname;
    assert.match(pollPath, /^\/voice\/polls\/\d+$/);
    const pollId = pollPath.split('/')[3];
    assert.equal(psql(`SELECT title FROM polls WHERE id = ${pollId} AND institution_id = ${collegeId()}`), `Union elections ${RUN}`);
    await officer.getByLabel('A written answer').check();
    await officer.getByLabel('Question', { exact: true }).fill('What should the union do first?');
    await press(officer, 'Add the question');
    await press(officer, 'Open the poll now');
    // Someone in no cohort at all: a union poll is for everyone.
    const outsider = await h.newPage(); await h.signIn(outsider, OUTSIDER);
    await h.visit(outsider, '/voice');
    await outsider.getByRole('link', { name: `Union elections ${RUN}` }).click();
    await outsider.waitForLoadState();
    await outsider.getByLabel(/What should the union do first/).fill(`Longer library hours ${RUN}`);
    await press(outsider, 'Cast your vote');
    assert.match(await main(outsider), /You voted/);
    assert.match(await main(outsider), /only the poll's creator sees your name/);
    // One voter is enough here: this poll is arranged to count ballots one
    // at a time (the college's threshold, k, is 5 for every other poll).
    psql(`UPDATE polls SET batch_size = 1 WHERE id = ${pollId}`);
    // A ballot tampered with in the database does not open: it is counted
    // as spoiled, the failure is logged, and the count goes on.
    psql(`WITH p AS (SELECT id, institution_id FROM polls WHERE id = ${pollId}),
               v AS (INSERT INTO poll_voters (poll_id, user_id, institution_id, sealed)
                     SELECT p.id, u.id, p.institution_id, (SELECT sealed FROM poll_voters WHERE poll_id = p.id) || '\\x00'::bytea
                       FROM p, users u WHERE u.username = '${OFFICER}' RETURNING poll_id)
          UPDATE polls SET voters = voters + 1 WHERE id = (SELECT poll_id FROM v)`);
    await h.visit(officer, pollPath);
    await press(officer, 'Close the poll early');
    await press(officer, 'Close the poll now');
    // Names beside written answers: for the poll's creator only, on the
    // page and in the CSV alike.
    assert.equal(psql(`SELECT counted || '/' || spoiled FROM polls WHERE id = ${pollId}`), '1/1');
    assert.match(readFileSync(`${process.env.TANDEM_VAR}/log/tandem.log`, 'utf8'), new RegExp(`a sealed ballot of poll ${pollId} did not open: counted as spoiled`));
    await h.visit(officer, `${pollPath}/results`);
    assert.match(await main(officer), new RegExp(`Longer library hours ${RUN}\\s*Person ${literal(OUTSIDER)}`));
    const csvOf = (page) => page.evaluate(async (url) => (await fetch(url)).text(), `${BASE_URL}${pollPath}/csv`);
    assert.match(await csvOf(officer), new RegExp(`"Longer library hours ${RUN}","","","Person ${literal(OUTSIDER)}"`));
    await h.visit(outsider, `${pollPath}/results`);
    assert.match(await main(outsider), new RegExp(`Longer library hours ${RUN}`));
    assert.doesNotMatch(await main(outsider), new RegExp(`Person ${literal(OUTSIDER)}`), 'another voter never sees names');
    assert.match(await csvOf(outsider), new RegExp(`"Longer library hours ${RUN}","","",""`));
    await outsider.context().close();
    assert.match(await main(officer), /Everyone at Riverside College/);
  });
});
