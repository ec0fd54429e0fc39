// Housekeeping: the mail worker deletes what sign-in leaves behind once it
// can no longer be used (cgi-bin/core/housekeeping.c), and nothing still in
// use. scripts/test.sh runs the worker's housekeeping every second
// (TANDEM_HOUSEKEEPING_SECONDS=1); this file plants old and new rows of its
// own college's people and waits for the worker.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { user } from './lib/college.mjs';
import { collegeId, psql, userId } from './lib/db.mjs';

const RUN = Date.now().toString(36);
const tag = (what) => `hk-${what}-${RUN}`;

test('the worker deletes sessions a day after they end, old failed sign-ins, used or expired password links, unused device cookies and kept forms after an hour, and keeps the rest', async () => {
  const amira = userId('amira'), college = collegeId();
  psql(`
    INSERT INTO sessions (token_hash, user_id, institution_id, csrf_token, created_at, last_seen_at) VALUES
      ('${tag('session-old')}', ${amira}, ${college}, 'x', now() - interval '2 days', now() - interval '2 days'),
      ('${tag('session-idle')}', ${amira}, ${college}, 'x', now() - interval '31 hours', now() - interval '30 hours'),
      ('${tag('session-ended')}', ${amira}, ${college}, 'x', now() - interval '5 hours', now() - interval '4 hours'),
      ('${tag('session-live')}', ${amira}, ${college}, 'x', now(), now());
    INSERT INTO kept_forms (token_hash, user_id, institution_id, path, fields, created_at) VALUES
      ('${tag('form-old')}', ${amira}, ${college}, '/blog/posts', '[]', now() - interval '61 minutes'),
      ('${tag('form-new')}', ${amira}, ${college}, '/blog/posts', '[]', now() - interval '50 minutes');
    INSERT INTO login_failures (username, address, at) VALUES
      ('${user(tag('old'))}', '192.0.2.1', now() - interval '25 hours'),
      ('${user(tag('new'))}', '192.0.2.1', now() - interval '23 hours');
    INSERT INTO password_resets (token_hash, user_id, institution_id, expires_at, used_at) VALUES
      ('${tag('reset-used')}', ${amira}, ${college}, now() + interval '20 hours', now()),
      ('${tag('reset-expired')}', ${amira}, ${college}, now() - interval '1 minute', NULL),
      ('${tag('reset-live')}', ${amira}, ${college}, now() + interval '20 hours', NULL);
    INSERT INTO sign_in_devices (token_hash, user_id, institution_id, last_used_at) VALUES
      ('${tag('device-old')}', ${amira}, ${college}, now() - interval '366 days'),
      ('${tag('device-live')}', ${amira}, ${college}, now() - interval '300 days');`);
  const left = () => psql(`
    SELECT string_agg(t, ' ' ORDER BY t COLLATE "C") FROM (
      SELECT token_hash AS t FROM sessions WHERE token_hash LIKE 'hk-%-${RUN}'
      UNION ALL SELECT username FROM login_failures WHERE username LIKE 'hk-%-${RUN}%'
      UNION ALL SELECT token_hash FROM password_resets WHERE token_hash LIKE 'hk-%-${RUN}'
      UNION ALL SELECT token_hash FROM sign_in_devices WHERE token_hash LIKE 'hk-%-${RUN}'
      UNION ALL SELECT token_hash FROM kept_forms WHERE token_hash LIKE 'hk-%-${RUN}') x`);
  // A session ended 4 hours ago is kept for a day: its row says whose a
  // form sent after it ended is.
  const kept = [tag('device-live'), tag('reset-live'), tag('session-live'), tag('session-ended'),
                tag('form-new'), user(tag('new'))].sort().join(' ');
  // A wait for the worker's next pass (every second), bounded so that a
  // worker that never does it fails the test rather than hanging it.
  let now = left();
  for (let i = 0; i < 120 && now !== kept; i++) {
    await sleep(500);
    now = left();
  }
  assert.equal(now, kept, 'what is past use is gone; what may still be used is kept');
});
