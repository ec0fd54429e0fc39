// Builds public/vendor/ from npm packages: `npm run build:css`.
//   public/vendor/tandem.css               compiled from public/scss/tandem.scss
//   public/vendor/govuk/assets/images/...  only the govuk images the CSS refers to
//   public/vendor/govuk-frontend.min.js    govuk-frontend's ES module, unchanged
import { mkdirSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const vendor = join(root, 'public/vendor');
const govukDist = join(root, 'node_modules/govuk-frontend/dist/govuk');
const assetsUrl = '/static/vendor/govuk/assets/';

rmSync(vendor, { recursive: true, force: true });
mkdirSync(join(vendor, 'govuk/assets'), { recursive: true });

const result = sass.compile(join(root, 'public/scss/tandem.scss'), {
  style: 'compressed',
  sourceMap: false,
  importers: [new sass.NodePackageImporter(root)],
  quietDeps: true,
});
writeFileSync(join(vendor, 'tandem.css'), result.css + '\n');

// Copy exactly the govuk assets that the CSS references; fail on a missing one.
const refs = new Set();
for (const m of result.css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
  if (m[1].startsWith(assetsUrl)) refs.add(m[1].slice(assetsUrl.length));
}
for (const rel of refs) {
  if (rel.startsWith('fonts/')) throw new Error(`tandem.css refers to a govuk font: ${rel}`);
  const src = join(govukDist, 'assets', rel);
  if (!existsSync(src)) throw new Error(`tandem.css refers to ${rel}, not in govuk-frontend`);
  mkdirSync(dirname(join(vendor, 'govuk/assets', rel)), { recursive: true });
  copyFileSync(src, join(vendor, 'govuk/assets', rel));
}

copyFileSync(join(govukDist, 'govuk-frontend.min.js'), join(vendor, 'govuk-frontend.min.js'));
