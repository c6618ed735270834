// A real OpenID Connect issuer for the tests: the `oidc-provider` package (v9) on a loopback
// port, in its own process (it is an ES module that needs Node 22; oidc-issuer.ts starts it). Accounts
// are email addresses: any address signs in, and those starting with "unverified" come with
// email_verified false. The login page is a plain form the tests submit over HTTP, as a browser
// would; consent is given at once. Prints `issuer <url>` once it listens.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const CLIENT_SECRET = process.env.OIDC_TEST_CLIENT_SECRET;
// Loopback redirect URIs of native clients match on any port (RFC 8252 §7.3): Conclave's test
// server and the tool's callback listen on ports chosen when they start.
const clients = [
  {
    client_id: 'conclave',
    client_secret: CLIENT_SECRET,
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/auth/oidc/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  },
  {
    client_id: 'report-tool',
    client_secret: CLIENT_SECRET,
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  },
];

function signingKeys() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return [
    { ...rsa, kid: `rsa-${randomUUID()}`, alg: 'RS256', use: 'sig' },
    { ...ec, kid: `ec-${randomUUID()}`, alg: 'ES256', use: 'sig' },
  ];
}

const verified = (email) => !email.startsWith('unverified');

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: signingKeys() },
  cookies: { keys: [randomUUID()] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: ['openid', 'email', 'profile', 'api'],
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: verified(id), name: id.split('@')[0] }) };
  },
  features: {
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: async (_ctx, _client, oneOf) => oneOf,
      useGrantedResource: async () => true,
      // JWT access tokens for the API, signed RS256 (ES256 for …/es256); …/short-lived ones expire in three seconds.
      getResourceServerInfo: async (_ctx, resource) => ({
        scope: 'api',
        audience: resource,
        accessTokenFormat: 'jwt',
        accessTokenTTL: resource.endsWith('/short-lived') ? 3 : 300,
        jwt: { sign: { alg: resource.endsWith('/es256') ? 'ES256' : 'RS256' } },
      }),
    },
  },
  // Like most issuers' access tokens for an API, they say whose email they are for.
  async extraTokenClaims(_ctx, token) {
    return token.accountId ? { email: token.accountId, email_verified: verified(token.accountId) } : undefined;
  },
  pkce: { required: () => true },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // Access tokens live as long as their resource says (accessTokenTTL above).
  ttl: { AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 300, IdToken: 300, Interaction: 600, Session: 600, Grant: 600 },
});
provider.on('server_error', (_ctx, error) => console.error('server_error', error));

async function body(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

const page = (uid) => `<!doctype html><form method="post" action="/interaction/${uid}/login"><input name="login"><button>Sign in</button></form>
<form method="post" action="/interaction/${uid}/abort"><button>Cancel</button></form>`;

const callback = provider.callback();
server.on('request', async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET' && details.prompt.name === 'consent') {
      // The user grants what the client asked for (this issuer asks no questions).
      const { missingOIDCScope = [], missingOIDCClaims = [], missingResourceScopes = {} } = details.prompt.details;
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      if (missingOIDCScope.length) grant.addOIDCScope(missingOIDCScope.join(' '));
      if (missingOIDCClaims.length) grant.addOIDCClaims(missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missingResourceScopes)) grant.addResourceScope(indicator, scopes.join(' '));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    } else if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(details.uid));
    } else if (match[2] === '/abort') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled.' }, { mergeWithLastSubmission: false });
    } else {
      await provider.interactionFinished(req, res, { login: { accountId: (await body(req)).get('login') } }, { mergeWithLastSubmission: false });
    }
  } catch (error) {
    console.error('interaction failed', error);
    res.writeHead(400).end(String(error));
  }
});

console.log(`issuer ${issuer}`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
