// Mentoring, private threads and notifications: a learner asks a member
// of staff to mentor her; he hears of it through his notifications and
// accepts; they write to each other in two browsers, each one's unread
// counts changing as the other writes and as they read; nobody else can
// open the thread; ending the mentorship closes it, keeping it readable;
// an administrator reads a thread only by giving a reason, which is
// audited and told to both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, harness } from './lib/browser.mjs';
import { literal, user } from './lib/college.mjs';
import { collegeId, psql, userId } from './lib/db.mjs';

const h = harness(import.meta.url);
const press = h.press;
before(() => h.launch());
after(() => h.close());

const RUN = Date.now().toString(36);
const SUBJECT = `Interview practice ${RUN}`;

const main = (page) => page.locator('main').innerText();
/** The number the header shows beside Notifications (0 when none). */
async function unread(page) {
  const link = page.getByRole('link', { name: /^Notifications/ });
  const text = await link.innerText();
  const m = text.match(/(\d+)/);
  return m ? Number(m[1]) : 0;
}

describe('a mentor and his mentee write to each other', () => {
  let amira, tom, threadUrl, mentorshipUrl;
  before(async () => {
    // Earlier runs' mentorships between the two are ended, so that this
    // one can be asked for.
    psql(`UPDATE mentorships SET state = 'ended' WHERE state IN ('requested', 'active') AND mentee_id = ${userId('amira')} AND mentor_id = ${userId('tom')}`);
    amira = await h.newPage(); await h.signIn(amira, 'amira');
    tom = await h.newPage(); await h.signIn(tom, 'tom');
    for (const page of [amira, tom]) {
      await h.visit(page, '/notifications');
      if (await page.getByRole('button', { name: 'Mark all as read' }).count()) await press(page, 'Mark all as read');
    }
  });
  after(async () => { await amira.context().close(); await tom.context().close(); });

  test('the learner asks; a wrong username is refused with what she typed kept', async () => {
    await h.visit(amira, '/messages');
    await amira.locator('main').getByRole('link', { name: 'Mentoring' }).click();
    await amira.waitForLoadState();
    await amira.getByRole('link', { name: 'Start a mentorship' }).click();
    await amira.waitForLoadState();
    await amira.getByLabel('Who would you like as your mentor?').fill('nobody-here');
    await amira.getByLabel('What is the mentoring for?').fill(`Getting ready for interviews ${RUN}`);
    await press(amira, 'Ask them', { expectStatus: 400 });
    assert.match(await main(amira), /nobody at your college with that username/);
    assert.equal(await amira.getByLabel('What is the mentoring for?').inputValue(), `Getting ready for interviews ${RUN}`);
    await amira.getByLabel('Who would you like as your mentor?').fill(user('tom'));
    await press(amira, 'Ask them');
    assert.match(await main(amira), /Your request was sent/);
    assert.match(await main(amira), /Your mentor: Tom[\s\S]*Waiting for the mentor/);
  });

  test('the mentor hears of it in his notifications and accepts', async () => {
    await h.visit(tom, '/');
    assert.equal(await unread(tom), 1, 'the header counts one unread notification');
    await tom.getByRole('link', { name: /^Notifications/ }).click();
    await tom.waitForLoadState();
    await tom.getByRole('link', { name: /Amira Hassan asked you to be their mentor/ }).first().click();
    await tom.waitForLoadState();
    mentorshipUrl = new URL(tom.url()).pathname;
    assert.match(mentorshipUrl, /^\/mentoring\/\d+$/);
    assert.equal(await unread(tom), 0, 'opening it marked it read');
    await press(tom, 'Accept');
    assert.match(await main(tom), /Active/);
  });

  test('the mentee starts a thread; the mentor sees it new, opens it at the first unread message', async () => {
    await h.visit(amira, '/messages/new');
    await amira.getByLabel('With').selectOption(await amira.locator('#to option').evaluateAll(
      (options) => options.find((o) => o.textContent.startsWith('Mentoring: Tom')).value));
    await amira.getByLabel('Subject').fill(SUBJECT);
    await amira.getByLabel('Message').fill('Could we practise a **mock interview** next week?');
    await press(amira, 'Send');
    threadUrl = new URL(amira.url()).pathname;
    assert.match(threadUrl, /^\/messages\/\d+$/);
    assert.equal(await amira.locator('.tandem-messages strong', { hasText: 'mock interview' }).count(), 1, 'Markdown is rendered');

    await h.visit(tom, '/messages');
    assert.match(await tom.locator('tr', { hasText: SUBJECT }).innerText(), /1 new/);
    assert.equal(await unread(tom), 1);
    const [response] = await Promise.all([tom.waitForNavigation(), tom.getByRole('link', { name: SUBJECT }).click()]);
    const first = psql(`SELECT min(id) FROM messages WHERE thread_id = ${threadUrl.split('/')[2]}`);
    assert.equal(new URL(tom.url()).hash, `#m${first}`, 'the thread opens at the first unread message');
    assert.equal(response.status(), 200);
    await h.visit(tom, '/messages');
    assert.doesNotMatch(await tom.locator('tr', { hasText: SUBJECT }).innerText(), /new/, 'read now');
  });

  test('they reply to each other; counts follow; an empty or too long reply keeps what was typed', async () => {
    await h.visit(tom, threadUrl);
    await press(tom, 'Send', { expectStatus: 400 });
    assert.match(await main(tom), /Enter your message|your message/i);
    await tom.getByLabel('Reply').fill('x'.repeat(20001));
    await press(tom, 'Send', { expectStatus: 400 });
    assert.match(await main(tom), /too long/i);
    assert.equal((await tom.getByLabel('Reply').inputValue()).length, 20001, 'the long text is kept to shorten');
    await tom.getByLabel('Reply').fill('Yes: Tuesday at 2, room B12.');
    await press(tom, 'Send');
    await tom.getByLabel('Reply').fill('Bring your personal statement.');
    await press(tom, 'Send');

    await h.visit(amira, '/messages');
    assert.match(await amira.locator('tr', { hasText: SUBJECT }).innerText(), /2 new/);
    await h.visit(amira, '/');
    assert.ok(await unread(amira) >= 2, 'a notification for each message');
    await h.visit(amira, threadUrl);
    assert.match(await main(amira), /Tuesday at 2[\s\S]*personal statement/);
  });

  test('nobody else opens the thread or writes in it', async () => {
    for (const who of ['jack', 'priya', 'nadia']) {
      const other = await h.newPage(); await h.signIn(other, who);
      await h.visit(other, threadUrl, { expectStatus: 404 });
      await h.visit(other, mentorshipUrl, { expectStatus: 404 });
      const csrf = await other.locator('input[name=csrf_token]').first().inputValue();
      await h.submit(other, threadUrl, { csrf_token: csrf, body: 'Let me in' }, { expectStatus: 404 });
      await other.context().close();
    }
    assert.equal(psql(`SELECT count(*) FROM messages WHERE body_md = 'Let me in' AND (thread_id = ${threadUrl.split('/')[2]} OR institution_id = ${collegeId()})`), '0');
  });

  test('an administrator reads it only with a reason, audited and told to both', async () => {
    const admin = await h.newPage(); await h.signIn(admin, 'admin');
    const id = threadUrl.split('/')[2];
    await h.visit(admin, `/admin/threads?user=${encodeURIComponent(user('amira'))}`);
    assert.doesNotMatch(await main(admin), new RegExp(SUBJECT), 'the list shows no subjects');
    await admin.getByRole('link', { name: new RegExp(`Read for safeguarding\\s*: thread between Amira Hassan \\(${literal(user('amira'))}\\), Tom Reid`) }).first().click();
    await admin.waitForLoadState();
    assert.equal(new URL(admin.url()).pathname, `/admin/threads/${id}`, 'the newest thread first');
    assert.doesNotMatch(await main(admin), /Tuesday at 2/, 'the words are not shown before a reason is given');
    await admin.getByLabel('Why do you need to read it?').fill(`A safeguarding referral, case ${RUN}`);
    await press(admin, 'Record the reason and read the thread');
    assert.match(await main(admin), /Tuesday at 2/);
    assert.equal(psql(`SELECT count(*) FROM audit_log WHERE institution_id = ${collegeId()} AND action = 'thread_read_for_safeguarding' AND detail LIKE '%case ${RUN}%'`), '1');
    assert.equal(psql(`SELECT string_agg(u.username, ',' ORDER BY u.username) FROM notifications n JOIN users u ON u.id = n.user_id
                        WHERE n.institution_id = ${collegeId()} AND n.kind = 'safeguarding' AND n.subject LIKE '%case ${RUN}%'`),
      [user('amira'), user('tom')].sort().join(','), 'told to both');
    const other = await h.newPage(); await h.signIn(other, 'northadmin');
    await h.visit(other, `/admin/threads/${id}`, { expectStatus: 404 });
    await other.context().close();
    await admin.context().close();
  });

  test('ending the mentorship closes the thread, which stays readable', async () => {
    await h.visit(amira, mentorshipUrl);
    await press(amira, 'End the mentorship');
    assert.match(await amira.locator('h1').innerText(), /^End your mentorship with /, 'it asks first');
    await assertAccessible(amira, 'the question before ending a mentorship');
    assert.match(await main(amira), /will be told/);
    await press(amira, 'End the mentorship');
    assert.match(await main(amira), /Ended/);
    await h.visit(amira, `${mentorshipUrl}/end`, { expectStatus: 409, axe: false });
    await h.visit(tom, threadUrl);
    assert.match(await main(tom), /This thread is closed[\s\S]*/);
    assert.match(await main(tom), /Bring your personal statement/);
    const csrf = await tom.locator('input[name=csrf_token]').first().inputValue();
    const res = await h.submit(tom, threadUrl, { csrf_token: csrf, body: 'One more thing' }, { expectStatus: 409 });
    assert.match(await res.text(), /thread is closed/);
    await h.visit(tom, '/notifications');
    assert.match(await main(tom), /Amira Hassan ended your mentorship/);
  });

  test('a member of staff asks someone to mentor her; a tutor sets one up for her learner', async () => {
    psql(`UPDATE mentorships SET state = 'ended' WHERE state IN ('requested', 'active') AND mentor_id = ${userId('tom')} AND mentee_id IN (${userId('priya')}, ${userId('jack')})`);
    const priya = await h.newPage(); await h.signIn(priya, 'priya');
    await h.visit(priya, '/mentoring/new');
    await priya.getByLabel('The mentor', { exact: true }).fill(user('tom'));
    await priya.getByLabel('What is the mentoring for?').fill(`Leading a team for the first time ${RUN}`);
    await press(priya, 'Set it up, or ask');
    assert.match(await main(priya), /Your request was sent/);
    assert.match(await main(priya), /Your mentor: Tom Reid[\s\S]*Waiting for the mentor/);
    await h.visit(priya, '/mentoring/new');
    await priya.getByLabel('The mentor', { exact: true }).fill(user('tom'));
    await priya.getByLabel('The mentee (optional)').fill(user('jack'));
    await priya.getByLabel('What is the mentoring for?').fill(`Settling in ${RUN}`);
    await press(priya, 'Set it up, or ask');
    assert.match(await main(priya), /The mentorship was set up/);
    assert.equal(psql(`SELECT state FROM mentorships WHERE purpose = 'Settling in ${RUN}' AND mentor_id = ${userId('tom')} AND mentee_id = ${userId('jack')}`), 'active');
    await h.visit(priya, '/mentoring/new');
    await priya.getByLabel('The mentor', { exact: true }).fill(user('tom'));
    await priya.getByLabel('The mentee (optional)').fill(user('sofia'));
    await priya.getByLabel('What is the mentoring for?').fill(`Not mine ${RUN}`);
    await press(priya, 'Set it up, or ask', { expectStatus: 400 });
    assert.match(await main(priya), /only for learners you teach/);
    await priya.context().close();
  });

  test('a tutor writes directly to a learner of hers', async () => {
    const priya = await h.newPage(); await h.signIn(priya, 'priya');
    await h.visit(priya, '/messages/new');
    await priya.getByLabel('With').selectOption({ label: 'Your learner: Amira Hassan' });
    await priya.getByLabel('Subject').fill(`Report draft ${RUN}`);
    await priya.getByLabel('Message').fill('Your draft is in: well done.');
    await press(priya, 'Send');
    const direct = new URL(priya.url()).pathname;
    // Pointing at something: a goal of Amira's agreed plan (both are its
    // sides) is offered; someone else's evidence is refused, the words kept.
    const goal = await priya.locator('#link option').evaluateAll(
      (options) => options.find((o) => o.textContent.startsWith('Plan goal: Pass unit 6')).value);
    const csrf = await priya.locator('input[name=csrf_token]').first().inputValue();
    const notHers = psql(`SELECT e.id FROM evidence e JOIN users u ON u.id = e.owner_id WHERE u.username = '${user('amira')}' LIMIT 1`);
    const res = await h.submit(priya, direct, { csrf_token: csrf, body: 'Look at this', link: `evidence:${notHers}` }, { expectStatus: 400 });
    assert.match(await res.text(), /cannot see that, or it is not yours/);
    assert.equal(await priya.getByLabel('Reply').inputValue(), 'Look at this');
    await priya.getByLabel(/Point at something/).selectOption(goal);
    await press(priya, 'Send');
    assert.match(await main(priya), /About: Pass unit 6 \(robot arm\) with a merit/);
    await h.visit(amira, '/messages');
    assert.match(await amira.locator('tr', { hasText: `Report draft ${RUN}` }).innerText(), /Priya Sharma[\s\S]*/);
    await h.visit(amira, direct);
    await amira.getByRole('link', { name: 'Pass unit 6 (robot arm) with a merit' }).click();
    await amira.waitForLoadState();
    assert.match(new URL(amira.url()).pathname, /^\/plans\/\d+\/goals\/[0-9a-f]{12}$/, 'the link opens the goal for the learner');
    await priya.context().close();
  });
});
