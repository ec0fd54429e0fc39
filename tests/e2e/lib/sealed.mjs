// libsodium in node, for tests and benchmarks that check (or make) what the
// server seals: ballots and 360 answers sealed with crypto_box_seal to one
// poll's (or round's) X25519 public key, whose secret key is a 32-byte file
// in $TANDEM_VAR/keys/ (README, "Anonymity"). Pure JavaScript
// (libsodium-wrappers), so nothing to build.
import { readFileSync } from 'node:fs';
import _sodium from 'libsodium-wrappers';

await _sodium.ready;
/** The libsodium-wrappers module, ready. */
export const sodium = _sodium;

/** crypto_box_SEALBYTES: what sealing adds to a message (48). */
export const SEAL_OVERHEAD = sodium.crypto_box_SEALBYTES;

/** A fresh key pair: {publicKey, secretKey}, 32 bytes each. */
export function keyPair() {
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey: Buffer.from(publicKey), secretKey: Buffer.from(privateKey) };
}

/** The public key of an X25519 secret key: crypto_scalarmult_base(sk). */
export function publicKeyOf(secretKey) {
  return Buffer.from(sodium.crypto_scalarmult_base(asBytes(secretKey, 'secret key')));
}

/** Reads a key file: exactly 32 raw bytes, or it throws. */
export function readKeyFile(path) {
  const sk = readFileSync(path);
  if (sk.length !== sodium.crypto_scalarmult_SCALARBYTES) {
    throw new Error(`${path}: ${sk.length} bytes, not a ${sodium.crypto_scalarmult_SCALARBYTES}-byte secret key`);
  }
  return sk;
}

/** message (Buffer, Uint8Array or string) sealed to publicKey: crypto_box_seal. */
export function seal(message, publicKey) {
  const bytes = typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
  return Buffer.from(sodium.crypto_box_seal(bytes, asBytes(publicKey, 'public key')));
}

/**
 * Opens a sealed box with secretKey (its public key derived from it), as
 * crypto_box_seal_open does: the message as a Buffer, or null when it does
 * not open (another key, or tampered with).
 */
export function open(sealed, secretKey) {
  const sk = asBytes(secretKey, 'secret key');
  try {
    return Buffer.from(sodium.crypto_box_seal_open(sealed, sodium.crypto_scalarmult_base(sk), sk));
  } catch {
    return null;
  }
}

/** A bytea as psql prints it (\x0a1b...) to a Buffer; '' or null to null. */
export function fromBytea(text) {
  if (text === null || text === undefined || text === '') return null;
  if (!/^\\x[0-9a-f]*$/i.test(text)) throw new Error(`not a hex bytea: ${String(text).slice(0, 40)}`);
  return Buffer.from(text.slice(2), 'hex');
}

/** A Buffer as a bytea literal for SQL: '\x...'::bytea. */
export function toBytea(bytes) {
  return `'\\x${Buffer.from(bytes).toString('hex')}'::bytea`;
}

function asBytes(b, what) {
  if (!(b instanceof Uint8Array) || b.length !== 32) throw new Error(`a ${what} is 32 bytes`);
  return b;
}
