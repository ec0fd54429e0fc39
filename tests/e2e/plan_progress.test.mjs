// Learning plans in use: a tutor writes a course template, a learner
// starts his plan from it and makes it his own (the tutor sees what he
// changed), they agree it, then keep it going: goal statuses, evidence
// linked (each reader sees only what is shared with them), review
// meetings signed by both, comments without a new version, and the
// tutor's list showing what is overdue. Progress stays with each goal
// through an amendment that rewords it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, harness } from './lib/browser.mjs';
import { user } from './lib/college.mjs';
import { collegeId, psql } from './lib/db.mjs';

const h = harness(import.meta.url);
const press = h.press;
before(() => h.launch());
after(() => h.close());

const RUN = Date.now().toString(36);
const TEMPLATE = `Engineering core ${RUN}`;
const TITLE = `Jack's plan ${RUN}`;
const NEXT_YEAR = `${new Date().getFullYear() + 1}-06-30`;
const iso = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

const main = (page) => page.locator('main').innerText();

describe('a plan from a course template, agreed and then used', () => {
  let jack, priya, planUrl, planId, jackPage;
  before(async () => {
    jack = await h.newPage(); await h.signIn(jack, 'jack');
    priya = await h.newPage(); await h.signIn(priya, 'priya');
    jackPage = psql(`INSERT INTO portfolio_pages (institution_id, owner_id, title)
                     SELECT institution_id, id, 'Bridge model ${RUN}' FROM users WHERE username = '${user('jack')}' RETURNING id`).split('\n')[0];
  });
  after(async () => { await jack.context().close(); await priya.context().close(); });

  test('the tutor writes a course template for her group', async () => {
    await h.visit(priya, '/plans');
    await priya.getByRole('link', { name: 'Course templates' }).click();
    await priya.waitForLoadState();
    await priya.getByRole('link', { name: 'Write a course template' }).click();
    await priya.waitForLoadState();
    await assertAccessible(priya, 'the template form');
    await priya.getByLabel('Name of the template').fill(TEMPLATE);
    await priya.getByLabel('Group').selectOption({ label: 'Engineering Level 3, group A' });
    await priya.getByLabel('What I want to achieve').nth(0).fill('Pass every unit');
    await priya.getByLabel('Target date').nth(0).fill(NEXT_YEAR);
    await priya.getByLabel('What I want to achieve').nth(1).fill('Build a bridge model');
    await priya.getByLabel('How it will be assessed').nth(1).fill('Presentation');
    await priya.getByLabel('Support').fill('Workshop time every week.');
    await press(priya, 'Save the template');
    assert.match(await main(priya), new RegExp(`template was saved[\\s\\S]*${TEMPLATE}`));
    await assertAccessible(priya, 'the list of templates');
  });

  test('a template with a goal dated in the past is refused, everything typed kept', async () => {
    await h.visit(priya, '/plans/templates/new');
    await priya.getByLabel('Name of the template').fill(`Old ${RUN}`);
    await priya.getByLabel('Group').selectOption({ label: 'Engineering Level 3, group A' });
    await priya.getByLabel('What I want to achieve').nth(0).fill('Something long ago');
    await priya.getByLabel('Target date').nth(0).fill('2001-01-01');
    await press(priya, 'Save the template', { expectStatus: 400 });
    assert.match(await priya.locator('.govuk-error-summary').innerText(), /in the past/);
    assert.equal(await priya.getByLabel('What I want to achieve').nth(0).inputValue(), 'Something long ago');
    assert.equal(psql(`SELECT count(*) FROM plan_templates WHERE title = 'Old ${RUN}' AND institution_id = ${collegeId()}`), '0');
  });

  test('the learner starts from the template, makes it his own and proposes it', async () => {
    await h.visit(jack, '/plans/new');
    await jack.getByLabel('Start from a course template').selectOption({ label: `${TEMPLATE} (Engineering Level 3, group A)` });
    await press(jack, 'Use this template');
    assert.match(await main(jack), new RegExp(`starts from ${TEMPLATE}`));
    assert.equal(await jack.getByLabel('What I want to achieve').nth(1).inputValue(), 'Build a bridge model');
    assert.equal(await jack.getByLabel('Support agreed').inputValue(), 'Workshop time every week.');
    await assertAccessible(jack, 'a new plan from a template');
    await jack.getByLabel('Name of the plan').fill(TITLE);
    await jack.getByLabel('In your own words').fill('I like making things that hold weight.');
    await jack.getByLabel('What I want to achieve').nth(1).fill('Build a bridge model that holds 5 kg');
    await jack.getByLabel('What I want to achieve').nth(2).fill('Learn to weld');
    await press(jack, 'Propose it to my tutor');
    planUrl = new URL(jack.url()).pathname;
    planId = planUrl.split('/')[2];
    assert.equal(psql(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
                        WHERE u.username = '${user('priya')}' AND n.kind = 'plan_proposal' AND n.link = '${planUrl}'`), '1',
      'the tutor is told a proposal waits for her');
  });

  test('the tutor sees what he changed from the template, and accepts', async () => {
    await h.visit(priya, planUrl);
    assert.match(await main(priya), new RegExp(`Started from the course template “${TEMPLATE}”`));
    await priya.getByRole('link', { name: 'see what changed from it' }).click();
    await priya.waitForLoadState();
    await assertAccessible(priya, 'a plan compared with its template');
    assert.match(await priya.locator('h1').innerText(), /The course template and version 1/);
    const changed = await priya.locator('tr.tandem-compare__changed th').allInnerTexts();
    assert.ok(changed.some((t) => /Goal 2: title/.test(t)), 'the reworded goal is marked changed');
    assert.ok(changed.some((t) => /Goal 3: title/.test(t)), 'the new goal is marked');
    assert.ok(!changed.some((t) => /Goal 1: title/.test(t)), 'the goal kept as it was is not');
    assert.deepEqual(await priya.locator('tr.tandem-compare__changed ins').allInnerTexts().then((a) => a.filter((t) => /5 kg/.test(t)).length > 0), true);
    await h.visit(priya, planUrl);
    await press(priya, 'Accept version 1');
    assert.match(await main(priya), /You both agreed this plan/);
  });

  test('the learner says where a goal stands and links his evidence; the tutor sees only what is shared', async () => {
    await h.visit(jack, planUrl);
    assert.match(await main(jack), /0 of 3 goals achieved/);
    await jack.getByRole('link', { name: 'Goals, evidence and reviews' }).click();
    await jack.waitForLoadState();
    await assertAccessible(jack, 'the progress page');
    await jack.getByRole('link', { name: /^Goal 2: / }).click();
    await jack.waitForLoadState();
    await assertAccessible(jack, "a goal's page");
    await jack.getByLabel('In progress').check();
    await jack.getByLabel('Why, or what happened (optional)').fill('Deck built, testing next week');
    await press(jack, 'Save where it stands');
    assert.match(await main(jack), /Where the goal stands was saved/);
    assert.match(await main(jack), /In progress, set by Jack Thompson \(learner\)[^\n]*Deck built, testing next week/);
    await jack.getByLabel('Link your evidence to this goal').selectOption({ label: `Page: Bridge model ${RUN}` });
    await press(jack, 'Link it');
    assert.match(await main(jack), new RegExp(`Bridge model ${RUN}`));
    const goalUrl = new URL(jack.url()).pathname;

    await h.visit(priya, `${planUrl}/progress`);
    const seen = await main(priya);
    assert.match(seen, /Goal 2: Build a bridge model that holds 5 kg\s+In progress/);
    assert.match(seen, /Deck built, testing next week/);
    assert.doesNotMatch(seen, new RegExp(`Bridge model ${RUN}`), 'the page is not shared with her: no title');
    assert.match(seen, /Linked items not shared with you: 1/);
    await h.visit(priya, goalUrl);
    assert.equal(await priya.getByLabel('Link your evidence to this goal').count(), 0, 'only the learner links evidence');
    assert.match(await main(priya), /Linked items not shared with you: 1/);

    await h.visit(priya, `${planUrl}/progress`);
    await priya.getByRole('link', { name: /^Goal 1: / }).click();
    await priya.waitForLoadState();
    await priya.getByLabel('Achieved').check();
    await press(priya, 'Save where it stands');
    await h.visit(priya, planUrl);
    assert.match(await main(priya), /1 of 3 goals achieved/);
  });

  test('linking what is not his, a goal that does not exist, or a bad status changes nothing', async () => {
    await h.visit(jack, `${planUrl}/progress`);
    const csrf = await jack.locator('input[name=csrf_token]').first().inputValue();
    const key = psql(`SELECT content->'goals'->0->>'key' FROM plan_versions WHERE plan_id = ${planId} AND number = 1`);
    const amiraEvidence = psql(`SELECT e.id FROM evidence e JOIN users u ON u.id = e.owner_id WHERE u.username = '${user('amira')}' LIMIT 1`);
    const before = psql(`SELECT count(*) FROM plan_goal_links WHERE plan_id = ${planId}`);
    let res = await h.submit(jack, `${planUrl}/goals/${key}/links`, { csrf_token: csrf, item: `evidence:${amiraEvidence}` }, { expectStatus: 404 });
    assert.match(await res.text(), /not yours/);
    res = await h.submit(jack, `${planUrl}/goals/ffffffffffff/links`, { csrf_token: csrf, item: `page:${jackPage}` }, { expectStatus: 404 });
    res = await h.submit(jack, `${planUrl}/goals/${key}/links`, { csrf_token: csrf, item: 'nonsense' }, { expectStatus: 400 });
    assert.match(await res.text(), /Choose a piece of evidence/);
    assert.equal(psql(`SELECT count(*) FROM plan_goal_links WHERE plan_id = ${planId}`), before);
    res = await h.submit(jack, `${planUrl}/goals/${key}/status`, { csrf_token: csrf, status: 'finished', note: 'kept' }, { expectStatus: 400 });
    assert.match(await res.text(), /Where the goal stands is not one of the choices/);
    assert.equal(await jack.getByLabel('Why, or what happened (optional)').inputValue(), 'kept', 'the note typed is kept');
    await h.submit(jack, `${planUrl}/goals/ffffffffffff/status`, { csrf_token: csrf, status: 'achieved' }, { expectStatus: 404 });
    await h.visit(jack, `${planUrl}/goals/ffffffffffff`, { expectStatus: 404 });
    const link = psql(`SELECT id FROM plan_goal_links WHERE plan_id = ${planId}`);
    const amira = await h.newPage(); await h.signIn(amira, 'amira');
    await h.visit(amira, `${planUrl}/goals/${key}`, { expectStatus: 404 });
    const acsrf = await amira.locator('input[name=csrf_token]').first().inputValue();
    await h.submit(amira, `${planUrl}/links/${link}/remove`, { csrf_token: acsrf }, { expectStatus: 404 });
    assert.equal(psql(`SELECT count(*) FROM plan_goal_links WHERE plan_id = ${planId}`), before, 'nobody else takes a link off');
    await amira.context().close();
  });

  test('the tutor records a review; the learner signs it; nobody signs twice', async () => {
    await h.visit(priya, `${planUrl}/progress`);
    await priya.getByLabel('Date of the meeting').fill(iso(1));
    await priya.getByLabel('What was said').fill('The bridge deck is solid.');
    await press(priya, 'Record the review and sign it', { expectStatus: 400 });
    assert.match(await priya.locator('.govuk-error-summary').innerText(), /in the future/);
    assert.equal(await priya.getByLabel('What was said').inputValue(), 'The bridge deck is solid.', 'what she wrote is kept');
    await priya.getByLabel('Date of the meeting').fill(iso(0));
    await priya.getByLabel('Next steps agreed').fill('Load test with 5 kg.');
    await priya.getByLabel('Date of the next review (optional)').fill(iso(14));
    await press(priya, 'Record the review and sign it');
    assert.match(await main(priya), /Waiting for the learner/);

    await h.visit(jack, '/plans');
    assert.match(await main(jack), /Waiting for you/);
    assert.match(await jack.locator('table').first().locator('tr', { hasText: TITLE }).innerText(), /A review to sign/,
      'a review to sign is what waits for him');
    await h.visit(jack, planUrl);
    assert.match(await main(jack), /Review records waiting for your signature: 1/);
    await h.visit(jack, `${planUrl}/progress`);
    assert.match(await main(jack), /The bridge deck is solid\.[\s\S]*Load test with 5 kg/);
    await press(jack, /^Sign the record of/);
    assert.match(await main(jack), /Signed by both/);
    assert.equal(psql(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
                        WHERE u.username = '${user('jack')}' AND n.kind = 'plan_review' AND n.link LIKE '${planUrl}/progress%'`), '1',
      'he was told a review waits for his signature');
    const review = psql(`SELECT id FROM plan_reviews WHERE plan_id = ${planId}`);
    const csrf = await jack.locator('input[name=csrf_token]').first().inputValue();
    const res = await h.submit(jack, `${planUrl}/reviews/${review}/sign`, { csrf_token: csrf }, { expectStatus: 409 });
    assert.match(await res.text(), /signed already/);
  });

  test('a review the learner records waits for either tutor, each signing with a form of their own', async () => {
    // A second tutor of Jack's group: the review records are kept rendered
    // for the tutors' side, and each signing form must carry the token of
    // whoever is looking, never the first tutor's.
    psql(`INSERT INTO memberships (institution_id, cohort_id, user_id, role)
          SELECT c.institution_id, c.id, u.id, 'tutor' FROM cohorts c JOIN users u ON u.institution_id = c.institution_id
           WHERE c.code = 'ENG3-A' AND u.username = '${user('grace')}' AND c.institution_id = ${collegeId()}`);
    const grace = await h.newPage(); await h.signIn(grace, 'grace');
    await h.visit(jack, `${planUrl}/progress`);
    await jack.getByLabel('Date of the meeting').fill(iso(0));
    await jack.getByLabel('What was said').fill('The model held 5 kg.');
    await press(jack, 'Record the review and sign it');
    assert.match(await main(jack), /Waiting for the tutor/);
    const tokens = async (page) => new Set(await page.locator('input[name=csrf_token]').evaluateAll((inputs) => inputs.map((i) => i.value)));
    await h.visit(priya, `${planUrl}/progress`);
    await h.visit(grace, `${planUrl}/progress`);
    const [priyas, graces] = [await tokens(priya), await tokens(grace)];
    assert.equal(graces.size, 1, 'every form on her page carries one token, her own');
    assert.notDeepEqual([...graces], [...priyas], 'not the first tutor\'s');
    await press(grace, /^Sign the record of/);
    assert.match(await main(grace), /Signed by both[\s\S]*The model held 5 kg/);
    await grace.context().close();
  });

  test('a comment says something without a new version; an empty one is refused', async () => {
    await h.visit(jack, planUrl);
    await press(jack, 'Add comment', { expectStatus: 400 });
    assert.match(await main(jack), /Enter your comment|your comment/i);
    await jack.getByLabel('Add a comment').fill('Can I use the big workshop on Fridays?');
    await press(jack, 'Add comment');
    assert.match(await main(jack), /Jack[^\n]*\(learner\)[\s\S]*Can I use the big workshop on Fridays\?/);
    assert.equal(psql(`SELECT latest_version FROM plans WHERE id = ${planId}`), '1', 'no new version');
    await h.visit(priya, planUrl);
    assert.match(await main(priya), /Can I use the big workshop on Fridays\?/);
  });

  test("the tutor's list shows goals achieved, the next review, and what is overdue", async () => {
    await h.visit(priya, '/plans');
    const row = priya.locator('tr', { hasText: TITLE });
    assert.match(await row.innerText(), /1 of 3/);
    await h.visit(priya, '/plans?state=overdue');
    assert.doesNotMatch(await main(priya), new RegExp(TITLE), 'nothing overdue yet');
    psql(`UPDATE plan_reviews SET held_on = current_date - 30, next_review = current_date - 2 WHERE plan_id = ${planId}`);
    await h.visit(priya, '/plans?state=overdue');
    assert.match(await priya.locator('tr', { hasText: TITLE }).innerText(), /Overdue/);
    await h.visit(priya, planUrl);
    assert.match(await main(priya), /Next review: [^\n]*Overdue/);
  });

  test('progress stays with a goal through an amendment that rewords it', async () => {
    await h.visit(jack, `${planUrl}/edit`);
    await jack.getByLabel('What I want to achieve').nth(1).fill('Build a bridge model that holds 8 kg');
    await press(jack, 'Propose it to my tutor');
    await h.visit(priya, planUrl);
    await press(priya, 'Accept version 2');
    await h.visit(priya, `${planUrl}/progress`);
    assert.match(await main(priya), /Goal 2: Build a bridge model that holds 8 kg\s+In progress/);
    assert.match(await main(priya), /Goal 1: Pass every unit\s+Achieved/);
    await h.visit(jack, `${planUrl}/progress`);
    await jack.getByRole('link', { name: /^Goal 2: / }).click();
    await jack.waitForLoadState();
    assert.match(await main(jack), new RegExp(`Bridge model ${RUN}`), 'the evidence stayed with the reworded goal');
    await press(jack, `Take off Bridge model ${RUN}`);
    assert.match(await main(jack), /The link was taken off the goal/);
    assert.match(await main(jack), /No evidence linked yet/);
    assert.equal(psql(`SELECT count(*) FROM portfolio_pages WHERE id = ${jackPage}`), '1', 'the page itself is kept');
  });

  test('nobody else opens the progress or writes to it', async () => {
    const tom = await h.newPage(); await h.signIn(tom, 'tom');
    await h.visit(tom, `${planUrl}/progress`, { expectStatus: 404 });
    await h.visit(tom, '/plans/templates');
    assert.doesNotMatch(await main(tom), new RegExp(TEMPLATE), 'not a group he teaches');
    const csrf = await tom.locator('input[name=csrf_token]').first().inputValue();
    await h.submit(tom, `${planUrl}/comments`, { csrf_token: csrf, body: 'Hello' }, { expectStatus: 404 });
    await h.submit(tom, `${planUrl}/reviews`, { csrf_token: csrf, held_on: iso(0), notes: 'x' }, { expectStatus: 404 });
    const template = psql(`SELECT id FROM plan_templates WHERE title = '${TEMPLATE}' AND institution_id = ${collegeId()}`);
    await h.visit(tom, `/plans/templates/${template}/edit`, { expectStatus: 404 });
    await h.submit(tom, `/plans/templates/${template}/delete`, { csrf_token: csrf }, { expectStatus: 404 });
    await h.submit(tom, `/plans/templates/${template}`, { csrf_token: csrf, title: 'Taken over', cohort: psql(`SELECT id FROM cohorts WHERE code = 'PSY-Y13' AND institution_id = ${collegeId()}`) }, { expectStatus: 404 });
    assert.equal(psql(`SELECT count(*) FROM plan_templates WHERE title = '${TEMPLATE}' AND institution_id = ${collegeId()}`), '1');
    assert.equal(psql(`SELECT count(*) FROM plan_comments WHERE body = 'Hello' AND plan_id = ${planId}`), '0');
    await tom.context().close();
  });

  test('deleting the template leaves the plan its copy', async () => {
    const template = psql(`SELECT id FROM plan_templates WHERE title = '${TEMPLATE}' AND institution_id = ${collegeId()}`);
    await h.visit(priya, `/plans/templates/${template}/edit`);
    await priya.getByText('Delete this template').click();
    await press(priya, 'Delete the template');
    assert.match(await main(priya), /template was deleted/);
    await h.visit(priya, `${planUrl}/compare?from=0&to=1`);
    assert.match(await main(priya), /Pass every unit/);
  });
});
