import type { Knex } from '@mikro-orm/postgresql';
import type { AuthConfig } from '../config';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/seed';

/** The start-up banner's lines on how to sign in to this server. */
export async function signInBanner(db: Knex, auth: AuthConfig, baseUrl: string): Promise<string[]> {
  const lines = ['Sign in (README "Signing in"):'];
  if (auth.passwordSignIn) {
    const demo = await db('app_user as u').join('user_password as p', 'p.user_id', 'u.id').whereIn('u.email', DEMO_USERS.map((u) => u.email)).first('u.email');
    lines.push(`  POST ${baseUrl}/auth/sign-in/password {"email","password"}${demo ? `; the demo users' password is "${DEMO_PASSWORD}"` : ''}`);
  }
  if (auth.demoSignIn) lines.push(`  demo sign-in is on (DEMO_SIGN_IN): GET ${baseUrl}/auth/methods lists the users, POST ${baseUrl}/auth/sign-in/demo {"email"}`);
  if (auth.oidc) lines.push(`  ${baseUrl}/auth/sign-in/oidc in a browser: through ${auth.oidc.issuer}`);
  return lines;
}
