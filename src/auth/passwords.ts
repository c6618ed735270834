import { randomBytes, scrypt as scryptCallback, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { badInput } from '../common/errors';

/**
 * Passwords of the built-in sign-in, hashed with scrypt (Node's own crypto: no native module to
 * build, the same on Node 20, 22 and 24). The parameters are OWASP's scrypt equivalent of its
 * minimum (N=2^15, r=8, p=3) and are stored with each hash, so they can be raised later: a hash
 * made with weaker ones is replaced at the next successful sign-in (`needsRehash`).
 */
const COST = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// 128 * N * r bytes of working memory, above Node's 32 MiB default limit.
const MAX_MEMORY = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

function scrypt(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(hash: string): { cost: { N: number; r: number; p: number }; salt: Buffer; key: Buffer } | null {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every(Number.isInteger)) return null;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4], 'base64url'), key: Buffer.from(parts[5], 'base64url') };
}

// Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/** Whether `password` matches `hash`; with no hash (unknown user) it spends the same time and says no. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const parsed = parse(hash ?? (await (decoy ??= hashPassword(randomBytes(16).toString('hex')))));
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.cost);
  return hash !== null && hash !== undefined && key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A hash made with weaker parameters than today's. */
export function needsRehash(hash: string): boolean {
  const parsed = parse(hash);
  return !parsed || parsed.cost.N < COST.N || parsed.cost.r < COST.r || parsed.cost.p < COST.p;
}

/**
 * NIST SP 800-63B's advice: length is what counts, no composition rules. Long enough, not absurdly
 * long (scrypt's time grows with it), and not the email address itself.
 */
export function checkNewPassword(field: string, password: string, email: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) throw badInput(field, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD_LENGTH) throw badInput(field, `A password has at most ${MAX_PASSWORD_LENGTH} characters.`);
  if (password.includes('\u0000')) throw badInput(field, 'A password must not contain NUL characters.');
  if (password.trim().toLowerCase() === email.toLowerCase()) throw badInput(field, 'A password must not be the email address.');
  return password;
}
