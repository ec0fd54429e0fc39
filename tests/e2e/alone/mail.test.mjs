// Email: the mail worker (`tandem mail`, started beside the server) sends
// the outbox to an SMTP sink this test runs on loopback. A message mailed
// at once arrives once, in plain text with a one-click unsubscribe link;
// a mail the server refuses is retried and arrives once; the link stops
// that sort of mail (a forged one does not); a daily digest arrives once,
// holding exactly the news not yet read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { harness, request } from '../lib/browser.mjs';
import { psql, userId } from '../lib/db.mjs';
import { college, user } from '../lib/college.mjs';
import { BIN, need, tandem } from '../lib/env.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SMTP_PORT = Number(need('TANDEM_SMTP_PORT', 'the mail worker sends to the SMTP sink this file runs on that port'));

const h = harness(import.meta.url);
const run = promisify(execFile);
const RUN = Date.now().toString(36);
const received = [];
const refuseOnce = new Set(); // a mail holding one of these is refused, the first time
let sink;

before(async () => {
  await h.launch();
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        for (const marker of refuseOnce) {
          if (raw.includes(marker)) {
            refuseOnce.delete(marker);
            const err = new Error('Busy, try again later');
            err.responseCode = 451;
            return callback(err);
          }
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise((resolve) => sink.listen(SMTP_PORT, '127.0.0.1', resolve));
});
after(async () => {
  await new Promise((resolve) => sink.close(resolve));
  await h.close();
});

const JACK = () => psql(`SELECT email FROM users WHERE id = ${userId('jack')}`);
const mailsWith = (text) => received.filter((m) => m.to.includes(JACK()) && m.raw.includes(text));

/** Waits until a mail holding text has arrived for Jack (at most 20 s). */
async function arrival(text) {
  for (let i = 0; i < 80; i++) {
    if (mailsWith(text).length) return mailsWith(text)[0];
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`no mail holding "${text}" arrived`);
}

async function press(page, name) {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).first().click()]);
  assert.equal(response.status(), 200, `${name}: status`);
}

/** Priya writes to Jack, starting a thread with subject. */
async function priyaWrites(priya, subject) {
  await h.visit(priya, '/messages/new');
  await priya.getByLabel('With').selectOption({ label: 'Your learner: Jack Thompson' });
  await priya.getByLabel('Subject').fill(subject);
  await priya.getByLabel('Message').fill('See you in the workshop.');
  await press(priya, 'Send');
  return new URL(priya.url()).pathname;
}

/** Runs `tandem mail --digests-now` (without blocking: the sink lives in
 * this process), and checks it sent without a hitch. */
async function digests() {
  const { stderr } = await run(BIN, ['mail', '--digests-now'], { env: process.env });
  assert.equal(stderr, '', 'sent at the first attempt');
}

describe('email', () => {
  let priya, jack, unsubscribeUrl;
  before(async () => {
    psql(`DELETE FROM notification_prefs WHERE user_id = ${userId('jack')}`);
    // As if Jack's last digest (from an earlier run against this database)
    // had been sent yesterday.
    psql(`DELETE FROM outbox WHERE digest_on IS NOT NULL AND user_id = ${userId('jack')}`);
    psql(`UPDATE digests SET last_sent_on = current_date - 1 WHERE user_id = ${userId('jack')}`);
    priya = await h.newPage(); await h.signIn(priya, 'priya');
    jack = await h.newPage(); await h.signIn(jack, 'jack');
  });
  after(async () => { await priya.context().close(); await jack.context().close(); });

  test('a message is emailed at once, once, in plain text with an unsubscribe link', async () => {
    const subject = `Workshop ${RUN}`;
    const thread = await priyaWrites(priya, subject);
    const mail = await arrival(subject);
    assert.match(mail.raw, /^Content-Type: text\/plain; charset=UTF-8/m);
    assert.match(mail.raw, /^Subject: =\?UTF-8\?B\?/m, 'a subject with curly quotes, encoded (RFC 2047)');
    assert.ok(mail.raw.includes(`${process.env.TANDEM_URL}${thread}`), 'the mail links to the thread');
    const m = mail.raw.match(/^List-Unsubscribe: <([^>]+)>/m);
    assert.ok(m, 'a List-Unsubscribe header');
    assert.match(mail.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    unsubscribeUrl = new URL(m[1]).pathname;
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(mailsWith(subject).length, 1, 'sent once, not again');
  });

  test('a mail the SMTP server refuses is tried again, and arrives once', async () => {
    const subject = `Refused first ${RUN}`;
    refuseOnce.add(subject);
    await priyaWrites(priya, subject);
    await arrival(subject);
    assert.equal(refuseOnce.size, 0, 'it was refused once');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(mailsWith(subject).length, 1);
    assert.equal(psql(`SELECT attempts || ' ' || (sent_at IS NOT NULL) FROM outbox WHERE subject LIKE '%${subject}%'`), '1 true');
  });

  test('a forged unsubscribe link changes nothing; the real one stops messages by email', async () => {
    const forged = unsubscribeUrl.replace(/\/[^/]+$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    let res = await request('POST', forged, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(res.status, 404);
    assert.equal(psql(`SELECT count(*) FROM notification_prefs WHERE user_id = ${userId('jack')}`), '0');
    const visitor = await h.newPage();
    await h.visit(visitor, unsubscribeUrl);
    assert.match(await visitor.locator('main').innerText(), /Stop these emails\?[\s\S]*Messages/);
    await visitor.context().close();
    // A mail program's one-click unsubscribe: no cookie, no form token.
    res = await request('POST', unsubscribeUrl, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(res.status, 200);
    await h.visit(jack, '/account/notifications');
    assert.equal(await jack.locator('#messages-app').isChecked(), true, 'messages now only in Tandem');
    const subject = `After unsubscribing ${RUN}`;
    await priyaWrites(priya, subject);
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(mailsWith(subject).length, 0, 'no more mail about messages');
  });

  test('a daily digest arrives once, with exactly the news not yet read', async () => {
    await h.visit(jack, '/account/notifications');
    await jack.locator('#messages-digest').check();
    await press(jack, 'Save');
    await h.visit(jack, '/notifications');
    if (await jack.getByRole('button', { name: 'Mark all as read' }).count()) await press(jack, 'Mark all as read');
    const first = `Digest one ${RUN}`, second = `Digest two ${RUN}`;
    await priyaWrites(priya, first);
    await priyaWrites(priya, second);
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(mailsWith(first).length, 0, 'not mailed at once');
    await digests();
    await digests(); // a second run the same day sends nothing more
    const mail = await arrival(second);
    assert.match(mail.raw, /^Subject: Your Tandem digest: 2 things for you/m);
    assert.ok(mail.raw.includes(first) && mail.raw.includes(second), 'both new messages');
    assert.ok(!mail.raw.includes(`Workshop ${RUN}`), 'nothing already read');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(received.filter((m) => m.to.includes(JACK()) && /^Subject: Your Tandem digest/m.test(m.raw)).length, 1, 'one digest');
  });
});

describe('password links by email', () => {
  const name = `newcomer-${RUN}`, address = `newcomer-${RUN}@example.ac.uk`;
  const mailsTo = (subject) => received.filter((m) => m.to.includes(address) && m.raw.includes(subject));
  /** Waits for a mail to the newcomer with subject (at most 20 s); its link's path. */
  async function linkIn(subject) {
    for (let i = 0; i < 80 && !mailsTo(subject).length; i++) await new Promise((r) => setTimeout(r, 250));
    const [mail] = mailsTo(subject);
    assert.ok(mail, `no mail "${subject}" arrived for ${address}`);
    assert.doesNotMatch(mail.raw, /^List-Unsubscribe/m, 'nothing to unsubscribe from: it comes only when asked for');
    const m = mail.raw.match(new RegExp(`${process.env.TANDEM_URL}(/reset/[A-Za-z0-9_-]{43})`));
    assert.ok(m, `a one-time link in the mail: ${mail.raw.slice(-600)}`);
    return m[1];
  }

  test('a person added by CSV import gets a welcome mail with a link of their own, and chooses a password with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-mail-'));
    const file = join(dir, 'people.csv');
    writeFileSync(file, `username,email,display_name,role,cohort_code,cohort_role\r\n${user(name)},${address},New Comer,student,,\r\n`);
    const r = tandem(['import-users', file, '--institution', college.slug]);
    assert.equal(r.code, 0, r.err);
    const shown = r.out.match(/\/reset\/([A-Za-z0-9_-]{43})/)[1];
    const link = await linkIn('Welcome to Tandem: choose your password');
    assert.notEqual(link, `/reset/${shown}`, 'the mail\'s link is its own, not the one the import printed');
    assert.equal(psql(`SELECT count(*) FROM outbox WHERE user_id = ${userId(name)} AND body LIKE '%/reset/%'`), '0',
      'the outbox never held the link: the worker made it when it sent the mail');
    const page = await h.newPage();
    await h.visit(page, link);
    await page.getByLabel('New password', { exact: true }).fill('a long new password 1');
    await page.getByLabel('New password again').fill('a long new password 1');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Set password' }).click()]);
    await h.visit(page, '/login');
    await page.getByLabel('Username').fill(user(name));
    await page.getByLabel('Password').fill('a long new password 1');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
    const header = await page.locator('header').innerText();
    assert.ok(header.includes('Sign out') && header.includes('New Comer'), `signed in with the password chosen: ${header}`);
    await page.context().close();
  });

  test('the college administrator emails them a new link from their page', async () => {
    const admin = await h.newPage();
    await h.signIn(admin, 'admin');
    await h.visit(admin, `/admin/users/${userId(name)}`);
    await Promise.all([admin.waitForNavigation(), admin.getByRole('button', { name: 'Email New Comer a password link' }).click()]);
    assert.match(await admin.locator('main').innerText(), /An email with a link to choose a new password is on its way/);
    const link = await linkIn('Choose a new password for Tandem');
    const res = await request('GET', link);
    assert.equal(res.status, 200, 'the emailed link opens the page to choose a password');
    assert.equal(psql(`SELECT count(*) FROM audit_log WHERE action = 'password_link_emailed' AND target_user_id = ${userId(name)}`), '1');
    await admin.context().close();
  });
});
