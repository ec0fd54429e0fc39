// Every statement is declared with the columns of its result (cgi-bin/core/db.h),
// and the server's description of it must agree: a statement whose SQL gained
// or lost a column while the enum naming its cells did not would have a page
// read the wrong cell. Every connection checks this; `tandem check-statements`
// checks it for every statement of the program and says which differ.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tandem } from './lib/env.mjs';

test('every statement returns exactly the columns declared with it', () => {
  const out = tandem(['check-statements']);
  assert.equal(out.code, 0, `tandem check-statements found statements that differ:\n${out.err}`);
  const [, n] = out.out.match(/^(\d+) statements prepared, each with the columns declared$/m) ?? [];
  assert.ok(Number(n) >= 350, `all of the program's statements were checked (${out.out})`);
});
