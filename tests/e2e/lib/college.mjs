// Each end-to-end test file's own colleges: a copy of the demo colleges
// (`tandem demo --copy TAG`, README), made once when the file's process
// first imports this. Files run side by side against one stack, so none
// may see or change another's people or content: every person a test
// names is one of its own copy's (college.user('amira') is
// 'amira.TAG'), every college it names is its copy's (college.slug for
// Riverside, college.northSlug for Northgate), and people a test adds
// itself get its tag too (college.user('zvoter1')). The harness's signIn
// and the helpers in db.mjs take the demo's short names and do this
// themselves.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { tandem } from './env.mjs';

/** The tag: the test file's name (shortened) and a random part, so that a
 *  second run on the same stack makes a new copy. */
function tagFor(file) {
  const stem = basename(file ?? 'e2e').replace(/\.test\.m?js$/, '').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 20) || 'e2e';
  return `${stem}-${randomBytes(3).toString('hex')}`;
}

function makeCopy() {
  const tag = tagFor(process.argv[1]);
  const r = tandem(['demo', '--copy', tag]);
  if (r.code !== 0) throw new Error(`tandem demo --copy ${tag} failed (exit ${r.code}): ${r.err}`);
  return {
    tag,
    /** Riverside College's copy: its slug. */
    slug: tag,
    /** Northgate Sixth Form College's copy: its slug. */
    northSlug: `${tag}-north`,
    /** The username of this copy's person called `name` in the demo (or
     *  added by this file); a name with a dot is taken as already full. */
    user: (name) => (name.includes('.') ? name : `${name}.${tag}`),
    /** An email address of this copy: LOCAL+TAG@DOMAIN. */
    email: (local, domain = 'riverside.example') => `${local}+${tag}@${domain}`,
  };
}

/** This file's colleges (made on first import). */
export const college = makeCopy();
/** Shorthand: this file's username for the demo's (or its own) `name`. */
export const user = college.user;

/** text as a regular expression matching it literally: usernames have dots. */
export const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
