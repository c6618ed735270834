/**
 * Sign-in for the browser, as README "For the browser client" describes: the refresh token lives
 * in the HttpOnly `conclave_session` cookie (Path=/auth), the access token only in memory, renewed
 * a minute before it expires.
 */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: 'OFFICER' | 'COMMITTEE_MEMBER' | 'REPORTER';
}

export interface SignInMethods {
  password: boolean;
  oidc: { startUrl: string } | null;
  demo: { users: { email: string; name: string; role: string }[] } | null;
}

interface TokenAnswer {
  accessToken: string;
  expiresAt: string;
  user: Viewer;
}

let accessToken: string | null = null;
let renewTimer: ReturnType<typeof setTimeout> | undefined;

export const currentToken = () => accessToken;

async function post(path: string, body: unknown = {}): Promise<Response> {
  return fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function accept(response: Response): Promise<Viewer> {
  const answer = (await response.json()) as TokenAnswer & { errors?: { message: string }[] };
  if (!response.ok) throw new Error(answer.errors?.[0]?.message ?? response.statusText);
  accessToken = answer.accessToken;
  clearTimeout(renewTimer);
  const renewIn = Math.max(5_000, new Date(answer.expiresAt).getTime() - Date.now() - 60_000);
  renewTimer = setTimeout(() => void renew(), renewIn);
  return answer.user;
}

/** The signed-in viewer from the session cookie, or null: show the sign-in page. */
export async function renew(): Promise<Viewer | null> {
  const response = await post('/auth/token');
  if (response.status === 401) {
    accessToken = null;
    return null;
  }
  return accept(response);
}

export async function signInMethods(): Promise<SignInMethods> {
  return (await fetch('/auth/methods', { credentials: 'same-origin' })).json();
}

export const signInDemo = async (email: string) => accept(await post('/auth/sign-in/demo', { email }));
export const signInPassword = async (email: string, password: string) => accept(await post('/auth/sign-in/password', { email, password }));

export async function signOut(): Promise<void> {
  await post('/auth/sign-out');
  accessToken = null;
  clearTimeout(renewTimer);
}
