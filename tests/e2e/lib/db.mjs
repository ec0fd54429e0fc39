// The test stack's database, for what a test must arrange or check there
// (the private cluster scripts/stack.sh started in TANDEM_VAR).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Runs sql in psql; its output, unaligned, without headers, trimmed. */
export function psql(sql) {
  const out = spawnSync('psql', ['-h', `${process.env.TANDEM_VAR}/pgrun`, '-U', 'tandem', '-d', 'tandem', '-tAc', sql], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.trim();
}
