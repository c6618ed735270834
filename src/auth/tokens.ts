import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';

const ISSUER = 'conclave';
const ALGORITHM = 'HS256';

/**
 * The signing secret: JWT_SECRET when set; otherwise one generated on first start and kept
 * beside the embedded database, so tokens survive restarts of a local server.
 */
export function loadOrCreateSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function signToken(secret: string, userId: string, expiresIn: jwt.SignOptions['expiresIn'] = '30d'): string {
  return jwt.sign({}, secret, { algorithm: ALGORITHM, subject: userId, issuer: ISSUER, expiresIn });
}

// jsonwebtoken turns a string secret into a KeyObject on every verify (~2% of a read's CPU).
let verifyKey: { secret: string; key: KeyObject } | null = null;

/** Returns the user id the token was issued to, or null when it is invalid or expired. */
export function verifyToken(secret: string, token: string): string | null {
  if (verifyKey?.secret !== secret) verifyKey = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  try {
    const payload = jwt.verify(token, verifyKey.key, { algorithms: [ALGORITHM], issuer: ISSUER });
    return typeof payload === 'object' && typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
