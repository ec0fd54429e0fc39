// Personalised Leadership Plans: a middle manager (Grace) starts her
// plan, records a profile result (a score off the scale refused), sets a
// SMART goal linked to it, adds an activity and a reflection, runs a
// 360-degree round with colleagues (nothing shown until the third answer,
// one answer each, none after closing, and nothing in the database that
// ties an answer to who gave it), and holds a review with her line
// manager (David) that both sign. Someone who is not her line manager
// cannot open the plan.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { harness } from './lib/browser.mjs';
import { user } from './lib/college.mjs';
import { psql } from './lib/db.mjs';

const h = harness(import.meta.url);
const press = h.press;
before(() => h.launch());
after(() => h.close());

const RUN = Date.now().toString(36);
// Dates to come, whenever the suite runs.
const NEXT_YEAR = new Date().getFullYear() + 1;
const LATER = `${NEXT_YEAR}-06-30`;
const main = (page) => page.locator('main').innerText();
const csrf = (page) => page.locator('input[name=csrf_token]').first().inputValue();

async function follow(page, name) {
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name }).first().click()]);
}

describe('a manager keeps a leadership plan with her line manager', () => {
  const people = {};
  let planUrl, goalUrl, roundUrl;
  before(async () => {
    // Earlier runs' plans of Grace go, so that this year's can be started.
    psql(`DELETE FROM leadership_plans WHERE owner_id = (SELECT id FROM users WHERE username = '${user('grace')}')`);
    for (const name of ['grace', 'david', 'priya', 'tom', 'maria', 'owen', 'jack']) {
      people[name] = await h.newPage();
      await h.signIn(people[name], name);
    }
  });
  after(async () => { for (const page of Object.values(people)) await page.context().close(); });

  test('she starts this year\'s plan', async () => {
    const grace = people.grace;
    await h.visit(grace, '/');
    await follow(grace, 'Leadership');
    await grace.getByLabel('Your aspiration for the year (optional)').fill(`Lead with curiosity ${RUN}`);
    await press(grace, 'Start the plan');
    planUrl = new URL(grace.url()).pathname;
    assert.match(planUrl, /^\/leadership\/plans\/\d+$/);
    assert.match(await main(grace), new RegExp(`Lead with curiosity ${RUN}`));
    assert.match(await main(grace), /Line manager: David Okafor/);
    await h.visit(grace, planUrl);
  });

  test('a profile result: a score off its scale is refused, kept, then recorded and charted', async () => {
    const grace = people.grace;
    await follow(grace, 'Record a result');
    await grace.getByLabel('Team-role inventory').check();
    await press(grace, 'Continue');
    await grace.getByLabel('When you took it').fill('2026-09-10');
    const scores = [12, 5, 20, 8, 9, 14, 10, 6, 80];
    const boxes = grace.locator('input[name=score]');
    for (let i = 0; i < scores.length; i++) await boxes.nth(i).fill(String(scores[i]));
    await grace.getByLabel('Notes (optional)').fill('Coordinator first, driver second.');
    await press(grace, 'Record the result', { expectStatus: 400 });
    assert.match(await main(grace), /The score for Specialist knowledge must be a whole number from 0 to 70/);
    assert.equal(await grace.locator('input[name=score]').nth(2).inputValue(), '20', 'scores typed are kept');
    assert.equal(psql(`SELECT count(*) FROM profile_results WHERE plan_id = ${planUrl.split('/').pop()}`), '0', 'nothing saved');
    await grace.locator('input[name=score]').nth(8).fill('7');
    await grace.getByLabel('When you took it').fill('2026-09-10');
    await press(grace, 'Record the result');
    const chart = grace.getByRole('img', { name: /Bar chart of the scores, from 0 to 70/ });
    assert.equal(await chart.count(), 1, 'the result is drawn');
    assert.match(await main(grace), /Coordinating\s+20/, 'and its figures are in a table');
  });

  test('a SMART goal linked to the result: a date past is refused, then it is set', async () => {
    const grace = people.grace;
    await h.visit(grace, `${planUrl}/goals/new`);
    await grace.getByLabel('The goal', { exact: true }).fill(`Delegate the timetable ${RUN}`);
    await grace.getByLabel(/Specific/).fill('Hand the timetable to two course leaders.');
    await grace.getByLabel(/Measurable/).fill('They publish next term\'s timetable without me.');
    await grace.getByLabel(/Achievable/).fill('Both asked for more responsibility.');
    await grace.getByLabel(/Relevant/).fill('My profile says I coordinate everything myself.');
    await grace.getByLabel(/Time-bound/).fill('2020-01-01');
    await grace.getByLabel(/Team-role inventory, 10 September 2026/).check();
    await press(grace, 'Set the goal', { expectStatus: 400 });
    assert.match(await main(grace), /must be today or later/);
    assert.ok(await grace.getByLabel(/Team-role inventory, 10 September 2026/).isChecked(), 'the link chosen is kept');
    await grace.getByLabel(/Time-bound/).fill(LATER);
    await press(grace, 'Set the goal');
    goalUrl = new URL(grace.url()).pathname;
    assert.match(goalUrl, /\/goals\/\d+$/);
    assert.match(await main(grace), /Responds to: Team-role inventory \(10 September 2026\)/);
    // Reworded later, its links kept; an empty part is refused.
    await follow(grace, 'Change the goal');
    await grace.getByLabel(/Specific/).fill('');
    await press(grace, 'Save the goal', { expectStatus: 400 });
    assert.match(await main(grace), /what exactly you will do/i);
    await grace.getByLabel(/Specific/).fill('Hand the timetable to two course leaders, with a checklist.');
    await press(grace, 'Save the goal');
    assert.equal(new URL(grace.url()).pathname, goalUrl);
    assert.match(await main(grace), /with a checklist/);
    assert.match(await main(grace), /Responds to: Team-role inventory \(10 September 2026\)/);
  });

  test('an activity for the goal, its status changed, and a reflection in Markdown', async () => {
    const grace = people.grace;
    await follow(grace, 'Add an activity for this goal');
    await grace.getByLabel('The activity').fill(`Shadow the timetabler ${RUN}`);
    await grace.getByLabel('Kind').selectOption('shadowing');
    await grace.getByLabel('Starts (optional)').fill(`${NEXT_YEAR}-01-10`);
    await grace.getByLabel('Ends (optional)').fill(`${NEXT_YEAR}-01-05`);
    await press(grace, 'Add the activity', { expectStatus: 400 });
    assert.match(await main(grace), /end date must be on or after the start date/);
    assert.equal(await grace.getByLabel('Kind').inputValue(), 'shadowing', 'the kind chosen is kept');
    await grace.getByLabel('Ends (optional)').fill(`${NEXT_YEAR}-01-12`);
    await press(grace, 'Add the activity');
    assert.equal(new URL(grace.url()).pathname, goalUrl);
    await grace.getByLabel(new RegExp(`Status of Shadow the timetabler ${RUN}`)).selectOption('in_progress');
    await press(grace, /Change\s*the status of Shadow/);
    assert.match(await main(grace), /Shadowing\s+In progress/);
    // Evidence from her portfolio, which her line manager then sees.
    psql(`INSERT INTO evidence (institution_id, owner_id, kind, title, body_md, body_html)
          SELECT institution_id, id, 'text', 'Timetable handover notes ${RUN}', 'Notes', '<p>Notes</p>'
            FROM users WHERE username = '${user('grace')}'`);
    await h.visit(grace, goalUrl);
    await grace.getByLabel('Add evidence from your portfolio').selectOption({ label: `Timetable handover notes ${RUN}` });
    await press(grace, 'Add the evidence');
    assert.match(await main(grace), new RegExp(`Timetable handover notes ${RUN}`));
    await h.visit(people.david, planUrl);
    assert.match(await main(people.david), new RegExp(`Timetable handover notes ${RUN} \\(for the goal`));
    await follow(grace, 'Write a reflection on this goal');
    await grace.getByLabel('Your reflection').fill(`Letting go is **hard** ${RUN}`);
    await press(grace, 'Save the reflection');
    assert.equal(await grace.locator('main strong', { hasText: 'hard' }).count(), 1, 'Markdown is rendered');
  });

  test('360-degree feedback: hidden until three answer, once each, none after closing', async () => {
    const grace = people.grace;
    await h.visit(grace, `${planUrl}/feedback/new`);
    const two = `${user('priya')}, ${user('tom')}`;
    await grace.getByLabel('Colleagues to ask').fill(two);
    await press(grace, 'Ask them', { expectStatus: 400 });
    assert.match(await main(grace), /Ask at least three colleagues/);
    assert.equal(await grace.getByLabel('Colleagues to ask').inputValue(), two);
    await grace.getByLabel('Colleagues to ask').fill(`${two}\n${user('maria')}, ${user('owen')}`);
    await grace.getByLabel('A note to them (optional)').fill(`Be candid ${RUN}`);
    await press(grace, 'Ask them');
    roundUrl = new URL(grace.url()).pathname;
    assert.match(roundUrl, /^\/leadership\/feedback\/\d+$/);
    assert.match(await main(grace), /0 answers are counted so far\. Answers are counted in groups of at least three/);

    // Someone not invited neither sees it nor answers it.
    await h.visit(people.jack, roundUrl, { expectStatus: 404 });
    await h.visit(people.jack, '/');
    await h.submit(people.jack, `${roundUrl}/answers`, { csrf_token: await csrf(people.jack) }, { expectStatus: 404 });

    const answer = async (name, scores, comment) => {
      const page = people[name];
      await h.visit(page, '/leadership');
      await follow(page, /Grace Mensah asks for your feedback/);
      const groups = page.locator('fieldset');
      for (let i = 0; i < scores.length; i++) await groups.nth(i).getByLabel(String(scores[i]), { exact: true }).check();
      await page.getByLabel('A comment (optional)').fill(comment);
      await press(page, 'Send my answer');
      assert.match(await main(page), /You have answered/);
    };
    // A score missing is refused and what was given is kept.
    await h.visit(people.priya, roundUrl);
    await people.priya.locator('fieldset').first().getByLabel('4', { exact: true }).check();
    await press(people.priya, 'Send my answer', { expectStatus: 400 });
    assert.match(await main(people.priya), /Give a score for/);
    assert.ok(await people.priya.locator('fieldset').first().getByLabel('4', { exact: true }).isChecked());

    await answer('priya', [4, 3, 4, 5, 3, 4], `Clear and fair ${RUN}`);
    await answer('tom', [2, 3, 2, 3, 3, 2], '');
    await h.visit(grace, roundUrl);
    assert.match(await main(grace), /2 of 4 colleagues asked have answered/);
    assert.match(await main(grace), /they first show once six have answered, or when the round is closed with three or more/);
    assert.equal(await grace.getByRole('img', { name: /Bar chart/ }).count(), 0, 'two answers show nothing');

    // Answering twice: refused.
    await h.visit(people.priya, '/');
    await h.submit(people.priya, `${roundUrl}/answers`, { csrf_token: await csrf(people.priya) }, { expectStatus: 409 });
    assert.match(await main(people.priya), /answered already/);

    await answer('maria', [3, 3, 3, 4, 3, 3], `Delegates well ${RUN}`);
    await h.visit(grace, roundUrl);
    assert.match(await main(grace), /3 of 4 colleagues asked have answered/);
    assert.equal(await grace.getByRole('img', { name: /Bar chart/ }).count(), 0,
      'three answers wait sealed: while the round is open the newest three are always held back');

    // In the database: each answer sealed in the register, all of one
    // size, and nothing in plaintext until a batch is opened.
    const round = roundUrl.split('/').pop();
    assert.equal(psql("SELECT string_agg(column_name || ':' || data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'feedback_answers'"),
      'id:uuid,round_id:bigint,institution_id:bigint,scores:ARRAY,comment:text');
    assert.equal(psql(`SELECT count(*) FILTER (WHERE answered) || '/' || count(sealed) || '/' || count(DISTINCT octet_length(sealed)) FROM feedback_invitations WHERE round_id = ${round}`), '3/3/1');
    assert.equal(psql(`SELECT count(*) FROM feedback_answers WHERE round_id = ${round}`), '0');
    const keyFile = `${process.env.TANDEM_KEYS || `${process.env.TANDEM_VAR}/keys`}/round-${round}.key`;
    assert.ok(existsSync(keyFile), 'the round\'s private key is on the server while it is open');

    // Closing counts the three at once, as one batch in a shuffled order,
    // and destroys the key.
    await press(grace, 'Close the round');
    assert.match(await main(grace), /Closed/);
    assert.match(await main(grace), /All 3 answers are counted/);
    assert.equal(await grace.getByRole('img', { name: /Bar chart/ }).count(), 1, 'the aggregate of the three');
    assert.match(await main(grace), /Sets a clear direction\s+3/, 'means of the three');
    assert.match(await main(grace), new RegExp(`Clear and fair ${RUN}`));
    assert.equal(psql(`SELECT count(*) || '/' || count(DISTINCT xmin::text) FROM feedback_answers WHERE round_id = ${round}`), '3/1');
    assert.equal(psql(`SELECT count(sealed) FROM feedback_invitations WHERE round_id = ${round}`), '0');
    assert.equal(existsSync(keyFile), false, 'the key is gone');
    await h.visit(people.owen, roundUrl);
    await h.submit(people.owen, `${roundUrl}/answers`, { csrf_token: await csrf(people.owen) }, { expectStatus: 409 });
    assert.match(await main(people.owen), /round has been closed/);
    await h.visit(grace, planUrl);
    assert.match(await main(grace), /360-degree feedback: mean of 3 answers/, 'the aggregate joined the profile');
  });

  test('a review with her line manager, signed by both; nobody else opens the plan', async () => {
    const grace = people.grace, david = people.david;
    await h.visit(grace, `${planUrl}/reviews/new`);
    await grace.getByLabel('Agenda').fill('The 360 results; the timetable goal');
    await grace.getByLabel('Notes').fill(`We agreed to start with the timetable ${RUN}`);
    await grace.getByLabel('What').first().fill('Brief the course leaders');
    await grace.getByLabel('By').first().fill('2020-02-02');
    await press(grace, 'Save and sign', { expectStatus: 400 });
    assert.match(await main(grace), /Action 1's date must be today or later/);
    assert.equal(await grace.getByLabel('Notes').inputValue(), `We agreed to start with the timetable ${RUN}`);
    await grace.getByLabel('By').first().fill(LATER);
    await press(grace, 'Save and sign');
    const reviewUrl = new URL(grace.url()).pathname;
    assert.match(await main(grace), /Signed by Grace Mensah[\s\S]*Not yet signed by David Okafor/);

    await h.visit(david, '/leadership/team');
    assert.match(await main(david), /Grace Mensah[\s\S]*Reviews to sign: 1/);
    await follow(david, 'Grace Mensah');
    await follow(david, /Review on/);
    await press(david, 'Sign the record');
    assert.match(await main(david), /Signed by Grace Mensah[\s\S]*Signed by David Okafor/);
    await h.submit(david, `${reviewUrl}/sign`, { csrf_token: await csrf(david) }, { expectStatus: 409 });

    // Another manager is not her line manager: the plan is not there.
    await h.visit(people.maria, planUrl, { expectStatus: 404 });
    await h.visit(people.maria, reviewUrl, { expectStatus: 404 });
    await h.visit(people.maria, '/');
    await h.submit(people.maria, `${reviewUrl}/sign`, { csrf_token: await csrf(people.maria) }, { expectStatus: 404 });
    assert.equal(psql(`SELECT count(*) FROM leadership_reviews WHERE plan_id = ${planUrl.split('/').pop()} AND owner_signed_at IS NOT NULL AND manager_signed_at IS NOT NULL`), '1');
  });

  test('she shares the plan with a coach, who reads it until she stops', async () => {
    const grace = people.grace;
    await h.visit(grace, planUrl);
    await follow(grace, 'Who reads it');
    await grace.getByLabel('Share with').fill('nobody-here');
    await press(grace, 'Share the plan', { expectStatus: 400 });
    assert.match(await main(grace), /nobody else at your college with that username/);
    await grace.getByLabel('Share with').fill(user('owen'));
    await press(grace, 'Share the plan');
    await h.visit(people.owen, '/leadership');
    await follow(people.owen, /Grace Mensah's plan for/);
    assert.match(await main(people.owen), /Grace Mensah shared this plan with you to read/);
    assert.equal(await people.owen.getByRole('link', { name: 'Set a goal' }).count(), 0, 'a reader changes nothing');
    await h.visit(people.owen, `${planUrl}/goals/new`, { expectStatus: 404 });
    await press(grace, /Stop sharing with Owen Price/);
    await h.visit(people.owen, planUrl, { expectStatus: 404 });
  });

  test('next year\'s plan starts from this year\'s unfinished goals', async () => {
    const grace = people.grace;
    await h.visit(grace, '/leadership');
    // This year's plan exists: the one year left to choose is the next.
    await grace.getByRole('radio').check();
    await grace.getByLabel(/Start from the unfinished goals/).check();
    await press(grace, 'Start the plan');
    const next = new URL(grace.url()).pathname;
    assert.notEqual(next, planUrl);
    assert.match(await main(grace), new RegExp(`Delegate the timetable ${RUN}[\\s\\S]*Carried from last year's plan`));
    assert.match(await main(grace), /Responds to: Team-role inventory \(10 September 2026\)/, 'with the result it responds to');
    await h.visit(grace, '/leadership');
    await h.submit(grace, '/leadership/plans', { csrf_token: await csrf(grace), year: 'next' }, { expectStatus: 409 });
    assert.match(await main(grace), /already have a plan for \d{4}\/\d{2}\./);
  });

  test('"Your team" is offered to those who line-manage someone, and only to them', async () => {
    await h.visit(people.grace, '/leadership');
    assert.doesNotMatch(await main(people.grace), /Your team/, 'Grace manages nobody');
    await h.visit(people.david, '/leadership');
    assert.match(await main(people.david), /Your team's leadership plans/, 'David manages Grace, Priya and Tom');
  });
});
