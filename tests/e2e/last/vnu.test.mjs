// Runs last (scripts/test.sh runs it after every other file): checks every page
// that the other e2e test files saved with the Nu HTML checker, in one JVM.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import vnuJar from 'vnu-jar';
import { HTML_DIR } from '../lib/browser.mjs';

const run = promisify(execFile);

function savedPages(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

test('every saved page is valid HTML (Nu HTML checker)', { timeout: 300_000 }, async () => {
  const files = savedPages(HTML_DIR);
  // Nothing to check is a failure, not a pass.
  assert.ok(files.length > 0, `no pages saved under ${HTML_DIR}: run the whole tests/e2e/ directory`);
  let stdout;
  try {
    ({ stdout } = await run('java', ['-Xss1m', '-jar', String(vnuJar), '--errors-only', '--format', 'json', '--stdout', ...files],
      { maxBuffer: 64 * 1024 * 1024 }));
  } catch (err) {
    // vnu exits 1 when it found errors; anything else without JSON is a failure to run.
    if (!err.stdout) throw err;
    stdout = err.stdout;
  }
  const messages = JSON.parse(stdout).messages.filter((m) => m.type !== 'info');
  if (messages.length) {
    const byFile = new Map();
    for (const m of messages) {
      const file = m.url ? relative(HTML_DIR, fileURLToPath(m.url)) : '(no file)';
      if (!byFile.has(file)) byFile.set(file, []);
      byFile.get(file).push(`  line ${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.message}` +
        (m.extract ? `\n      ${JSON.stringify(m.extract)}` : ''));
    }
    const text = [...byFile].map(([f, lines]) => `${f}\n${lines.join('\n')}`).join('\n');
    assert.fail(`Nu HTML checker: ${messages.length} error(s) in ${byFile.size} of ${files.length} page(s) under ${HTML_DIR}:\n${text}`);
  }
});
