// The tandem program's subcommands, run as an operator would, against the
// same database as the running stack (found through TANDEM_VAR alone).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, appendFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loginFormState, request } from './lib/browser.mjs';
import { college, literal, user } from './lib/college.mjs';
import { ROOT, stackVar, tandem as run } from './lib/env.mjs';

stackVar(); // without the stack's data folder this file fails here, saying so


/** `tandem ARGS` as an operator runs it: {code, out} with out its standard output and error. */
function tandem(args, env = {}) {
  const r = run(args, { env });
  return { code: r.code, out: r.out + r.err };
}

describe('tandem subcommands', () => {
  test('version and help', () => {
    const v = tandem(['version']);
    assert.equal(v.code, 0);
    assert.match(v.out, /^tandem \d+\.\d+\.\d+/);
    assert.match(tandem(['--help']).out, /serve[\s\S]*migrate[\s\S]*demo/);
    for (const cmd of ['serve', 'migrate', 'demo', 'set-password', 'import-users', 'institution', 'version']) {
      const h = tandem([cmd, '--help']);
      assert.equal(h.code, 0, `${cmd} --help`);
      assert.match(h.out, new RegExp(`usage: tandem ${cmd}`));
    }
    const bad = tandem(['frobnicate']);
    assert.equal(bad.code, 2);
    assert.match(bad.out, /unknown command "frobnicate"/);
  });

  test('migrate twice changes nothing', () => {
    const r = tandem(['migrate']);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /schema is up to date/);
  });

  test('an applied migration that was edited is refused, naming the file', () => {
    const sql = mkdtempSync(join(tmpdir(), 'tandem-sql-'));
    try {
      cpSync(join(ROOT, 'sql'), sql, { recursive: true });
      appendFileSync(join(sql, '0001_platform.sql'), '\n-- an innocent-looking edit\n');
      const r = tandem(['migrate'], { TANDEM_SQL: sql });
      assert.equal(r.code, 1);
      assert.match(r.out, /0001_platform\.sql was changed after it was applied/);
      assert.match(r.out, /new migration/);
    } finally {
      rmSync(sql, { recursive: true, force: true });
    }
  });

  test('a broken template stops start-up with a message naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-tpl-'));
    try {
      cpSync(join(ROOT, 'templates'), dir, { recursive: true });
      mkdirSync(join(dir, 'broken'));
      writeFileSync(join(dir, 'broken/oops.tpl'), '{{%AUTOESCAPE context="HTML"}}\n{{#OPEN}}never closed\n');
      const r = tandem(['serve'], { TANDEM_TEMPLATES: dir, TANDEM_SOCKET: join(dir, 'never.sock') });
      assert.equal(r.code, 1);
      assert.match(r.out, /broken\/oops\.tpl/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a new college and its first administrator, from the command line', async () => {
    // This file's own: its tag in the slug and in the administrator's name.
    const slug = `${college.tag}-new`;
    const admin = user('cli-admin');
    const add = tandem(['institution', 'add', slug, 'Command Line College']);
    assert.equal(add.code, 0, add.out);
    assert.match(add.out, /added the college Command Line College/);
    const again = tandem(['institution', 'add', slug, 'Again']);
    assert.equal(again.code, 1);
    assert.match(again.out, /already a college with the slug/);
    assert.equal(tandem(['institution', 'add', 'Not A Slug', 'X']).code, 1);
    const added = run(['user', 'add', admin, '--email', college.email('first', 'cli.example'), '--name', 'First Admin',
      '--role', 'staff,institution_admin', '--institution', slug, '--password-stdin'], { input: 'first admin password\n' });
    assert.equal(added.code, 0, added.out + added.err);
    // The new administrator signs in through the real form.
    const { cookie, csrf } = await loginFormState();
    const res = await request('POST', '/login', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: `username=${encodeURIComponent(admin)}&password=${encodeURIComponent('first admin password')}&csrf_token=${encodeURIComponent(csrf)}`,
    });
    assert.equal(res.status, 303);
  });

  test('set-password refuses short passwords and unknown people', () => {
    const short = run(['set-password', user('jack')], { input: 'short\n' });
    assert.equal(short.code, 2);
    assert.match(short.err, /at least 10 characters/);
    const nobody = user('no-such-person');
    const ghost = run(['set-password', nobody], { input: 'a-long-enough-password\n' });
    assert.equal(ghost.code, 1);
    assert.match(ghost.err, new RegExp(`no user called ${literal(nobody)}`));
  });
});
