// make bench: how fast the mixer opens sealed ballots (scripts/bench.sh runs
// this with TANDEM_VAR and TANDEM_BIN set, the stack started).
//
// An open anonymous poll for a cohort of 10,000 learners, with the five
// kinds of question of tests/bench/voice.sql (17 options; a written answer
// from one in ten), gets a key pair made here: the secret half written to
// $TANDEM_KEYS/poll-ID.key (mode 0600), the public half set on the poll as
// it opens. Every learner's ballot is made here in the server's format
// (cgi-bin/pages/voice_mix.c), padded to the poll's one size and sealed to
// its key, and cast by SQL. The poll then closes, and `tandem
// count-ballots` is timed opening and counting all 10,000 in its final
// batch: reading the sealed rows, opening each, shuffling, counting in one
// transaction, then vacuuming.
//
// Prints: mixer: 10000 ballots opened in X s (Y ballots/s)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psql } from '../e2e/lib/psql.mjs';
import { keyPair, seal, sodium, toBytea } from '../e2e/lib/sealed.mjs';

const VAR = process.env.TANDEM_VAR;
const BIN = process.env.TANDEM_BIN;
if (!VAR || !BIN) {
  console.error('mixer.mjs: set TANDEM_VAR and TANDEM_BIN (scripts/bench.sh does)');
  process.exit(2);
}
const KEYS = process.env.TANDEM_KEYS || join(VAR, 'keys');
const N = 10_000;

/** Runs a long SQL script, or COPY data, through psql's standard input. */
function psqlInput(args, input) {
  const out = spawnSync('psql', ['-h', join(VAR, 'pgrun'), '-U', 'tandem', '-d', 'tandem', '-v', 'ON_ERROR_STOP=1', '-qtAX', ...args],
    { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`psql: ${out.stderr}`);
  return out.stdout.trim();
}

// A small deterministic generator, so that every run casts the same ballots.
let state = 0x2545f491;
function random(n) {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state % n;
}
function pick(list, k) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) { const j = random(i + 1); [copy[i], copy[j]] = [copy[j], copy[i]]; }
  return copy.slice(0, k);
}

// The cohort: 10,000 learners (once per database).
psql(`WITH i AS (SELECT institution_id AS id FROM users WHERE username = 'amira'),
           c AS (INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
                 SELECT i.id, (SELECT id FROM courses WHERE code = 'BTEC-ENG-L3'), 'BENCH-MIXER', 'Ten thousand sealed ballots', '2026/27'
                   FROM i WHERE NOT EXISTS (SELECT 1 FROM cohorts WHERE code = 'BENCH-MIXER') RETURNING id, institution_id),
           u AS (INSERT INTO users (institution_id, username, display_name, email)
                 SELECT c.institution_id, 'bench-mixer-' || n, 'Bench mixer ' || n, 'mixer' || n || '@bench.example'
                   FROM c, generate_series(1, ${N}) n RETURNING id)
      INSERT INTO memberships (cohort_id, user_id, institution_id, role)
      SELECT c.id, u.id, c.institution_id, 'learner' FROM c, u`);

/** Makes the poll, casts N sealed ballots, closes it; its id and the count-ballots run. */
function run() {
  // A draft first: the mail worker makes keys for open polls without one.
  const poll = Number(psql(`WITH a AS (SELECT id, institution_id FROM users WHERE username = 'amira'),
        p AS (INSERT INTO polls (institution_id, created_by, scope, title, anonymous, visibility, closes_at)
              SELECT institution_id, id, 'cohorts', 'Ten thousand sealed ballots', true, 'closed', now() + interval '1 day'
                FROM a RETURNING id, institution_id),
        c AS (INSERT INTO poll_cohorts (poll_id, cohort_id, institution_id)
              SELECT p.id, co.id, p.institution_id FROM p, cohorts co WHERE co.code = 'BENCH-MIXER')
      SELECT id FROM p`).split('\n')[0]);
  const college = Number(psql(`SELECT institution_id FROM polls WHERE id = ${poll}`));
  psql(`INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, required, min_choices, max_choices)
        SELECT ${poll}, ${college}, n, kind, prompt, n <> 5, min, max
          FROM (VALUES (1, 'single', 'Which campus do you use most?', 1, 1),
                       (2, 'multiple', 'Which services have you used this term?', 2, 3),
                       (3, 'rating', 'How satisfied are you with your course?', 1, 1),
                       (4, 'ranked', 'Rank the improvements you want', 1, 4),
                       (5, 'text', 'Anything else?', 0, 1)) x(n, kind, prompt, min, max)`);
  const q = psql(`SELECT id FROM poll_questions WHERE poll_id = ${poll} ORDER BY position`).split('\n').map(Number);
  psql(`INSERT INTO poll_options (question_id, poll_id, institution_id, position, label)
        SELECT (ARRAY[${q.join(',')}])[x.qn], ${poll}, ${college}, x.n, x.label
          FROM (VALUES (1, 1, 'North campus'), (1, 2, 'South campus'), (1, 3, 'Online'),
                       (2, 1, 'Library'), (2, 2, 'Careers'), (2, 3, 'Wellbeing'), (2, 4, 'Canteen'), (2, 5, 'Learning support'),
                       (3, 1, '1'), (3, 2, '2'), (3, 3, '3'), (3, 4, '4'), (3, 5, '5'),
                       (4, 1, 'Longer library hours'), (4, 2, 'More study rooms'), (4, 3, 'Cheaper food'), (4, 4, 'Better wifi')) x(qn, n, label)`);
  const options = q.slice(0, 4).map((id) => psql(`SELECT id FROM poll_options WHERE question_id = ${id} ORDER BY position`).split('\n').map(Number));

  // Its key pair; the poll opens with the public half.
  const { publicKey, secretKey } = keyPair();
  if (!existsSync(KEYS)) mkdirSync(KEYS, { recursive: true, mode: 0o700 });
  const file = join(KEYS, `poll-${poll}.key`);
  writeFileSync(file, secretKey, { mode: 0o600 });
  chmodSync(file, 0o600);
  psql(`UPDATE polls p SET public_key = ${toBytea(publicKey)}, batch_size = i.voice_min_voters, opens_at = now() - interval '1 hour'
          FROM institutions i WHERE p.id = ${poll} AND i.id = p.institution_id`);

  // The ballots, as voice_ballots.c writes them: padded to
  // voice_ballot_size(17 options, 1 written answer) = 64 + 24·17 + (26 + 8000).
  const size = 64 + 24 * 17 + (26 + 8000);
  const voters = psql(`SELECT m.user_id FROM memberships m JOIN cohorts c ON c.id = m.cohort_id
                        WHERE c.code = 'BENCH-MIXER' AND m.role = 'learner' ORDER BY m.user_id`).split('\n').map(Number);
  const lines = [];
  for (const user of voters) {
    let ballot = `o${options[0][random(3)]},0\n`;
    for (const o of pick(options[1], 2 + random(2))) ballot += `o${o},0\n`;
    ballot += `o${options[2][random(5)]},0\n`;
    pick(options[3], 4).forEach((o, i) => { ballot += `o${o},${i + 1}\n`; });
    if (random(10) === 0) {
      const words = `More quiet space at lunchtime, and the wifi in block ${random(9)} drops every afternoon.`;
      ballot = `t${q[4]},${Buffer.byteLength(words)}\n${words}${ballot}`;
    }
    const sealed = seal(sodium.pad(Buffer.from(ballot), size), publicKey);
    lines.push(`${poll}\t${user}\t${college}\t\\\\x${sealed.toString('hex')}\n`);
  }
  // Cast, with the poll's count of voters left at 0 until it closes, so
  // that no pass of the mail worker opens a batch while they go in.
  psqlInput(['-c', 'COPY poll_voters (poll_id, user_id, institution_id, sealed) FROM STDIN'], lines.join(''));
  psql(`ANALYZE poll_voters`);
  psql(`UPDATE polls SET voters = ${voters.length}, closes_at = now(), closed_early = true WHERE id = ${poll}`);
  const start = process.hrtime.bigint();
  const out = spawnSync(BIN, ['count-ballots'], { env: process.env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (out.status !== 0) throw new Error(`tandem count-ballots: ${out.stderr}${out.stdout}`);
  const counted = Number(psql(`SELECT counted FROM polls WHERE id = ${poll} AND final_at IS NOT NULL`) || 0);
  return { poll, counted, seconds, voters: voters.length, output: out.stdout.trim() };
}

// The mail worker also opens due batches every few seconds; should its
// pass take this one first, count-ballots found nothing to time: again.
for (let attempt = 1; ; attempt++) {
  const r = run();
  const opened = Number((r.output.match(/\d+/) || [0])[0]);
  if (r.counted !== r.voters) throw new Error(`poll ${r.poll}: ${r.counted} of ${r.voters} counted`);
  if (opened >= r.voters) {
    console.log(`mixer: ${r.voters} ballots opened in ${r.seconds.toFixed(2)} s (${Math.round(r.voters / r.seconds)} ballots/s)`);
    break;
  }
  if (attempt === 3) throw new Error(`the mail worker opened the batch before count-ballots, three times (${r.output})`);
}
