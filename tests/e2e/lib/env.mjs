// What the end-to-end tests need from their environment, asserted when a
// test file loads. A missing precondition fails the file, saying what is
// missing and why it is needed; it never skips a test, so a run that lacks
// it cannot pass by saying nothing. scripts/test.sh sets all of these.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The checkout's root folder (sql/, templates/, cgi-bin/). */
export const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The value of the environment variable `name`, or an error (thrown at once,
 * so the file fails to load) naming it and saying what it is for.
 */
export function need(name, why) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: ${why}. Run the end-to-end tests with scripts/test.sh (make test), ` +
      'or set it as scripts/test.sh does');
  }
  return value;
}

/** The stack's data folder (scripts/stack.sh): its database socket, keys and logs. */
export const stackVar = () =>
  need('TANDEM_VAR', 'the tests reach the stack\'s data folder through it (its database socket, keys and logs)');

/** The tandem program under test (scripts/test.sh sets TANDEM_BIN). */
export const BIN = process.env.TANDEM_BIN || resolve(ROOT, 'cgi-bin/tandem');

/**
 * Runs `tandem ARGS` as an operator would, from the checkout, against the
 * stack's data folder: with TANDEM_VAR, PATH and the sanitizers' options and
 * nothing else of this environment, unless `env` adds it. Standard input is
 * `input`. Returns {code, out, err} (exit status, standard output and error).
 */
export function tandem(args, { input, env = {} } = {}) {
  const keep = ['PATH', 'ASAN_OPTIONS', 'LSAN_OPTIONS', 'UBSAN_OPTIONS'].filter((k) => process.env[k] !== undefined);
  const r = spawnSync(BIN, args, {
    cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20,
    env: { ...Object.fromEntries(keep.map((k) => [k, process.env[k]])), TANDEM_VAR: stackVar(), ...env },
  });
  // EPIPE: the program ended without reading all its input (it refused the
  // arguments first), which is its answer, not a failure to run it.
  if (r.error && !(r.error.code === 'EPIPE' && r.status !== null)) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}
