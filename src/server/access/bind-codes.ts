// Bind codes: what the office hands a person so that his or her WeChat becomes theirs. A code is
// 10 characters from an alphabet without look-alikes (49 bits), read aloud in groups (K7PM-3XQ9-TR),
// valid 72 hours, used once, and stored only as a hash. Wrong guesses are limited per WeChat
// identity and across all of them, so that guessing a code takes longer than any code lives.
import { createHash, randomInt } from 'node:crypto';
import type { Tx } from '../ports';
import { newId } from '../ports/ids';

/** 31 characters: digits and capitals without 0/O, 1/I/L, which are told apart badly on paper and aloud. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^10 ≈ 8.2 × 10^14 codes, 49.5 bits. */
export const CODE_LENGTH = 10;
export const CODE_BITS = Math.floor(CODE_LENGTH * Math.log2(CODE_ALPHABET.length));
export const CODE_VALID_HOURS = 72;

/** A WeChat identity with this many wrong codes in a row is locked for LOCK_MINUTES. */
export const MAX_FAILURES_PER_OPENID = 5;
export const LOCK_MINUTES = 60;
/** Wrong codes from all identities together in one clock hour, after which binding pauses until the hour ends. */
export const MAX_FAILURES_PER_HOUR = 100;

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
