// Negotiated learning plans: a learner and her tutor, each in their own
// browser, write a plan through several versions to agreement, amend it,
// compare versions, and never overwrite each other; nobody else sees it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, harness } from './lib/browser.mjs';
import { collegeId, psql, userId } from './lib/db.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const RUN = Date.now().toString(36);
const TITLE = `My engineering plan ${RUN}`;
const NEXT_YEAR = `${new Date().getFullYear() + 1}-06-30`;

async function press(page, name) {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
  h.saveHtml(`after ${name}`, await response.text());
  return response;
}

const main = (page) => page.locator('main').innerText();

describe('a learner and her tutor negotiate a plan', () => {
  let amira, priya, planUrl;
  before(async () => {
    amira = await h.newPage(); await h.signIn(amira, 'amira');
    priya = await h.newPage(); await h.signIn(priya, 'priya');
  });
  after(async () => { await amira.context().close(); await priya.context().close(); });

  test('the learner writes version 1 and proposes it', async () => {
    await h.visit(amira, '/plans/new');
    await amira.getByLabel('Name of the plan').fill(TITLE);
    await amira.getByLabel('In your own words').fill('I like building things.\nI find essays hard.');
    await amira.getByLabel('What I want to achieve').first().fill('Pass unit 6 with a merit');
    await amira.getByLabel('How we will know it is achieved').first().fill('Merit grade on the assignment');
    await amira.getByLabel('Target date').first().fill(NEXT_YEAR);
    await amira.getByLabel(/^Activities/).first().fill('Weekly workshop sessions');
    await amira.getByLabel('How it will be assessed').first().fill('Portfolio page');
    await press(amira, 'Propose it to my tutor');
    planUrl = new URL(amira.url()).pathname;
    assert.match(planUrl, /^\/plans\/\d+$/);
    const text = await main(amira);
    assert.match(text, /Proposed/);
    assert.match(text, /waits for the tutor/);
    assert.match(text, /I find essays hard/);
    assert.match(text, new RegExp(`By\\s+30 June ${NEXT_YEAR.slice(0, 4)}`), 'a date in words, as on every page');
    await assertAccessible(amira, 'a proposed plan');
  });

  test('the tutor sees it waiting, and proposes changes: version 2', async () => {
    await h.visit(priya, '/plans');
    assert.match(await priya.locator('main').innerText(), new RegExp(`Waiting for you[\\s\\S]*${TITLE}`));
    await h.visit(priya, planUrl);
    assert.match(await main(priya), /Version 1, proposed by Amira Hassan[\s\S]*waits for your answer/);
    await priya.getByRole('link', { name: 'Propose changes' }).click();
    await priya.waitForLoadState();
    await assertAccessible(priya, 'the plan form for a tutor');
    assert.match(await main(priya), /I find essays hard/, 'the learner\'s words are shown, not editable');
    await priya.getByLabel('Your view as tutor').fill('Strong practical skills; needs support with writing.');
    await priya.getByLabel('How we will know it is achieved').first().fill('Merit grade, and a written report of 1,500 words');
    await priya.getByLabel('Support agreed').fill('Weekly study-skills session.');
    await priya.getByLabel(/A note for the other side/).fill('Added the report and study skills.');
    await press(priya, 'Propose it to the learner');
    assert.match(await main(priya), /Version 2 waits for Amira Hassan/);
  });

  test('the learner compares versions 1 and 2, and counters: version 3', async () => {
    await h.visit(amira, planUrl);
    assert.match(await main(amira), /Added the report and study skills/);
    await h.visit(amira, `${planUrl}/compare?from=1&to=2`);
    const changed = await amira.locator('tr.tandem-compare__changed th').allInnerTexts();
    assert.ok(changed.some((t) => t.includes("The tutor's view")), 'the tutor\'s view changed');
    assert.ok(changed.some((t) => t.includes('Goal 1: success criteria')), 'the criteria changed');
    assert.ok(!changed.some((t) => t.includes('Goal 1: title')), 'the title did not');
    const criteria = amira.locator('tr', { has: amira.locator('th', { hasText: 'Goal 1: success criteria' }) });
    assert.match(await criteria.locator('ins').allInnerTexts().then((t) => t.join(' ')), /written report/, 'the words put in are marked');
    assert.match(await criteria.locator('del').allInnerTexts().then((t) => t.join(' ')), /on the assignment/, 'the words taken out are marked');
    await h.visit(amira, `${planUrl}/edit`);
    await amira.getByLabel('How we will know it is achieved').first().fill('Merit grade, and a written report of 1,000 words');
    await press(amira, 'Propose it to my tutor');
    assert.match(await main(amira), /Version 3 waits for the tutor/);
  });

  test('the tutor accepts version 3: agreed, both signed', async () => {
    await h.visit(priya, planUrl);
    await press(priya, 'Accept version 3');
    assert.match(await main(priya), /You both agreed this plan/);
    assert.match(await main(priya), /Version 3 is agreed and in force/);
    await h.visit(amira, planUrl);
    assert.match(await main(amira), /Agreed[\s\S]*Version 3, by Amira Hassan.*Signed by both/);
  });

  test('an amendment is negotiated while the agreed version stays in force', async () => {
    await h.visit(amira, `${planUrl}/edit`);
    await amira.getByLabel('What I want to achieve').nth(1).fill('Learn to weld aluminium');
    await amira.getByLabel('Target date').nth(1).fill(NEXT_YEAR);
    await press(amira, 'Propose it to my tutor');
    let text = await main(amira);
    assert.match(text, /Change proposed/);
    assert.match(text, /Version 3 is agreed and in force/);
    await h.visit(priya, planUrl);
    text = await main(priya);
    assert.match(text, /Version 4, proposed by Amira Hassan[\s\S]*waits for your answer/);
    assert.match(text, /The agreed version in force: version 3/);
    await press(priya, 'Accept version 4');
    assert.match(await main(priya), /Version 4 is agreed and in force/);
  });

  test('two people writing at once: the second is refused, with their text kept', async () => {
    await h.visit(amira, `${planUrl}/edit`);
    await h.visit(priya, `${planUrl}/edit`);
    await priya.getByLabel('Support agreed').fill('Weekly study-skills session and a welding mentor.');
    await press(priya, 'Propose it to the learner');
    await amira.getByLabel('In your own words').fill('I like building things, and now welding.');
    const refused = await press(amira, 'Propose it to my tutor');
    assert.equal(refused.status(), 409);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /Priya Sharma proposed version 5 while you were writing/);
    assert.equal(await amira.getByLabel('In your own words').inputValue(), 'I like building things, and now welding.');
    assert.match(await main(amira), /Their version 5[\s\S]*welding mentor[\s\S]*Yours/, 'their version is shown to merge from');
    // She brings their change into hers, and proposes again.
    await amira.getByLabel('Support agreed').fill('Weekly study-skills session and a welding mentor.');
    await press(amira, 'Propose it to my tutor');
    assert.match(await main(amira), /Version 6 waits for the tutor/);
    assert.match(await main(amira), /welding mentor/, 'the tutor\'s version 5 was not lost');
  });

  test('bad input changes nothing: an old version, signing twice, a past date, a long goal', async () => {
    await h.visit(amira, planUrl);
    const csrf = await amira.locator('input[name=csrf_token]').first().inputValue();
    const old = await h.submit(amira, `${planUrl}/accept`, { csrf_token: csrf, version: '5' }, { expectStatus: 409 });
    assert.match(await old.text(), /no longer the latest/);
    const twice = await h.submit(amira, `${planUrl}/accept`, { csrf_token: csrf, version: '6' }, { expectStatus: 409 });
    assert.match(await twice.text(), /already accepted/);
    await h.visit(priya, `${planUrl}/edit`);
    await priya.getByLabel('Target date').nth(2).fill('2020-01-01');
    await priya.getByLabel('What I want to achieve').nth(2).fill('Something late');
    assert.equal((await press(priya, 'Propose it to the learner')).status(), 400);
    assert.match(await priya.locator('.govuk-error-summary').innerText(), /target date is in the past/);
    assert.equal(await priya.getByLabel('What I want to achieve').nth(2).inputValue(), 'Something late');
    await priya.getByLabel('What I want to achieve').nth(2).fill('x'.repeat(600));
    assert.equal((await press(priya, 'Propose it to the learner')).status(), 400);
    assert.match(await priya.locator('.govuk-error-summary').innerText(), /too long/);
    assert.equal(await priya.getByLabel('What I want to achieve').nth(2).inputValue(), 'x'.repeat(600), 'the long goal is kept to shorten');
    assert.equal(await priya.getByLabel('What I want to achieve').first().inputValue(), 'Pass unit 6 with a merit', 'and every other goal');
    await h.visit(priya, planUrl);
    assert.match(await main(priya), /Version 6, proposed by Amira Hassan[\s\S]*waits for your answer/, 'still waiting on version 6');
  });

  test('a tutor cannot start a plan with themselves as the learner', async () => {
    await h.visit(priya, '/plans/new');
    const csrf = await priya.locator('input[name=csrf_token]').first().inputValue();
    const priyaId = userId('priya');
    const res = await h.submit(priya, '/plans', { csrf_token: csrf, title: `Self ${RUN}`, learner: priyaId, account: 'x', action: 'propose' }, { expectStatus: 400 });
    assert.match(await res.text(), /Choose one of your own learners/);
    assert.equal(psql(`SELECT count(*) FROM plans WHERE title = 'Self ${RUN}' AND institution_id = ${collegeId()}`), '0');
  });

  test('a draft is seen only by the side writing it, until it is proposed', async () => {
    // The learner's draft: her tutor does not see it yet.
    await h.visit(amira, '/plans/new');
    let csrf = await amira.locator('input[name=csrf_token]').first().inputValue();
    const mine = await h.submit(amira, '/plans', { csrf_token: csrf, title: `Draft ${RUN}`, account: 'Not ready yet', action: 'draft' });
    const draftUrl = new URL(mine.url()).pathname;
    assert.match(draftUrl, /^\/plans\/\d+$/);
    assert.match(await main(amira), /Your draft was saved/);
    await h.visit(priya, draftUrl, { expectStatus: 404, axe: false });
    await h.visit(priya, `${draftUrl}/edit`, { expectStatus: 404, axe: false });
    await h.visit(priya, '/plans', { axe: false });
    assert.doesNotMatch(await main(priya), new RegExp(`Draft ${RUN}`));
    // The tutor's draft for Jack: Jack does not see it, Priya does.
    await h.visit(priya, '/plans/new', { axe: false });
    csrf = await priya.locator('input[name=csrf_token]').first().inputValue();
    const theirs = await h.submit(priya, '/plans', { csrf_token: csrf, title: `Tutor draft ${RUN}`, learner: userId('jack'), account: 'To talk about', action: 'draft' }, { axe: false });
    const tutorDraft = new URL(theirs.url()).pathname;
    assert.match(tutorDraft, /^\/plans\/\d+$/);
    const jack = await h.newPage(); await h.signIn(jack, 'jack');
    await h.visit(jack, tutorDraft, { expectStatus: 404, axe: false });
    await h.visit(jack, '/plans', { axe: false });
    assert.doesNotMatch(await main(jack), new RegExp(`Tutor draft ${RUN}`));
    // Proposed, it is the other side's to see.
    await h.visit(amira, `${draftUrl}/edit`, { axe: false });
    await press(amira, 'Propose it to my tutor');
    assert.match(await main(amira), /Your version was proposed/);
    await h.visit(priya, draftUrl, { axe: false });
    assert.match(await main(priya), new RegExp(`Draft ${RUN}`));
    await jack.context().close();
  });

  test('nobody else can open the plan; a completed plan no longer changes', async () => {
    // Jack (in Amira's group), Tom (a tutor of another group) and Nadia
    // (at the other college): none of them is a side of the plan.
    for (const who of ['jack', 'tom', 'nadia']) {
      const other = await h.newPage(); await h.signIn(other, who);
      await h.visit(other, planUrl, { expectStatus: 404 });
      await h.visit(other, `${planUrl}/compare?from=1&to=2`, { expectStatus: 404 });
      await h.visit(other, `${planUrl}/edit`, { expectStatus: 404, axe: false });
      await h.visit(other, `${planUrl}/progress`, { expectStatus: 404, axe: false });
      await h.visit(other, '/plans');
      assert.doesNotMatch(await main(other), new RegExp(TITLE));
      await other.context().close();
    }
    // Ending a plan is for good: each way asks first, on a page of its own.
    const tom = await h.newPage(); await h.signIn(tom, 'tom');
    await h.visit(tom, `${planUrl}/withdraw`, { expectStatus: 404, axe: false });
    await tom.context().close();
    await h.visit(amira, `${planUrl}/complete`, { expectStatus: 403, axe: false });
    const stateNow = () => psql(`SELECT state FROM plans WHERE id = ${planUrl.split('/')[2]}`);
    const before = stateNow();
    await h.visit(amira, planUrl);
    await press(amira, 'Withdraw the plan');
    assert.equal(await amira.locator('h1').innerText(), 'Withdraw this plan?');
    await assertAccessible(amira, 'the question before withdrawing a plan');
    await h.click(amira, amira.getByRole('link', { name: 'Keep the plan going' }));
    assert.equal(new URL(amira.url()).pathname, planUrl);
    assert.equal(stateNow(), before, 'nothing changed');
    await h.visit(priya, planUrl);
    await press(priya, 'Mark the plan as completed');
    assert.equal(await priya.locator('h1').innerText(), 'Mark this plan as completed?');
    assert.equal(stateNow(), before, 'asking changes nothing');
    await press(priya, 'Mark the plan as completed');
    assert.match(await main(priya), /Completed/);
    await h.visit(priya, `${planUrl}/withdraw`, { expectStatus: 409, axe: false });
    await h.visit(amira, `${planUrl}/edit`, { expectStatus: 409 });
  });
});
