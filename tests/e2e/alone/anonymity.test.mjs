// Anonymity against the database administrator (issue 16, README "Anonymity:
// the threat model"): the attack replayed, in its strongest realistic form.
//
// The adversary holds the whole database as PostgreSQL's superuser: live
// tables with their system columns (xmin, ctid), dead row versions read
// with pageinspect, the WAL read with pg_waldump, PostgreSQL's and the
// server's logs, and every reading of the results (page and CSV). They
// watch as closely as anyone can: after every single vote they note the
// new register row, its transaction id (xmin), its place (ctid) and its
// sequence number. They do not hold the server's key files.
//
// A poll (k = 5) and a 360-degree round (k = 3) are each voted in one at a
// time, a pass of the mixer (`tandem count-ballots`) after each vote, then
// in a burst, then closed early. The test asserts the structure that makes
// linking impossible: nothing written in a voter's transaction but the
// register row and the poll's count (storage and WAL); every plaintext row
// written by a transaction that opened at least k ballots; results that
// move only by whole batches; no voter's words in any page voters write,
// in the WAL of their transaction, or in a log; the key destroyed at close
// and no key left that opens a ballot. Then it runs the old links (same
// transaction id, physical order, dead versions, transaction order, WAL
// order, two readings) and asserts they do no better than chance: the
// bound on correct links is computed from the batches' sizes so that a
// perfect shuffle fails it with probability below 1e-6 (union bound over
// the attacks). A big batch of sealed ballots made in node (120 of them)
// then tests the shuffle itself with real statistical power.
//
// Needs TANDEM_VAR (the stack's data folder, for the WAL and key files) and
// TANDEM_BIN (for `tandem count-ballots`), as scripts/test.sh sets them;
// runs as root or as the user owning $TANDEM_VAR/pg (to read the WAL).
// It is in tests/e2e/alone/ (one file at a time, on a stack of its own):
// it asserts that a pass leaves no dead version of what it wrote, which
// the mixer's VACUUM can promise only while no other session holds an
// older snapshot, as on a quiet server; beside other files' transactions
// that would come down to their timing. (Its WAL reading follows this
// poll's own rows, so it would not be fooled by others' votes.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, harness } from '../lib/browser.mjs';
import { college, user } from '../lib/college.mjs';
import { makeCohort, psql, psqlScript, rows } from '../lib/db.mjs';
import { need } from '../lib/env.mjs';
import { open as openSealed, publicKeyOf, readKeyFile, seal, sodium, toBytea } from '../lib/sealed.mjs';

const h = harness(import.meta.url);
const press = h.press;
before(() => h.launch());
after(() => h.close());

const VAR = need('TANDEM_VAR', 'the WAL and the key files are read from the stack\'s data folder');
const BIN = need('TANDEM_BIN', 'the mixer (`tandem count-ballots`) is run between votes');
const KEYS = process.env.TANDEM_KEYS || join(VAR, 'keys');
const PGBIN = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)).map((v) => `/usr/lib/postgresql/${v}/bin`).pop();

const RUN = Date.now().toString(36);
/** This file's replication slots are named after its college copy (slot names: [a-z0-9_]). */
const SLOT = `${RUN}_${college.tag.replace(/[^a-z0-9]/g, '_')}`;
/** The probability with which a perfect shuffle may fail this file's bounds. */
const ALPHA = 1e-6;
const main = (page) => page.locator('main').innerText();
/**
 * A word of its own for each voter to write, to find wherever it lands:
 * random letters, so that neither their order nor any text's place in an
 * alphabetical list follows the order of voting.
 */
const marker = (prefix) => `${prefix}${Array.from(sodium.randombytes_buf(10), (b) => String.fromCharCode(97 + (b % 26))).join('')}${RUN}`;

// ------------------------------------------------------------ the database

const row = (sql) => rows(sql)[0];

/** One pass of the mixer, as `tandem mail` runs every second. */
/**
 * The tuples of tuplesByRel (table -> tuples, live and dead) that one of
 * the transactions txs wrote, deleted or locked, as "table (block,item)
 * xmin|xmax N".
 */
function touchedBy(tuplesByRel, txs) {
  const out = [];
  for (const [rel, tuples] of tuplesByRel) {
    for (const t of tuples) {
      if (t.xmin && txs.has(t.xmin)) out.push(`${rel} (${t.blk},${t.lp}) xmin ${t.xmin}`);
      if (t.xmax && !xmaxIsMulti(t) && txs.has(t.xmax)) out.push(`${rel} (${t.blk},${t.lp}) xmax ${t.xmax}`);
    }
  }
  return out;
}

/** Each batch transaction of an inspection: xid -> how many it opened. */
const batchSizes = (x) => new Map([...x.batches].map(([xid, members]) => [xid, members.length]));

/**
 * A burst: each person (marked .burst) signs in and fills their form in
 * turn with fill(person) (eight sign-ins at once on a loaded machine
 * outlast the harness's timeouts), then all press `button` at once, each
 * noted (noted(person)) as the answer comes; their pages are closed.
 */
async function sendAtOnce(people, fill, button, noted) {
  for (const v of people) v.burst = true;
  for (const v of people) await fill(v);
  await Promise.all(people.map(async (v) => { await press(v.page, button); noted(v); }));
  for (const v of people) { await v.page.context().close(); v.page = null; }
}

function countBallots() {
  const out = spawnSync(BIN, ['count-ballots'], { env: process.env, encoding: 'utf8', timeout: 120_000 });
  assert.equal(out.status, 0, `tandem count-ballots: ${out.stderr}${out.stdout}`);
  return out.stdout;
}

/** What a feature's storage is, for the attacks (poll or 360 round). */
const POLL = {
  name: 'poll', k: 5, head: 'polls', register: 'poll_voters', of: 'poll_id', person: 'user_id',
  // The tables of plaintext (written by the mixer alone), and the others
  // no vote may write; the register and the head are the vote's own.
  plaintext: ['poll_texts', 'poll_options', 'poll_rankings', 'poll_named'],
  others: ['poll_questions'],
  texts: 'poll_texts',
};
const ROUND = {
  name: 'round', k: 3, head: 'feedback_rounds', register: 'feedback_invitations', of: 'round_id', person: 'invitee_id',
  plaintext: ['feedback_answers'],
  others: [],
  texts: 'feedback_answers',
};

/**
 * Tables with everything that is theirs: their TOAST tables, the indexes
 * of both, and the sequences of their identity columns.
 */
function family(tables) {
  return rows(`WITH t AS (SELECT oid FROM pg_class WHERE oid = ANY (ARRAY[${tables.map((t) => `'${t}'::regclass`).join(',')}]::oid[])),
                    base AS (SELECT oid FROM t UNION SELECT reltoastrelid FROM pg_class WHERE oid IN (SELECT oid FROM t) AND reltoastrelid <> 0)
               SELECT c.oid::bigint AS oid, c.oid::regclass::text AS name, c.relkind AS kind, pg_relation_filenode(c.oid)::bigint AS node
                 FROM pg_class c
                WHERE c.oid IN (SELECT oid FROM base UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM base)
                                UNION SELECT objid FROM pg_depend WHERE classid = 'pg_class'::regclass AND refobjid IN (SELECT oid FROM t)
                                                                    AND deptype IN ('a', 'i'))
                  AND c.relkind IN ('r', 't', 'i', 'S')`);
}

/**
 * Every line pointer of every block of heap relation oid, live and dead
 * (pageinspect): block, line, flags, t_xmin, t_xmax, infomask, and for
 * tuples with data their columns as raw bytes (hex) by column name, and
 * the whole tuple's bytes.
 */
function heapTuples(oid) {
  const names = Object.fromEntries(rows(`SELECT attnum, attname FROM pg_attribute WHERE attrelid = ${oid} AND attnum > 0`).map((a) => [a.attnum, a.attname]));
  return rows(`SELECT b AS blk, p.lp, p.lp_flags AS flags, p.t_xmin::text::bigint AS xmin, p.t_xmax::text::bigint AS xmax,
                      p.t_infomask AS infomask, encode(p.t_data, 'hex') AS data,
                      CASE WHEN p.t_data IS NOT NULL THEN
                        (SELECT array_agg(encode(a, 'hex') ORDER BY o)
                           FROM unnest(tuple_data_split(${oid}::oid, p.t_data, p.t_infomask, p.t_infomask2, p.t_bits)) WITH ORDINALITY u(a, o))
                      END AS attrs
                 FROM generate_series(0, (pg_relation_size(${oid}::oid::regclass) / current_setting('block_size')::int)::int - 1) b,
                      LATERAL heap_page_items(get_raw_page(${oid}::oid::regclass::text, b)) p`)
    .map((t) => {
      const cols = {};
      (t.attrs || []).forEach((hex, i) => { if (names[i + 1]) cols[names[i + 1]] = hex === null ? null : Buffer.from(hex, 'hex'); });
      return { blk: t.blk, lp: t.lp, flags: t.flags, xmin: t.xmin, xmax: t.xmax, infomask: t.infomask, data: t.data ? Buffer.from(t.data, 'hex') : null, cols };
    });
}
/** A bigint column's raw bytes (as tuple_data_split gives them) as a number. */
const int8 = (b) => (b && b.length === 8 ? Number(b.readBigInt64LE()) : null);
/** Whether the xmax of a tuple is a multixact (then not a transaction id). */
const xmaxIsMulti = (t) => (t.infomask & 0x1000) !== 0;

/**
 * Where each marker occurs as bytes in any raw page (every block, live,
 * dead or free space) of the relations oids: [{rel, blk, marker}].
 */
function markersInPages(oids, markers) {
  if (!oids.length || !markers.length) return [];
  return rows(`WITH pages AS (
                 SELECT c.oid::regclass::text AS rel, b AS blk, get_raw_page(c.oid::regclass::text, b) AS page
                   FROM pg_class c, generate_series(0, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int - 1) b
                  WHERE c.oid = ANY (ARRAY[${oids.join(',')}]::oid[]))
               SELECT rel, blk, m AS marker FROM pages, unnest(ARRAY[${markers.map((m) => `'${m}'`).join(',')}]) m
                WHERE position(convert_to(m, 'UTF8') IN page) > 0`);
}

/**
 * The secret keys the server holds now: [{file, sk}]. Other test files'
 * polls and rounds close while this one reads (their keys destroyed by
 * their final batch or a pass's sweep): a key file gone between listing
 * and reading is no longer held, and is left out.
 */
function keysHeld() {
  const held = [];
  for (const file of readdirSync(KEYS).filter((f) => f.endsWith('.key'))) {
    let sk;
    try { sk = readKeyFile(join(KEYS, file)); } catch (e) { if (e.code === 'ENOENT') continue; throw e; }
    held.push({ file, sk });
  }
  return held;
}

// ------------------------------------------------------------ the WAL

const lsnToBig = (lsn) => { const [hi, lo] = lsn.split('/'); return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`); };

/**
 * The WAL records from lsn start to now, as pg_waldump prints them:
 * [{rmgr, tx, top (its top-level transaction), lsn (BigInt), len, desc,
 * type, blocks: [{db, node, fork, blk}]}]. A WAL switch first makes sure
 * that everything written so far is complete on disk.
 */
function walRecords(start) {
  psql('SELECT pg_current_xact_id()'); // a commit record: the switch below is never a no-op
  const now = lsnToBig(psql('SELECT pg_current_wal_insert_lsn()'));
  psql('SELECT pg_switch_wal()');
  const out = spawnSync(`${PGBIN}/pg_waldump`, ['-p', join(VAR, 'pg', 'pg_wal'), `--start=${start}`], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const records = [], top = new Map();
  for (const line of out.stdout.split('\n')) {
    const m = line.match(/^rmgr: (\S+)\s+len \(rec\/tot\):\s*(\d+)\/\s*(\d+), tx:\s*(\d+), lsn: ([0-9A-F]+\/[0-9A-F]+), prev \S+, desc: (.*)$/);
    if (!m) continue;
    const desc = m[6];
    const blocks = [...desc.matchAll(/blkref #\d+: rel (\d+)\/(\d+)\/(\d+)(?: fork (\w+))? blk (\d+)/g)]
      .map((b) => ({ db: Number(b[2]), node: Number(b[3]), fork: b[4] || 'main', blk: Number(b[5]) }));
    const r = { rmgr: m[1], len: Number(m[3]), tx: Number(m[4]), lsn: lsnToBig(m[5]), desc, type: desc.split(/[ ,;]/)[0], blocks };
    records.push(r);
    const subs = r.rmgr === 'Transaction' && desc.match(/subxacts: ([\d ]+)/);
    if (subs) for (const s of subs[1].trim().split(/\s+/)) top.set(Number(s), r.tx);
  }
  for (const r of records) r.top = top.get(r.tx) ?? r.tx;
  // pg_waldump reads until the WAL written so far ends, and says so with
  // an error there: it must have read past the switch.
  assert.ok(records.length && records.at(-1).lsn >= now, `pg_waldump stopped before the end: ${out.stderr.slice(0, 400)}`);
  return records;
}

/**
 * The history of this instance's register rows (x, from inspect), as the
 * WAL tells it. The register holds every poll's (every round's) rows, and
 * other colleges vote and are counted at the same time: only the WAL
 * records that wrote a version of one of x's rows are its. From each row
 * as it is now (its ctid), the record that put that version there, then
 * the version it replaced (an UPDATE names the old place), back to the
 * INSERT that made the row: the last record to put a tuple at a place
 * before the next one moved it is the one that wrote it, for a live
 * tuple's place is never reused. {links: Map(record -> person), chains:
 * Map(person -> [records, oldest first])}.
 */
function registerChains(wal, x) {
  const db = Number(psql('SELECT oid FROM pg_database WHERE datname = current_database()'));
  const node = Number(family([x.spec.register]).find((r) => r.name === x.spec.register).node);
  const onRegister = (r) => r.blocks.some((b) => b.db === db && b.node === node && b.fork === 'main');
  const writers = new Map(), multi = [];
  const place = (blk, off) => `${blk},${off}`;
  for (const r of wal) {
    if (!onRegister(r)) continue;
    if (r.rmgr === 'Heap' && /^INSERT/.test(r.type)) {
      const at = place(r.blocks[0].blk, Number(r.desc.match(/^\S+ off (\d+)/)[1]));
      writers.set(at, [...(writers.get(at) || []), { r, from: null }]);
    } else if (r.rmgr === 'Heap' && /^(HOT_)?UPDATE/.test(r.type)) {
      const at = place(r.blocks[0].blk, Number(r.desc.match(/new off (\d+)/)[1]));
      const from = place((r.blocks[1] || r.blocks[0]).blk, Number(r.desc.match(/^\S+ off (\d+)/)[1]));
      writers.set(at, [...(writers.get(at) || []), { r, from }]);
    } else if (r.rmgr === 'Heap2' && /^MULTI_INSERT/.test(r.type)) {
      multi.push(r); // its places are not in the description
    }
  }
  /** The last record to put a tuple at place `at` before lsn. */
  const lastWriter = (at, lsn) => {
    const found = (writers.get(at) || []).filter((w) => w.r.lsn < lsn).at(-1);
    const blk = Number(at.split(',')[0]);
    const unknown = multi.find((m) => m.blocks[0].blk === blk && m.lsn < lsn && (!found || m.lsn > found.r.lsn));
    assert.ok(!unknown, `a MULTI_INSERT into ${x.spec.register} block ${blk} (${unknown?.desc}) hides who wrote (${at})`);
    return found;
  };
  const links = new Map(), chains = new Map();
  for (const row of x.register) {
    const chain = [];
    let w = lastWriter(row.ctid.slice(1, -1), Infinity);
    assert.ok(w && w.r.top === row.xmin, `${x.spec.register} ${row.ctid}: written in the WAL by its xmin ${row.xmin} (${w?.r.desc})`);
    while (w) {
      chain.unshift(w.r);
      links.set(w.r, row.person);
      if (!w.from) break;
      const older = lastWriter(w.from, w.r.lsn);
      assert.ok(older, `${x.spec.register}: the version at (${w.from}) that ${w.r.desc} replaced has a writer in the WAL read`);
      w = older;
    }
    assert.match(chain[0].type, /^INSERT/, `${x.spec.register} ${row.ctid}: its history goes back to its INSERT`);
    chains.set(row.person, chain);
  }
  return { links, chains };
}

/** Relfilenodes of this database to names (pg_class, now). */
function relfilenodes() {
  const db = Number(psql('SELECT oid FROM pg_database WHERE datname = current_database()'));
  const names = new Map(rows(`SELECT pg_relation_filenode(oid)::bigint AS node, oid::regclass::text AS name FROM pg_class
                               WHERE pg_relation_filenode(oid) IS NOT NULL`).map((r) => [Number(r.node), r.name]));
  return { db, name: (b) => (b.db === db ? names.get(b.node) || `unknown relfilenode ${b.node}` : `relation ${b.db}/${b.node} of another database`) };
}

/**
 * Where each marker occurs as bytes in the WAL between lsn start and now:
 * [{marker, lsn}], read from the segment files themselves. A record's
 * bytes run on across WAL pages, each of which begins with a header: the
 * headers are taken out first, so that words split by one are found too.
 */
function markersInWal(start, markers) {
  const setting = (name) => row(`SELECT setting::bigint AS v, unit FROM pg_settings WHERE name = '${name}'`);
  const seg = setting('wal_segment_size'), blk = setting('wal_block_size');
  const segSize = Number(seg.v) * (seg.unit === '8kB' ? 8192 : seg.unit === 'MB' ? 1 << 20 : 1), pageSize = Number(blk.v);
  const timeline = Number(psql('SELECT timeline_id FROM pg_control_checkpoint()'));
  const end = lsnToBig(psql('SELECT pg_current_wal_lsn()'));
  const from = lsnToBig(start), perId = 0x100000000n / BigInt(segSize);
  // The WAL's bytes without page headers, and where each page's bytes begin.
  const chunks = [], pages = [];
  let length = 0;
  for (const file of readdirSync(join(VAR, 'pg', 'pg_wal')).filter((f) => /^[0-9A-F]{24}$/.test(f)).sort()) {
    if (parseInt(file.slice(0, 8), 16) !== timeline) continue;
    const base = (BigInt(`0x${file.slice(8, 16)}`) * perId + BigInt(`0x${file.slice(16)}`)) * BigInt(segSize);
    if (base + BigInt(segSize) <= from || base > end) continue;
    const bytes = readFileSync(join(VAR, 'pg', 'pg_wal', file));
    for (let off = 0; off < bytes.length; off += pageSize) {
      const lsn = base + BigInt(off);
      if (lsn + BigInt(pageSize) <= from || lsn > end) continue;
      const long = (bytes.readUInt16LE(off + 2) & 0x0002) !== 0; // XLP_LONG_HEADER
      const header = long ? 40 : 24; // MAXALIGN(SizeOfXLogLongPHD), MAXALIGN(SizeOfXLogShortPHD)
      pages.push({ at: length, lsn: lsn + BigInt(header) });
      chunks.push(bytes.subarray(off + header, off + pageSize));
      length += pageSize - header;
    }
  }
  const stream = Buffer.concat(chunks);
  const hits = [];
  for (const marker of markers) {
    const needle = Buffer.from(marker);
    for (let i = stream.indexOf(needle); i >= 0; i = stream.indexOf(needle, i + 1)) {
      let lo = 0, hi = pages.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (pages[mid].at <= i) lo = mid; else hi = mid - 1; }
      const lsn = pages[lo].lsn + BigInt(i - pages[lo].at);
      if (lsn >= from && lsn < end) hits.push({ marker, lsn });
    }
  }
  return hits;
}

/** The record of records (sorted by lsn) that holds byte lsn. */
function recordAt(records, lsn) {
  let lo = 0, hi = records.length - 1, found = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid].lsn <= lsn) { found = records[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

// ------------------------------------------------------------ chance

/**
 * The least t such that, when every batch is put in a uniformly random
 * order, P(correct links >= t) < alpha for any guess that is one-to-one
 * within each batch (its correct links are at most the fixed points of a
 * uniform permutation of each batch, independent between batches).
 */
function chanceBound(sizes, alpha) {
  const fixedPoints = (n) => {
    const f = [1]; for (let i = 1; i <= n; i++) f[i] = f[i - 1] * i;
    const d = [1, 0]; for (let i = 2; i <= n; i++) d[i] = (i - 1) * (d[i - 1] + d[i - 2]);
    return Array.from({ length: n + 1 }, (_, j) => (f[n] / (f[j] * f[n - j])) * d[n - j] / f[n]);
  };
  let dist = [1];
  for (const s of sizes) {
    const p = fixedPoints(s), next = new Array(dist.length + s).fill(0);
    dist.forEach((x, i) => p.forEach((y, j) => { next[i + j] += x * y; }));
    dist = next;
  }
  let t = dist.length, tail = 0;
  while (t > 0 && tail + dist[t - 1] < alpha) tail += dist[--t];
  return { bound: t, tail };
}

/** Pairs the i-th of a with the i-th of b; counts pairs [x, y] with same(x, y). */
function zipCount(a, b, same) {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (same(a[i], b[i])) n++;
  return n;
}
const byCtid = (x, y) => x.blk - y.blk || x.lp - y.lp;
/**
 * Voters in the order they voted, as a close watcher sees it: one at a
 * time in turn; within a burst, as the register numbers them.
 */
const castOrder = (a, b) => (a.burst && b.burst ? a.seq - b.seq : a.order - b.order);

/** Parses CSV text (RFC 4180, as the server writes it) into rows of fields. */
function parseCsv(text) {
  const out = [];
  let rowFields = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rowFields.push(field); field = ''; } else if (c === '\n') { rowFields.push(field.replace(/\r$/, '')); out.push(rowFields); rowFields = []; field = ''; } else field += c;
  }
  if (field || rowFields.length) { rowFields.push(field); out.push(rowFields); }
  return out;
}

// ------------------------------------------------------------ the attacks

/**
 * Everything the adversary reads of a feature's storage once it closed,
 * for its instance id (a poll or a round), and the checks of its
 * structure. voters: [{user, marker, xid, ctid, seq, order, burst}] as
 * noted right after each vote (xid and ctid null when a batch had opened
 * the ballot already); readings: [{markers}] in order, each the written
 * answers shown at one reading, in the order shown.
 */
function inspect(spec, id, voters, readings, walStart) {
  const plainRels = family([...spec.plaintext, ...spec.others]);
  const tuples = new Map();
  for (const rel of plainRels.filter((r) => r.kind === 'r' || r.kind === 't')) tuples.set(rel.name, heapTuples(rel.oid));
  const live = new Set(rows(`SELECT ctid::text AS c FROM ${spec.texts} WHERE ${spec.of} = ${id}`).map((r) => r.c));
  const markerOf = (t) => (t.data ? voters.find((v) => t.data.includes(Buffer.from(v.marker))) : undefined);
  const texts = tuples.get(spec.texts)
    .filter((t) => t.data && int8(t.cols[spec.of]) === id)
    .map((t) => ({ ...t, voter: markerOf(t), live: live.has(`(${t.blk},${t.lp})`) }));
  // The register as it is now: every row opened, by the transaction of its batch.
  const register = rows(`SELECT ${spec.person} AS person, seq, xmin::text::bigint AS xmin, ctid::text AS ctid, opened, sealed IS NOT NULL AS sealed
                           FROM ${spec.register} WHERE ${spec.of} = ${id} ORDER BY seq`);
  const batches = new Map();
  for (const r of register.filter((r) => r.opened)) batches.set(r.xmin, [...(batches.get(r.xmin) || []), r]);
  return { plainRels, tuples, texts, register, batches, voters, readings, walStart, spec, id };
}

/**
 * The old links, each a one-to-one guess within batches: how many voters
 * each links to their own written answer.
 */
function linkAttacks(x, wal) {
  const { voters, texts, batches, register } = x;
  const bySeq = [...voters].sort(castOrder);
  const same = (v, t) => t && t.voter === v;
  const liveTexts = texts.filter((t) => t.live).sort(byCtid);
  const current = new Map(register.map((r) => [r.person, r]));
  const results = {};
  // 1. The same transaction: a written answer whose version (live or dead)
  //    was written by the voter's own transaction.
  results['same transaction id (live and dead versions)'] = voters.filter((v) => texts.some((t) => t.xmin === v.xid && same(v, t))).length;
  // 2. Physical order: the i-th answer in the table is the i-th voter's.
  results['physical order (ctid), whole table'] = zipCount(bySeq, liveTexts, same);
  // 3. Batch, then physical order within it: the batch is known from the
  //    register (its rows' xmin after opening is the batch's transaction).
  let n3 = 0, n6 = 0;
  for (const [xid, members] of batches) {
    const inBatch = liveTexts.filter((t) => t.xmin === xid);
    const people = members.map((m) => voters.find((v) => v.user === m.person)).filter(Boolean);
    n3 += zipCount([...people].sort(castOrder), inBatch, same);
    // 4. The order the batch rewrote the register rows in (their new
    //    places) against the order it wrote the answers in.
    const place = (v) => current.get(v.user).ctid.slice(1, -1).split(',').map(Number);
    n6 += zipCount([...people].sort((a, b) => { const p = place(a), q = place(b); return p[0] - q[0] || p[1] - q[1]; }), inBatch, same);
  }
  results['batch from the register, then physical order'] = n3;
  results['order the batch rewrote the register in'] = n6;
  // 5. Transaction order with dead versions: answers in the order they
  //    first appeared (by the xmin of any version), voters in the order of theirs.
  const seen = new Set(), firstSeen = [];
  for (const t of [...texts].sort((a, b) => a.xmin - b.xmin || byCtid(a, b))) {
    if (t.voter && !seen.has(t.voter)) { seen.add(t.voter); firstSeen.push(t); }
  }
  results['transaction order, dead versions included'] = zipCount([...voters].sort((a, b) => (a.xid ?? Infinity) - (b.xid ?? Infinity) || castOrder(a, b)), firstSeen, same);
  // 6. Dead versions, compared: the answers that first appear in versions
  //    written by a voter's transaction are that voter's.
  const before = new Set();
  let n8 = 0;
  for (const v of [...voters].filter((w) => w.xid !== null).sort((a, b) => a.xid - b.xid)) {
    const fresh = texts.filter((t) => t.xmin <= v.xid && t.voter && !before.has(t.voter)).sort((a, b) => a.xmin - b.xmin || byCtid(a, b));
    const mineNow = fresh.filter((t) => t.xmin === v.xid);
    if (mineNow.length && same(v, mineNow[0])) n8++;
    for (const t of fresh) before.add(t.voter);
  }
  results['dead versions, each transaction\'s new answer'] = n8;
  // 7. Two readings: answers in the order readings first showed them.
  const shown = [];
  for (const r of x.readings) for (const m of r.markers) if (!shown.includes(m)) shown.push(m);
  results['readings of the results, in order'] = zipCount(bySeq, shown, (v, m) => v.marker === m);
  // (For a reader of the diagnostics: the rank in casting order of each answer, in the order shown.)
  Object.defineProperty(results, 'shownRanks', { value: shown.map((m) => bySeq.findIndex((v) => v.marker === m) + 1), enumerable: false });
  // 8. WAL order: within each batch's transaction, the order of its
  //    updates of register rows against the order of its inserted answers.
  //    The register's records are traced to their rows (registerChains),
  //    so every update is known to be of this instance's row, and whose.
  if (wal) {
    const { links } = registerChains(wal, x);
    const textNodes = new Set(family([x.spec.texts]).filter((r) => r.kind === 'r').map((r) => Number(r.node)));
    let n7 = 0;
    for (const xid of batches.keys()) {
      const recs = wal.filter((r) => r.top === xid && r.rmgr === 'Heap');
      const people = [...new Set(recs.filter((r) => /UPDATE/.test(r.type) && links.has(r)).map((r) => links.get(r)))];
      const updated = people.map((p) => voters.find((v) => v.user === p));
      const inserted = recs.filter((r) => /^INSERT/.test(r.type) && r.blocks.some((b) => textNodes.has(b.node))).map((r) => {
        const off = Number(r.desc.match(/off (\d+)/)[1]);
        return texts.find((t) => t.blk === r.blocks[0].blk && t.lp === off && t.xmin === xid);
      }).filter(Boolean);
      assert.equal(updated.length, batches.get(xid).length, `WAL order: batch ${xid}'s updates of its register rows`);
      assert.equal(inserted.length, texts.filter((t) => t.xmin === xid).length, `WAL order: batch ${xid}'s inserted answers`);
      n7 += zipCount(updated, inserted, (v, t) => v && same(v, t));
    }
    results['WAL order within each batch'] = n7;
  }
  return results;
}

/**
 * The voters' transactions as the WAL shows them, with those noted as
 * they voted: a vote inserts its register row; a 360 answer updates its
 * invitation (as a batch does: x's batches are left out). Only x's rows
 * count (registerChains): other polls' and rounds' voters and batches
 * write the same tables meanwhile. Then checks that every record of each touched only allowedRels
 * (by relfilenode: tables with their TOAST tables, indexes and sequences),
 * but for row locks that foreign keys take, and that a record without a
 * relation is the transaction's own (its commit). {voterTx, violations,
 * locks}.
 */
function walOfVoters(wal, x, noted, allowedRels) {
  const { spec } = x;
  const batches = new Set(x.batches.keys());
  const nodes = relfilenodes();
  const allowed = new Set(allowedRels.map((r) => Number(r.node)));
  // Inserting a register row checks its foreign keys, which locks the rows
  // it references (KEY SHARE): a lock record, holding no data of the vote.
  const referenced = new Set(rows(`SELECT DISTINCT pg_relation_filenode(confrelid)::bigint AS node FROM pg_constraint
                                    WHERE conrelid = '${spec.register}'::regclass AND contype = 'f'`).map((r) => Number(r.node)));
  const locks = [];
  const writes = spec.name === 'poll' ? /^INSERT/ : /UPDATE/;
  const { chains } = registerChains(wal, x);
  const txOf = new Map([...chains].map(([person, chain]) => [person, [...new Set(chain.filter((r) => r.rmgr === 'Heap' && writes.test(r.type)).map((r) => r.top).filter((tx) => !batches.has(tx)))]]));
  for (const v of x.voters) {
    assert.ok(txOf.get(v.user)?.length, `${v.name}: the WAL shows the transaction that wrote their register row`);
    if (v.xid !== null && v.xid !== undefined) assert.ok(txOf.get(v.user).includes(v.xid), `${v.name}: the WAL's transaction is the one noted (${v.xid})`);
  }
  const voterTx = new Set([...noted.filter((t) => t !== null && t !== undefined), ...[...txOf.values()].flat()]);
  const byTx = new Map();
  for (const r of wal) if (voterTx.has(r.top)) byTx.set(r.top, [...(byTx.get(r.top) || []), r]);
  const violations = [];
  for (const tx of voterTx) {
    const recs = byTx.get(tx) || [];
    if (!recs.some((r) => r.rmgr === 'Transaction' && /^COMMIT/.test(r.type))) violations.push(`transaction ${tx}: no commit in the WAL read`);
    for (const r of recs) {
      if (!r.blocks.length && r.rmgr !== 'Transaction') violations.push(`tx ${tx}: ${r.rmgr} ${r.desc}`);
      for (const b of r.blocks) {
        if (b.db === nodes.db && allowed.has(b.node)) continue;
        if (b.db === nodes.db && referenced.has(b.node) && r.rmgr === 'Heap' && r.type === 'LOCK') locks.push(`${r.type} on ${nodes.name(b)}`);
        else violations.push(`tx ${tx}: ${r.rmgr} ${r.type} on ${nodes.name(b)}`);
      }
    }
  }
  return { voterTx, violations, locks: [...new Set(locks)] };
}

/**
 * Starts watching as the adversary does: pageinspect ready, and the WAL from
 * here on kept (a new slot named name holds it from the last checkpoint, so
 * from before now) until stopWatching(name). Returns where the WAL stands.
 */
function watchWal(name) {
  psql('CREATE EXTENSION IF NOT EXISTS pageinspect');
  psql(`SELECT pg_create_physical_replication_slot('${name}', true)`);
  return psql('SELECT pg_current_wal_insert_lsn()');
}

/** Lets the WAL that watchWal(name) kept go. */
function stopWatching(name) {
  psql(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '${name}'`);
}

// ------------------------------------------------------------ one poll

describe('an anonymous poll, attacked by someone who holds the database', () => {
  const K = POLL.k;
  const COHORT = `ANON-${RUN}`.toUpperCase();
  const COHORT_NAME = `Anonymity test group ${RUN}`;
  const REP = user(`anonrep-${RUN}`);
  const SEQUENTIAL = 10, BURST = 8;
  const ROOMS = ['Room A', 'Room B', 'Room C'];
  // Each voter: a known choice and a written answer with a marker of their own.
  const voters = Array.from({ length: SEQUENTIAL + BURST }, (_, i) => ({
    name: user(`anonvoter${i + 1}-${RUN}`), room: ROOMS[(i * 7) % 3], marker: marker('Vote'),
  }));
  const readings = [];
  let rep, pollId, pollPath, publicKey, slot, walStart, preOpen, x, wal;

  before(async () => {
    makeCohort({ code: COHORT, name: COHORT_NAME, rep: REP, learners: voters.map((v) => v.name) });
    for (const v of voters) v.user = Number(psql(`SELECT id FROM users WHERE username = '${v.name}'`));
    slot = `anonymity_${SLOT}`;
    walStart = watchWal(slot);
    rep = await h.newPage(); await h.signIn(rep, REP);
  });
  after(async () => {
    if (rep) await rep.context().close();
    for (const v of voters) if (v.page) await v.page.context().close();
    if (slot) stopWatching(slot);
  });

  /** Notes the voter's register row right after the vote, as the adversary would. */
  function noteRegister(v) {
    const r = row(`SELECT xmin::text::bigint AS xmin, ctid::text AS ctid, seq, opened, encode(sealed, 'hex') AS sealed
                     FROM poll_voters WHERE poll_id = ${pollId} AND user_id = ${v.user}`);
    assert.ok(r, `${v.name}: a register row`);
    // A burst vote may already be in an opened batch when we look: its xmin
    // is then the batch's, and the WAL (below) gives the voter's.
    v.xid = r.opened ? null : r.xmin;
    v.ctid = r.opened ? null : r.ctid;
    v.seq = r.seq;
    v.order = voters.filter((w) => w.order !== undefined).length;
    v.sealed = r.sealed ? Buffer.from(r.sealed, 'hex') : null;
  }

  /** One reading of the results, as the rep: the CSV, the page, and the poll row. */
  async function reading(label, cast) {
    const csv = await rep.evaluate(async (url) => { const r = await fetch(url); return { status: r.status, body: await r.text() }; }, `${BASE_URL}${pollPath}/csv`);
    const poll = row(`SELECT voters, counted, spoiled, uncounted, final_at IS NOT NULL AS final FROM polls WHERE id = ${pollId}`);
    let counted = 0, markers = [], tallies = {};
    if (csv.status === 200) {
      const lines = parseCsv(csv.body);
      for (const f of lines) {
        if (f[1] === 'single' && /Which room/.test(f[0])) { counted += Number(f[3]); tallies[f[2]] = Number(f[3]); }
        if (f[1] === 'text') markers.push(voters.find((v) => f[2].includes(v.marker))?.marker ?? f[2]);
      }
    } else {
      assert.equal(csv.status, 404, `${label}: the CSV answers 200, or 404 while nothing is shown`);
    }
    await h.visit(rep, `${pollPath}/results`, { axe: false });
    const page = await main(rep);
    const onPage = voters.filter((v) => page.includes(v.marker)).map((v) => v.marker).sort();
    // The page says how many voted (at once) and how many are counted (by batches).
    const votedWords = page.match(/(\d+) (?:person has|people have) voted/);
    const countedWords = page.match(/(\d+) ballots? (?:is|are) counted so far|All (\d+) ballots are counted|The (1) ballot is counted/);
    const r = { label, cast, status: csv.status, csvCounted: counted, tallies, markers, onPage, ...poll };
    readings.push(r);
    assert.equal(poll.voters, cast, `${label}: the poll counts its voters at once`);
    assert.equal(Number(votedWords?.[1]), cast, `${label}: the results page says ${cast} voted`);
    assert.equal(countedWords ? Number(countedWords[1] ?? countedWords[2] ?? countedWords[3]) : 0, poll.counted, `${label}: the results page says how many are counted`);
    assert.equal(counted, poll.counted, `${label}: the CSV counts the ballots the poll says are counted (${JSON.stringify(r)})`);
    assert.equal(markers.length, poll.counted, `${label}: one written answer in the CSV per counted ballot`);
    assert.deepEqual(onPage, [...markers].sort(), `${label}: the results page shows the written answers the CSV has, no more`);
    // The oldest ballots are counted first, the newest k held back.
    const oldest = voters.filter((v) => v.order !== undefined).sort(castOrder).slice(0, poll.counted).map((v) => v.marker);
    assert.deepEqual([...markers].sort(), oldest.sort(), `${label}: what is counted is the oldest ${poll.counted} ballots`);
    return r;
  }

  /** Votes as v (signed in), choosing v.room and writing v.marker, up to pressing the button. */
  async function fillBallot(v) {
    v.page = await h.newPage();
    await h.signIn(v.page, v.name);
    await h.visit(v.page, pollPath, { axe: false });
    await v.page.getByRole('group', { name: /Which room/ }).getByLabel(v.room, { exact: true }).check();
    await v.page.getByLabel(/What would you change/).fill(`${v.marker} please`);
  }

  test('the rep writes a poll and opens it: it gets a key pair of its own', async () => {
    await h.visit(rep, '/voice/polls/new');
    await rep.getByLabel('Title').fill(`Study rooms ${RUN}`);
    await rep.getByLabel(/What the poll is about/).fill('Anonymity, attacked.');
    await rep.getByLabel(new RegExp(COHORT_NAME)).check();
    await rep.getByLabel('At any time, as votes come in').check();
    await rep.getByLabel('Closes', { exact: true }).fill(new Date(Date.now() + 2 * 86400e3).toISOString().slice(0, 16));
    await press(rep, 'Save the poll');
    pollPath = new URL(rep.url()).pathname;
    assert.match(pollPath, /^\/voice\/polls\/\d+$/);
    pollId = Number(pollPath.split('/')[3]);
    const add = async (kind, prompt, options) => {
      await h.visit(rep, pollPath, { axe: false });
      const details = rep.locator('details', { hasText: 'Add a question' });
      if (await details.getAttribute('open') === null) await details.locator('summary').click();
      await rep.getByLabel(kind).check();
      await rep.getByLabel('Question', { exact: true }).fill(prompt);
      if (options) await rep.getByLabel('Options', { exact: true }).fill(options);
      await press(rep, 'Add the question');
    };
    await add('One choice from the options', 'Which room do you prefer?', ROOMS.join('\n'));
    await add('A written answer', 'What would you change?');
    assert.equal(psql(`SELECT string_agg(kind || ':' || required, ',' ORDER BY position) FROM poll_questions WHERE poll_id = ${pollId}`), 'single:true,text:true');
    assert.equal(psql(`SELECT public_key IS NULL FROM polls WHERE id = ${pollId}`), 't', 'a draft has no key yet');
    await press(rep, 'Open the poll now');
    assert.match(await main(rep), /State\s*Open/);
    const poll = row(`SELECT encode(public_key, 'hex') AS pk, batch_size, anonymous FROM polls WHERE id = ${pollId}`);
    assert.equal(poll.anonymous, true);
    assert.equal(poll.batch_size, K, 'k is the college\'s threshold, 5');
    publicKey = Buffer.from(poll.pk || '', 'hex');
    assert.equal(publicKey.length, 32, 'the poll has a public key once open');
    const file = join(KEYS, `poll-${pollId}.key`);
    assert.ok(existsSync(file), `its private key is the file ${file}`);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'readable by the server alone');
    assert.ok(publicKeyOf(readKeyFile(file)).equals(publicKey), 'the file holds the secret half of the poll\'s public key');
    // What the rep wrote before voting began (the options, with no votes).
    preOpen = new Set(rows(`SELECT DISTINCT xmin::text::bigint AS x FROM poll_options WHERE poll_id = ${pollId}`).map((r) => r.x));
  });

  test(`${SEQUENTIAL} vote one at a time, the mixer passing after each: nothing shows before the 10th, then 5 ballots`, async () => {
    await reading('before any vote', 0);
    for (const [i, v] of voters.slice(0, SEQUENTIAL).entries()) {
      await fillBallot(v);
      await press(v.page, 'Cast your vote');
      assert.doesNotMatch(await main(v.page), new RegExp(v.marker), 'the receipt does not repeat the ballot');
      noteRegister(v);
      assert.notEqual(v.xid, null, `${v.name}: the newest ballot is never opened at once`);
      if (i) assert.ok(v.seq > voters[i - 1].seq, `${v.name}: seq is the order of casting`);
      assert.ok(v.sealed, `${v.name}: the register row holds the sealed ballot`);
      countBallots();
      const n = i + 1;
      const r = await reading(`after vote ${n} and a pass`, n);
      // With passes between votes the state is exact: a batch opens as the
      // 2k-th sealed ballot waits, and leaves the newest k sealed.
      const expected = n < 2 * K ? 0 : n - (K + ((n - K) % K));
      assert.equal(r.counted, expected, `after vote ${n}: ${expected} ballots counted (${JSON.stringify(r)})`);
      if (n < 2 * K) assert.deepEqual(r.markers, [], `after vote ${n}: no written answer shown`);
      await v.page.context().close(); v.page = null;
    }
    assert.equal(readings.at(-1).counted, K, `after the 10th vote: ${K} counted`);
    // Every sealed ballot has one size, whatever its answers say.
    const sizes = new Set(voters.slice(0, SEQUENTIAL).map((v) => v.sealed.length));
    assert.equal(sizes.size, 1, `sealed ballots differ in size: ${[...sizes]}`);
  });

  test('the poll\'s own key opens a sealed ballot while it is open (so the checks after close mean something)', () => {
    const newest = row(`SELECT user_id, encode(sealed, 'hex') AS sealed FROM poll_voters WHERE poll_id = ${pollId} AND sealed IS NOT NULL ORDER BY seq DESC LIMIT 1`);
    const v = voters.find((w) => w.user === newest.user_id);
    const sk = readKeyFile(join(KEYS, `poll-${pollId}.key`));
    const plain = openSealed(Buffer.from(newest.sealed, 'hex'), sk);
    assert.ok(plain, 'the poll\'s key opens its sealed ballots');
    const body = Buffer.from(sodium.unpad(plain, plain.length));
    const q = psql(`SELECT id FROM poll_questions WHERE poll_id = ${pollId} AND kind = 'text'`);
    const o = psql(`SELECT id FROM poll_options WHERE poll_id = ${pollId} AND label = '${v.room}'`);
    const words = `${v.marker} please`;
    assert.ok(body.includes(Buffer.from(`t${q},${Buffer.byteLength(words)}\n${words}`)), `the ballot holds the voter's words: ${body.toString().slice(0, 120)}`);
    assert.ok(body.includes(Buffer.from(`o${o},0\n`)), 'and the voter\'s choice');
    assert.equal(openSealed(Buffer.from(newest.sealed, 'hex'), Buffer.alloc(32, 7)), null, 'another key does not open it');
  });

  test(`a burst of ${BURST} votes at once; results still move by whole batches`, async () => {
    const burst = voters.slice(SEQUENTIAL);
    await sendAtOnce(burst, fillBallot, 'Cast your vote', noteRegister);
    countBallots();
    const r = await reading('after the burst and a pass', voters.length);
    const waiting = r.voters - r.counted - r.spoiled - r.uncounted;
    assert.ok(waiting >= K && waiting < 2 * K, `while open, k to 2k-1 ballots wait sealed after a pass (${JSON.stringify(r)})`);
    assert.equal(psql(`SELECT count(*) FROM poll_voters WHERE poll_id = ${pollId} AND sealed IS NOT NULL`), String(waiting));
    const sizes = new Set(voters.map((v) => v.sealed?.length).filter(Boolean));
    assert.equal(sizes.size, 1, `sealed ballots differ in size: ${[...sizes]}`);
  });

  test('the rep closes the poll early: the rest is counted at once, and its key destroyed', async () => {
    await h.visit(rep, pollPath, { axe: false });
    await press(rep, 'Close the poll early');
    await press(rep, 'Close the poll now');
    assert.match(await main(rep), /State\s*Closed/);
    const poll = row(`SELECT counted, spoiled, uncounted, final_at IS NOT NULL AS final FROM polls WHERE id = ${pollId}`);
    assert.deepEqual(poll, { counted: voters.length, spoiled: 0, uncounted: 0, final: true }, 'closing ran the final batch');
    assert.equal(psql(`SELECT count(*) FROM poll_voters WHERE poll_id = ${pollId} AND (sealed IS NOT NULL OR NOT opened)`), '0');
    const r = await reading('after close', voters.length);
    // What was counted is what was cast.
    const truth = Object.fromEntries(ROOMS.map((room) => [room, voters.filter((v) => v.room === room).length]));
    assert.deepEqual(r.tallies, truth, 'the tallies are the choices made');
    assert.deepEqual([...r.markers].sort(), voters.map((v) => v.marker).sort(), 'every written answer, once');
    // The key: gone, and no key the server still holds is this poll's or opens its ballots.
    assert.equal(existsSync(join(KEYS, `poll-${pollId}.key`)), false, 'the key file is gone');
    for (const { file: f, sk } of keysHeld()) {
      assert.ok(!publicKeyOf(sk).equals(publicKey), `${f} is not the closed poll's key`);
      for (const v of voters) if (v.sealed) assert.equal(openSealed(v.sealed, sk), null, `${f} opens ${v.name}'s ballot`);
    }
    assert.ok(voters.filter((v) => v.sealed).length >= SEQUENTIAL, 'the sealed ballots noted as they were cast were tried');
  });

  test('two readings of the results never differ by fewer than k ballots', () => {
    const shown = readings.filter((r) => r.counted > 0);
    assert.ok(readings.filter((r) => r.cast < 2 * K).every((r) => r.counted === 0 && r.markers.length === 0), 'nothing before the 10th vote');
    assert.equal(shown[0].counted, K, 'first 5');
    for (let i = 1; i < readings.length; i++) {
      const a = readings[i - 1], b = readings[i], d = b.counted - a.counted;
      assert.ok(d === 0 || d >= K, `${a.label} -> ${b.label}: ${a.counted} -> ${b.counted} counted`);
      assert.ok(a.markers.every((m) => b.markers.includes(m)), `${b.label}: answers shown before are still shown`);
      if (d === 0) assert.deepEqual(b.tallies, a.tallies, `${b.label}: no tally moved without a batch`);
    }
    assert.equal(readings.at(-1).counted - readings.at(-2).counted >= K, true, 'the last change, at close, adds at least 5');
  });

  test('no log holds a voter\'s words', () => {
    for (const f of readdirSync(join(VAR, 'log'))) {
      const text = readFileSync(join(VAR, 'log', f));
      for (const v of voters) assert.ok(!text.includes(Buffer.from(v.marker)), `${f} holds ${v.name}'s words`);
    }
  });

  test('storage: no plaintext row, live or dead, carries a voter\'s transaction; each was written by a batch of at least k', () => {
    x = inspect(POLL, pollId, voters, readings, walStart);
    wal = walRecords(walStart);
    const { voterTx } = walOfVoters(wal, x, voters.map((v) => v.xid), []);
    assert.ok(voterTx.size >= voters.length, `the WAL shows every vote's transaction (${voterTx.size})`);
    const mine = new Set(voters.map((v) => v.xid).filter((t) => t !== null));
    for (const t of mine) assert.ok(voterTx.has(t), `voter transaction ${t} seen in the WAL`);
    // 1. No tuple of a plaintext table (or its TOAST table), in any block,
    //    live or dead, was written, deleted or locked by a voter's transaction.
    const bad = touchedBy(x.tuples, voterTx);
    assert.deepEqual(bad, [], 'plaintext written in a voter\'s transaction');
    // 2. Each batch: one transaction that opened at least k ballots.
    const opened = batchSizes(x);
    assert.equal([...opened.values()].reduce((a, b) => a + b, 0), voters.length, 'every register row was opened by some batch');
    for (const [xid, n] of opened) assert.ok(n >= K, `batch ${xid} opened ${n} ballots`);
    assert.ok(opened.size >= 2, `more than one batch (${[...opened.values()]})`);
    // 3. Every version of this poll's plaintext rows is a batch's (or, for
    //    the options, the rep's, written before the poll opened).
    const questions = new Set(rows(`SELECT id FROM poll_questions WHERE poll_id = ${pollId}`).map((r) => Number(r.id)));
    const ofPoll = (rel, t) => (rel === 'poll_rankings' ? questions.has(int8(t.cols.question_id)) : int8(t.cols.poll_id) === pollId);
    const strays = [];
    for (const rel of POLL.plaintext) {
      for (const t of x.tuples.get(rel).filter((t) => t.data && ofPoll(rel, t))) {
        if (!opened.has(t.xmin) && !(rel === 'poll_options' && preOpen.has(t.xmin))) strays.push(`${rel} (${t.blk},${t.lp}) xmin ${t.xmin}`);
      }
    }
    assert.deepEqual(strays, [], 'plaintext written by a transaction that opened no batch');
    // Each batch wrote one written answer per ballot it opened.
    for (const [xid, n] of opened) assert.equal(x.texts.filter((t) => t.live && t.xmin === xid).length, n, `batch ${xid}: its answers`);
    // 4. No dead version of a plaintext row outlives the pass that made it.
    const dead = x.texts.filter((t) => !t.live);
    assert.deepEqual(dead.map((t) => `(${t.blk},${t.lp}) xmin ${t.xmin}`), [], 'dead versions of written answers');
    const tallies = new Set(rows(`SELECT ctid::text AS c FROM poll_options WHERE poll_id = ${pollId}`).map((r) => r.c));
    const deadTallies = x.tuples.get('poll_options').filter((t) => t.data && int8(t.cols.poll_id) === pollId && !tallies.has(`(${t.blk},${t.lp})`));
    assert.deepEqual(deadTallies.map((t) => `(${t.blk},${t.lp}) xmin ${t.xmin}`), [], 'dead versions of the tallies');
  });

  test('storage: no page a voter\'s transaction writes holds a voter\'s words (and the answers\' pages do: the search works)', () => {
    const markers = voters.map((v) => v.marker);
    const written = family([POLL.register, POLL.head]);
    const found = markersInPages(written.map((r) => r.oid), markers);
    assert.deepEqual(found, [], 'a voter\'s words in the register or the poll\'s pages');
    const control = markersInPages(family([POLL.texts]).map((r) => r.oid), markers);
    assert.deepEqual([...new Set(control.map((c) => c.marker))].sort(), [...markers].sort(), 'the same search finds every answer in poll_texts');
  });

  test('the WAL: each voter\'s transaction touched only the register and the poll', (t) => {
    const allowed = family([POLL.register, POLL.head]);
    const { voterTx, violations, locks } = walOfVoters(wal, x, voters.map((v) => v.xid), allowed);
    t.diagnostic(`${voterTx.size} transactions; besides ${allowed.map((r) => r.name).join(', ')}, foreign-key row locks only: ${locks.join('; ') || 'none'}`);
    assert.deepEqual(violations, [], `records of voters' transactions outside ${allowed.map((r) => r.name).join(', ')}`);
    // The words are in the WAL (written by the batches), never in a record of a voter's transaction.
    const hits = markersInWal(walStart, voters.map((v) => v.marker));
    for (const v of voters) assert.ok(hits.some((h2) => h2.marker === v.marker), `${v.name}'s words are in the WAL somewhere (the search works)`);
    const inVoters = hits.map((h2) => ({ ...h2, record: recordAt(wal, h2.lsn) })).filter((h2) => h2.record && voterTx.has(h2.record.top));
    assert.deepEqual(inVoters.map((h2) => `${h2.marker} in ${h2.record.rmgr} ${h2.record.desc}`), [], 'a voter\'s words in a record of a voter\'s transaction');
    // The parser sees the batches writing the answers (else the check above proves nothing).
    const textNodes = new Set(family([POLL.texts]).map((r) => Number(r.node)));
    for (const xid of x.batches.keys()) {
      assert.ok(wal.some((r) => r.top === xid && r.blocks.some((b) => textNodes.has(b.node))), `batch ${xid} writes poll_texts in the WAL`);
    }
  });

  test('the old links do no better than chance', (t) => {
    const results = linkAttacks(x, wal);
    const sizes = [...x.batches.values()].map((m) => m.length);
    const { bound, tail } = chanceBound(sizes, ALPHA / Object.keys(results).length);
    t.diagnostic(`batches ${sizes.join(', ')}; links right by attack: ${JSON.stringify(results)}; bound ${bound} (P ${tail.toExponential(1)})`);
    t.diagnostic(`casting ranks of the answers in the order readings first showed them: ${results.shownRanks.join(' ')}`);
    assert.equal(results['same transaction id (live and dead versions)'], 0);
    assert.ok(bound <= voters.length, `the batches are big enough for a bound (${sizes})`);
    for (const [name, n] of Object.entries(results)) {
      assert.ok(n < bound, `${name}: ${n} of ${voters.length} linked; a shuffle reaches ${bound} with P < ${ALPHA}`);
    }
  });
});

// ------------------------------------------------------------ one 360-degree round

describe('a 360-degree round, attacked by someone who holds the database', () => {
  const K = ROUND.k;
  const OWNER = user(`anonlead-${RUN}`);
  const SEQUENTIAL = 7, BURST = 4;
  const invitees = Array.from({ length: SEQUENTIAL + BURST }, (_, i) => ({
    name: user(`anoncolleague${i + 1}-${RUN}`), scores: [1, 2, 3, 4, 5, 1].map((s) => ((s + i) % 5) + 1), marker: marker('Note'),
  }));
  const readings = [];
  let owner, planId, roundId, roundUrl, publicKey, slot, walStart, x, wal;

  before(async () => {
    psql(`WITH i AS (SELECT id FROM institutions WHERE slug = '${college.slug}')
          INSERT INTO users (institution_id, username, display_name, email, roles, password_hash)
          SELECT i.id, n, 'Colleague ' || n, n || '@example.ac.uk', 2, (SELECT password_hash FROM users WHERE username = '${user('amira')}')
            FROM i, unnest(ARRAY['${OWNER}', ${invitees.map((v) => `'${v.name}'`).join(', ')}]) n`);
    for (const v of invitees) v.user = Number(psql(`SELECT id FROM users WHERE username = '${v.name}'`));
    planId = Number(psql(`INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
                          SELECT institution_id, id, to_char(current_date - interval '8 months', 'YYYY') || '/' || to_char(current_date + interval '4 months', 'YY')
                            FROM users WHERE username = '${OWNER}' RETURNING id`).split('\n')[0]);
    slot = `anonymity_round_${SLOT}`;
    walStart = watchWal(slot);
    owner = await h.newPage(); await h.signIn(owner, OWNER);
  });
  after(async () => {
    if (owner) await owner.context().close();
    for (const v of invitees) if (v.page) await v.page.context().close();
    if (slot) stopWatching(slot);
    // This year's plans are the college's figures: the owner's goes (with its round).
    if (planId) psql(`DELETE FROM leadership_plans WHERE id = ${planId}`);
  });

  function noteRegister(v) {
    const r = row(`SELECT xmin::text::bigint AS xmin, ctid::text AS ctid, seq, opened, encode(sealed, 'hex') AS sealed
                     FROM feedback_invitations WHERE round_id = ${roundId} AND invitee_id = ${v.user}`);
    v.xid = r.opened ? null : r.xmin;
    v.ctid = r.opened ? null : r.ctid;
    v.seq = r.seq;
    v.order = invitees.filter((w) => w.order !== undefined).length;
    v.sealed = r.sealed ? Buffer.from(r.sealed, 'hex') : null;
  }

  /** One reading of the round, as its owner: the comments and means shown, and the round row. */
  async function reading(label, answered) {
    await h.visit(owner, roundUrl, { axe: false });
    const page = await main(owner);
    // In the order the page shows them.
    const markers = invitees.filter((v) => page.includes(v.marker)).sort((a, b) => page.indexOf(a.marker) - page.indexOf(b.marker)).map((v) => v.marker);
    const charts = await owner.getByRole('img', { name: /Bar chart/ }).count();
    const round = row(`SELECT answer_count, counted, spoiled, uncounted, final_at IS NOT NULL AS final FROM feedback_rounds WHERE id = ${roundId}`);
    const r = { label, answered, markers, charts, ...round };
    readings.push(r);
    assert.equal(round.answer_count, answered, `${label}: the round counts who answered at once`);
    assert.equal(markers.length, round.counted, `${label}: one comment shown per counted answer (${JSON.stringify(r)})`);
    assert.equal(charts, round.counted >= K ? 1 : 0, `${label}: the means show once ${K} answers are counted`);
    const oldest = invitees.filter((v) => v.order !== undefined).sort(castOrder).slice(0, round.counted).map((v) => v.marker);
    assert.deepEqual([...markers].sort(), oldest.sort(), `${label}: what is counted is the oldest ${round.counted} answers`);
    return r;
  }

  async function fillAnswer(v) {
    v.page = await h.newPage();
    await h.signIn(v.page, v.name);
    await h.visit(v.page, roundUrl, { axe: false });
    const groups = v.page.locator('fieldset');
    for (let i = 0; i < v.scores.length; i++) await groups.nth(i).getByLabel(String(v.scores[i]), { exact: true }).check();
    await v.page.getByLabel('A comment (optional)').fill(`${v.marker} thanks`);
  }

  test('a manager asks colleagues for feedback: the round gets a key pair of its own', async () => {
    await h.visit(owner, `/leadership/plans/${planId}/feedback/new`);
    await owner.getByLabel('Instrument').selectOption({ label: 'Leadership behaviours (360)' });
    await owner.getByLabel('Colleagues to ask').fill(invitees.map((v) => v.name).join(', '));
    await press(owner, 'Ask them');
    roundUrl = new URL(owner.url()).pathname;
    assert.match(roundUrl, /^\/leadership\/feedback\/\d+$/);
    roundId = Number(roundUrl.split('/').pop());
    publicKey = Buffer.from(psql(`SELECT encode(public_key, 'hex') FROM feedback_rounds WHERE id = ${roundId}`), 'hex');
    assert.equal(publicKey.length, 32, 'the round has a public key');
    const file = join(KEYS, `round-${roundId}.key`);
    assert.ok(existsSync(file), `its private key is the file ${file}`);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(publicKeyOf(readKeyFile(file)).equals(publicKey), 'the file holds the secret half of the round\'s public key');
    // Colleagues answer in the opposite order to the one they were invited
    // in, so that the order of answering is not the order of the register's rows.
    const invited = new Map(rows(`SELECT invitee_id AS u, seq FROM feedback_invitations WHERE round_id = ${roundId}`).map((r) => [r.u, r.seq]));
    assert.equal(invited.size, invitees.length, 'everyone was invited');
    invitees.sort((a, b) => invited.get(b.user) - invited.get(a.user));
  });

  test(`${SEQUENTIAL} answer one at a time, the mixer passing after each: nothing shows before the 6th, then 3 answers`, async () => {
    await reading('before any answer', 0);
    for (const [i, v] of invitees.slice(0, SEQUENTIAL).entries()) {
      await fillAnswer(v);
      await press(v.page, 'Send my answer');
      noteRegister(v);
      assert.notEqual(v.xid, null, `${v.name}: the newest answer is never opened at once`);
      assert.ok(v.sealed, `${v.name}: the invitation holds the sealed answer`);
      if (i) assert.ok(v.seq > invitees[i - 1].seq, `${v.name}: seq is the order of answering`);
      countBallots();
      const n = i + 1;
      const r = await reading(`after answer ${n} and a pass`, n);
      const expected = n < 2 * K ? 0 : n - (K + ((n - K) % K));
      assert.equal(r.counted, expected, `after answer ${n}: ${expected} counted (${JSON.stringify(r)})`);
      await v.page.context().close(); v.page = null;
    }
    assert.equal(readings.find((r) => r.answered === 2 * K).counted, K, `after the 6th answer: ${K} counted`);
    const sizes = new Set(invitees.slice(0, SEQUENTIAL).map((v) => v.sealed.length));
    assert.equal(sizes.size, 1, `sealed answers differ in size: ${[...sizes]}`);
  });

  test('the round\'s own key opens a sealed answer while it is open', () => {
    const newest = row(`SELECT invitee_id, encode(sealed, 'hex') AS sealed FROM feedback_invitations
                         WHERE round_id = ${roundId} AND sealed IS NOT NULL ORDER BY seq DESC LIMIT 1`);
    const v = invitees.find((w) => w.user === newest.invitee_id);
    const plain = openSealed(Buffer.from(newest.sealed, 'hex'), readKeyFile(join(KEYS, `round-${roundId}.key`)));
    assert.ok(plain, 'the round\'s key opens its sealed answers');
    const body = Buffer.from(sodium.unpad(plain, plain.length)).toString();
    const words = `${v.marker} thanks`;
    assert.equal(body, `s{${v.scores.join(',')}}\nc${Buffer.byteLength(words)}\n${words}`, 'it holds the scores and comment given');
  });

  test(`a burst of ${BURST} answers at once`, async () => {
    const burst = invitees.slice(SEQUENTIAL);
    await sendAtOnce(burst, fillAnswer, 'Send my answer', noteRegister);
    countBallots();
    const r = await reading('after the burst and a pass', invitees.length);
    const waiting = r.answer_count - r.counted - r.spoiled - r.uncounted;
    assert.ok(waiting >= K && waiting < 2 * K, `while open, k to 2k-1 answers wait sealed after a pass (${JSON.stringify(r)})`);
  });

  test('the owner closes the round: the rest is counted at once, and its key destroyed', async () => {
    await h.visit(owner, roundUrl, { axe: false });
    await press(owner, 'Close the round');
    const round = row(`SELECT counted, spoiled, uncounted, final_at IS NOT NULL AS final FROM feedback_rounds WHERE id = ${roundId}`);
    assert.deepEqual(round, { counted: invitees.length, spoiled: 0, uncounted: 0, final: true }, 'closing ran the final batch');
    await reading('after close', invitees.length);
    // The means shown are the means of what was given.
    const means = rows(`SELECT trim_scale(round(avg(a.scores[k]), 2))::text AS m FROM feedback_answers a, generate_series(1, 6) k
                         WHERE a.round_id = ${roundId} GROUP BY k ORDER BY k`).map((r) => r.m);
    const truth = [0, 1, 2, 3, 4, 5].map((k) => String(Number((invitees.reduce((s, v) => s + v.scores[k], 0) / invitees.length).toFixed(2))));
    assert.deepEqual(means, truth, 'the answers counted are the answers given');
    assert.equal(existsSync(join(KEYS, `round-${roundId}.key`)), false, 'the key file is gone');
    for (const { file: f, sk } of keysHeld()) {
      assert.ok(!publicKeyOf(sk).equals(publicKey), `${f} is not the closed round's key`);
      for (const v of invitees) if (v.sealed) assert.equal(openSealed(v.sealed, sk), null, `${f} opens ${v.name}'s answer`);
    }
  });

  test('two readings never differ by fewer than 3 answers', () => {
    assert.ok(readings.filter((r) => r.answered < 2 * K).every((r) => r.counted === 0 && r.markers.length === 0 && r.charts === 0), 'nothing before the 6th answer');
    for (let i = 1; i < readings.length; i++) {
      const a = readings[i - 1], b = readings[i], d = b.counted - a.counted;
      assert.ok(d === 0 || d >= K, `${a.label} -> ${b.label}: ${a.counted} -> ${b.counted} counted`);
    }
    assert.ok(readings.at(-1).counted - readings.at(-2).counted >= K, 'the last change, at close, adds at least 3');
  });

  test('no log holds a colleague\'s words', () => {
    for (const f of readdirSync(join(VAR, 'log'))) {
      const text = readFileSync(join(VAR, 'log', f));
      for (const v of invitees) assert.ok(!text.includes(Buffer.from(v.marker)), `${f} holds ${v.name}'s words`);
    }
  });

  test('storage: no answer, live or dead, carries a colleague\'s transaction; each was written by a batch of at least 3', () => {
    x = inspect(ROUND, roundId, invitees, readings, walStart);
    wal = walRecords(walStart);
    const { voterTx } = walOfVoters(wal, x, invitees.map((v) => v.xid), []);
    for (const v of invitees.filter((w) => w.xid !== null)) assert.ok(voterTx.has(v.xid));
    assert.ok(voterTx.size >= invitees.length, `the WAL shows every answer's transaction (${voterTx.size})`);
    const bad = touchedBy(x.tuples, voterTx);
    assert.deepEqual(bad, [], 'answers written in a colleague\'s transaction');
    const opened = batchSizes(x);
    assert.equal([...opened.values()].reduce((a, b) => a + b, 0), invitees.length, 'every answer was opened by some batch');
    for (const [xid, n] of opened) assert.ok(n >= K, `batch ${xid} opened ${n} answers`);
    const strays = x.tuples.get('feedback_answers').filter((t) => t.data && int8(t.cols.round_id) === roundId && !opened.has(t.xmin));
    assert.deepEqual(strays.map((t) => `(${t.blk},${t.lp}) xmin ${t.xmin}`), [], 'answers written by a transaction that opened no batch');
    for (const [xid, n] of opened) assert.equal(x.texts.filter((t) => t.live && t.xmin === xid).length, n, `batch ${xid}: its answers`);
    assert.deepEqual(x.texts.filter((t) => !t.live).map((t) => `(${t.blk},${t.lp}) xmin ${t.xmin}`), [], 'dead versions of answers');
  });

  test('storage: no page a colleague\'s transaction writes holds their words (and the answers\' pages do)', () => {
    const markers = invitees.map((v) => v.marker);
    assert.deepEqual(markersInPages(family([ROUND.register, ROUND.head, 'leadership_plans']).map((r) => r.oid), markers), []);
    const control = markersInPages(family([ROUND.texts]).map((r) => r.oid), markers);
    assert.deepEqual([...new Set(control.map((c) => c.marker))].sort(), [...markers].sort(), 'the same search finds every comment in feedback_answers');
  });

  test('the WAL: each colleague\'s transaction touched only the invitations, the round and the plan\'s revision', (t) => {
    // The round's count of answers is shown on the plan's page, which is
    // kept in memory under the plan's revision: an answer bumps it (a
    // trigger of sql/0015), which says who answered and when, as the
    // register does, and nothing of what.
    const allowed = family([ROUND.register, ROUND.head, 'leadership_plans', 'leadership_revisions']);
    const { voterTx, violations, locks } = walOfVoters(wal, x, invitees.map((v) => v.xid), allowed);
    t.diagnostic(`${voterTx.size} transactions; besides ${allowed.map((r) => r.name).join(', ')}, foreign-key row locks only: ${locks.join('; ') || 'none'}`);
    assert.deepEqual(violations, [], `records of colleagues' transactions outside ${allowed.map((r) => r.name).join(', ')}`);
    const hits = markersInWal(walStart, invitees.map((v) => v.marker));
    for (const v of invitees) assert.ok(hits.some((h2) => h2.marker === v.marker), `${v.name}'s words are in the WAL somewhere (the search works)`);
    const inVoters = hits.map((h2) => ({ ...h2, record: recordAt(wal, h2.lsn) })).filter((h2) => h2.record && voterTx.has(h2.record.top));
    assert.deepEqual(inVoters.map((h2) => `${h2.marker} in ${h2.record.rmgr} ${h2.record.desc}`), [], 'a colleague\'s words in a record of their transaction');
  });

  test('the old links do no better than chance', (t) => {
    const results = linkAttacks(x, wal);
    const sizes = [...x.batches.values()].map((m) => m.length);
    const { bound, tail } = chanceBound(sizes, ALPHA / Object.keys(results).length);
    t.diagnostic(`batches ${sizes.join(', ')}; links right by attack: ${JSON.stringify(results)}; bound ${bound} (P ${tail.toExponential(1)})`);
    t.diagnostic(`casting ranks of the answers in the order readings first showed them: ${results.shownRanks.join(' ')}`);
    assert.equal(results['same transaction id (live and dead versions)'], 0);
    // Batches of 3 and 4 are too small for a bound on 11 answers at 1e-6
    // (a perfect shuffle of them gets all right with P = 1/(3!·4!·4!));
    // the shuffle itself is tested on a big batch below.
    for (const [name, n] of Object.entries(results)) {
      assert.ok(n < bound, `${name}: ${n} of ${invitees.length} linked; a shuffle reaches ${bound} with P < ${ALPHA}`);
    }
  });
});

// ------------------------------------------------------------ the shuffle itself

/**
 * With batches of 3 to 8 a perfect shuffle gets a whole batch right often
 * enough (1 in 6 for 3) that a bound at 1e-6 says little. One batch of 120,
 * sealed in node in the server's format, cast by SQL and opened at close,
 * tests the shuffle with power: a perfect one gets 10 or more of 120 right
 * with P < 1.2e-7; an order that follows casting gets all 120.
 */
describe('the mixer\'s order, on one batch of 120 ballots and one of 120 360 answers', () => {
  const N = 120;
  const people = Array.from({ length: N }, (_, i) => ({ name: user(`anonbig${i + 1}-${RUN}`), marker: marker('Big') }));
  let slot, walStart, inst;

  before(() => {
    psql(`INSERT INTO users (institution_id, username, display_name, email, roles, password_hash)
          SELECT i.id, n, 'Person ' || n, n || '@example.ac.uk', 3, '!'
            FROM institutions i, unnest(ARRAY[${people.map((p) => `'${p.name}'`).join(',')}]) n WHERE i.slug = '${college.slug}'`);
    inst = Number(psql(`SELECT id FROM institutions WHERE slug = '${college.slug}'`));
    for (const p of people) p.user = Number(psql(`SELECT id FROM users WHERE username = '${p.name}'`));
    slot = `anonymity_big_${SLOT}`;
    walStart = watchWal(slot);
  });
  let plan;
  after(() => {
    if (slot) stopWatching(slot);
    if (plan) psql(`DELETE FROM leadership_plans WHERE id = ${plan}`);
  });

  /** Casts, opens at close and attacks one batch of spec's instance id, sealed with make(person). */
  function oneBatch(t, spec, id, make, close) {
    countBallots(); // makes the key of what has none
    const pk = Buffer.from(psql(`SELECT encode(public_key, 'hex') FROM ${spec.head} WHERE id = ${id}`), 'hex');
    assert.equal(pk.length, 32, `the ${spec.name} got a key`);
    const sealed = people.map((p) => seal(make(p), pk));
    psqlScript(`${spec.name === 'poll'
      ? `INSERT INTO poll_voters (poll_id, user_id, institution_id, sealed)
         SELECT ${id}, s.u, ${inst}, s.b FROM unnest(ARRAY[${people.map((p) => p.user).join(',')}]::bigint[], ARRAY[${sealed.map(toBytea).join(',')}])
           WITH ORDINALITY s(u, b, o) ORDER BY s.o;`
      : `UPDATE feedback_invitations f SET sealed = s.b, answered = true
           FROM unnest(ARRAY[${people.map((p) => p.user).join(',')}]::bigint[], ARRAY[${sealed.map(toBytea).join(',')}]) s(u, b)
          WHERE f.round_id = ${id} AND f.invitee_id = s.u;`}
      ${close}`);
    for (const r of rows(`SELECT ${spec.person} AS u, seq, ctid::text AS ctid FROM ${spec.register} WHERE ${spec.of} = ${id}`)) {
      Object.assign(people.find((p) => p.user === r.u), { seq: r.seq, order: r.seq, ctid: r.ctid, xid: null });
    }
    countBallots();
    assert.equal(psql(`SELECT counted || '/' || (final_at IS NOT NULL) FROM ${spec.head} WHERE id = ${id}`), `${N}/true`, 'one final batch opened them all');
    const x = inspect(spec, id, people, [], walStart);
    assert.equal(x.batches.size, 1);
    const results = linkAttacks(x, walRecords(walStart));
    const { bound, tail } = chanceBound([N], ALPHA / Object.keys(results).length);
    t.diagnostic(`links right by attack: ${JSON.stringify(results)}; bound ${bound} (P ${tail.toExponential(1)})`);
    for (const [name, n] of Object.entries(results)) assert.ok(n < bound, `${name}: ${n} of ${N} linked; a shuffle reaches ${bound} with P < ${ALPHA}`);
  }

  test('120 ballots of a poll, in one batch', (t) => {
    const poll = Number(psql(`INSERT INTO polls (institution_id, created_by, scope, title, anonymous, visibility, opens_at, closes_at)
                              SELECT ${inst}, ${people[0].user}, 'college', 'Big batch ${RUN}', true, 'closed', now(), now() + interval '1 day'
                              RETURNING id`).split('\n')[0]);
    const q = Number(psql(`INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt) VALUES (${poll}, ${inst}, 1, 'text', 'Say something') RETURNING id`).split('\n')[0]);
    // voice_ballot_size(0 options, 1 text) in cgi-bin/pages/voice_mix.c.
    const size = 64 + (26 + 8000);
    oneBatch(t, POLL, poll, (p) => sodium.pad(Buffer.from(`t${q},${Buffer.byteLength(p.marker)}\n${p.marker}`), size),
      `UPDATE polls SET voters = ${N}, closes_at = now(), closed_early = true WHERE id = ${poll};`);
  });

  test('120 answers of a 360-degree round, in one batch', (t) => {
    const lead = people[0];
    plan = Number(psql(`INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
                              VALUES (${inst}, ${lead.user}, to_char(current_date - interval '8 months', 'YYYY') || '/' || to_char(current_date + interval '4 months', 'YY'))
                              RETURNING id`).split('\n')[0]);
    const round = Number(psql(`INSERT INTO feedback_rounds (plan_id, institution_id, instrument_id)
                               SELECT ${plan}, ${inst}, id FROM instruments WHERE institution_id = ${inst} AND name = 'Leadership behaviours (360)'
                               RETURNING id`).split('\n')[0]);
    psql(`INSERT INTO feedback_invitations (round_id, invitee_id, institution_id)
          SELECT ${round}, u, ${inst} FROM unnest(ARRAY[${people.map((p) => p.user).join(',')}]::bigint[]) WITH ORDINALITY s(u, o) ORDER BY o`);
    // voice_answer_size(6 items) in cgi-bin/pages/voice_mix.c.
    const size = 64 + 11 * 6 + 8 + 16000;
    oneBatch(t, ROUND, round, (p) => sodium.pad(Buffer.from(`s{3,3,3,3,3,3}\nc${Buffer.byteLength(p.marker)}\n${p.marker}`), size),
      `UPDATE feedback_rounds SET answer_count = ${N}, closed_at = now() WHERE id = ${round};`);
  });
});
