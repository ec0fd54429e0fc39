// The test stack's database, plainly: psql against the private cluster
// scripts/stack.sh started in TANDEM_VAR, with nothing of a test file's
// college (db.mjs adds that, and re-exports these). For scripts that run
// beside the stack without a college of their own, such as the bench's
// mixer (tests/bench/mixer.mjs). Importing this fails at once when
// TANDEM_VAR is not set.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stackVar } from './env.mjs';

export const CONNECT = ['-X', '-h', join(stackVar(), 'pgrun'), '-U', 'tandem', '-d', 'tandem', '-v', 'ON_ERROR_STOP=1', '-tAq'];

export function run(args, input) {
  const r = spawnSync('psql', [...CONNECT, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return r;
}

/**
 * Runs sql (one or more statements, sent as one: `psql -c`); its output,
 * unaligned, without headers or command tags, trimmed. Fails with psql's
 * message when the database refuses it.
 */
export function psql(sql) {
  const out = run(['-c', sql]);
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.trim();
}

/**
 * Like psql(), for SQL the database should refuse: {status, stdout, stderr}
 * of psql, whatever happened.
 */
export function psqlResult(sql) {
  const out = run(['-c', sql]);
  return { status: out.status, stdout: out.stdout.trim(), stderr: out.stderr };
}

