// Bind codes: what the office hands a person so that his or her WeChat becomes theirs. A code is
// 10 characters from an alphabet without look-alikes (49 bits), read aloud in groups (K7PM-3XQ9-TR),
// valid 72 hours, used once, and stored only as a hash. Wrong guesses are limited per WeChat
// identity with growing waits, tighter while many wrong codes arrive, never by a switch that
// refuses everyone (docs/security.md, Binding: the arithmetic of the guessing bound).
import { createHash, randomInt } from 'node:crypto';
import type { Tx } from '../ports';
import { newId } from '../ports/ids';

/** 31 characters: digits and capitals without 0/O, 1/I/L, which are told apart badly on paper and aloud. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^10 ≈ 8.2 × 10^14 codes, 49.5 bits. */
export const CODE_LENGTH = 10;
export const CODE_BITS = Math.floor(CODE_LENGTH * Math.log2(CODE_ALPHABET.length));
export const CODE_VALID_HOURS = 72;

/** Wrong codes in a row a WeChat identity may send before it waits; from the next on, each locks it. */
export const MAX_FAILURES_PER_OPENID = 5;
/** The first wait; each further wrong code in a row doubles it, up to MAX_LOCK_MINUTES. */
export const LOCK_MINUTES = 15;
export const MAX_LOCK_MINUTES = 24 * 60;
/** A run of wrong codes is forgotten after this long without one (a code's lifetime). */
export const STREAK_HOURS = 72;
/**
 * Wrong codes from all identities together in one clock hour past which binding is under pressure:
 * a wrong code then locks its identity at once for MAX_LOCK_MINUTES. A first attempt is still
 * judged, so a person with the right code binds whatever strangers send.
 */
export const PRESSURE_FAILURES_PER_HOUR = 100;

/** How long an identity waits after its `failures`-th wrong code in a row (0: not at all). */
export function lockMinutes(failures: number, pressure: boolean): number {
  if (pressure) return MAX_LOCK_MINUTES;
  if (failures < MAX_FAILURES_PER_OPENID) return 0;
  return Math.min(MAX_LOCK_MINUTES, LOCK_MINUTES * 2 ** (failures - MAX_FAILURES_PER_OPENID));
}

/** The key of a WeChat identity's wrong-code record (the openid itself is not kept). */
export const identityKey = (openid: string) => `openid:${createHash('sha256').update(openid).digest('hex').slice(0, 32)}`;

/** The short reference of a lock that the locked person reads out and the office finds on the roster. */
export const lockRef = (key: string) => key.slice(key.indexOf(':') + 1, key.indexOf(':') + 7).toUpperCase();

/** A new code, e.g. K7PM3XQ9TR (shown grouped: see formatCode). */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** K7PM3XQ9TR → K7PM-3XQ9-TR: groups of four, to read aloud and type. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** What a person typed, as the code it means: full-width forms read as ASCII, lower case as upper, spaces and dashes dropped. */
export function normalizeCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―_.·]/g, '');
}

export const isWellFormed = (code: string) => code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));

/**
 * The stored form of a code. A code lives 72 hours and guessing online is limited, so a plain
 * SHA-256 keeps the codes out of a database copy without slowing every attempt.
 */
export function hashCode(code: string): string {
  return createHash('sha256').update(`jianyitong-bind-code:${code}`).digest('hex');
}

/** The start of the clock hour of an instant (the window of MAX_FAILURES_PER_HOUR). */
export const hourOf = (instant: string) => `${instant.slice(0, 13)}:00:00.000Z`;

export const addMinutes = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/**
 * Writes a new open code for the person and returns it (formatted, to be shown once) with its record
 * id and expiry. The caller revokes the person's earlier codes and writes the audit event.
 */
export async function openBindCode(tx: Tx, fields: { userId: string; issuedBy: string; now: string }): Promise<{ id: string; code: string; expiresAt: string }> {
  let code = newCode();
  // 31^10 codes: a collision with a stored one is next to impossible, but never a shared code.
  while ((await tx.find('bindCodes', { where: { codeHash: hashCode(code) }, limit: 1 })).length > 0) code = newCode();
  const id = newId();
  const expiresAt = new Date(Date.parse(fields.now) + CODE_VALID_HOURS * 3_600_000).toISOString();
  tx.insert('bindCodes', { id, codeHash: hashCode(code), userId: fields.userId, issuedBy: fields.issuedBy, issuedAt: fields.now, expiresAt, state: 'open' });
  return { id, code: formatCode(code), expiresAt };
}
