import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';

/** Conclave's own access tokens: `iss` and `aud` are both this, so an identity provider's tokens are never mistaken for them. */
export const OWN_ISSUER = 'conclave';
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

// Encoding the secret on every verify showed up in a read's profile with the previous library.
let key: { secret: string; bytes: Uint8Array } | null = null;
function keyFor(secret: string): Uint8Array {
  if (key?.secret !== secret) key = { secret, bytes: new Uint8Array(Buffer.from(secret, 'utf8')) };
  return key.bytes;
}

export interface AccessToken {
  token: string;
  expiresAt: Date;
}

/** A short-lived access token for one sign-in session: `sub` the user, `sid` the session row. */
export async function signAccessToken(secret: string, claims: { userId: string; sessionId: string }, ttlSeconds: number): Promise<AccessToken> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(OWN_ISSUER)
    .setAudience(OWN_ISSUER)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keyFor(secret));
  return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
}

/** The user and session an access token names, or null when it is not ours, forged or expired. */
export async function verifyAccessToken(secret: string, token: string): Promise<{ userId: string; sessionId: string } | null> {
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), { algorithms: [ALGORITHM], issuer: OWN_ISSUER, audience: OWN_ISSUER });
    return typeof payload.sub === 'string' && typeof payload.sid === 'string' ? { userId: payload.sub, sessionId: payload.sid } : null;
  } catch {
    return null;
  }
}

/** The `iss` of a JWT, unverified: which verifier to hand it to. Null for anything that is not a JWT. */
export function tokenIssuer(token: string): string | null {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : null;
  } catch {
    return null;
  }
}

export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
