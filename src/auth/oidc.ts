import { createHash } from 'node:crypto';
import { createRemoteJWKSet, EncryptJWT, jwtDecrypt, jwtVerify, JWTVerifyGetKey } from 'jose';
import * as client from 'openid-client';
import { isLoopbackUrl, OidcConfig } from '../config';
import type { Logger } from '../logger';

/** What Conclave trusts from the identity provider: an email it says it verified. */
export interface IdentityClaims {
  email: string | null;
  emailVerified: boolean;
  /** When the credential stops being valid (a bearer token's `exp`). */
  expiresAt?: Date;
  /** A bearer token's `iat`: tokens issued before a user's sessions were revoked are refused. */
  issuedAt?: Date;
}

/** The browser sign-in in progress, kept in an encrypted cookie between the redirect and the callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

/** Bearer tokens of the issuer are signed with these (RS256 and ES256, as the issue asks). */
const ALGORITHMS = ['RS256', 'ES256'];
const FLOW_MINUTES = 10;

/**
 * The university's OpenID Connect issuer, through `openid-client` (discovery, the authorization
 * code flow with PKCE, userinfo) and `jose` (bearer tokens against the issuer's JWKS). Discovery
 * happens on first use and again after a failure, so the API starts and serves its other
 * sign-ins while the issuer is unreachable.
 */
export class OidcIssuer {
  private discovered?: Promise<client.Configuration>;
  private keys?: JWTVerifyGetKey;
  private readonly flowKey: Uint8Array;

  constructor(
    readonly settings: OidcConfig,
    secret: string,
    private readonly logger: Logger,
  ) {
    this.flowKey = new Uint8Array(createHash('sha256').update(`conclave-oidc-flow\n${secret}`).digest());
  }

  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error) => {
      this.discovered = undefined;
      this.logger.error(`OpenID Connect discovery at ${this.settings.issuer} failed`, error);
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    // openid-client refuses plain http; a test or development issuer on this machine is allowed it.
    const execute = [client.enableNonRepudiationChecks, ...(isLoopbackUrl(issuer) && issuer.startsWith('http:') ? [client.allowInsecureRequests] : [])];
    const config = await client.discovery(
      new URL(issuer),
      clientId,
      clientSecret ? { client_secret: clientSecret } : undefined,
      clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
      { execute, timeout: 10 },
    );
    const jwksUri = config.serverMetadata().jwks_uri;
    if (!jwksUri) throw new Error(`${issuer} publishes no jwks_uri`);
    this.keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    return config;
  }

  /**
   * A bearer token the issuer signed for us (a JWT access token, or an ID token when the
   * audience is our client id): signature against the JWKS, issuer, audience, expiry. Null when
   * it is not valid; the issuer being unreachable is logged and also refuses.
   */
  async verifyBearer(token: string): Promise<IdentityClaims | null> {
    let config: client.Configuration;
    try {
      config = await this.configuration();
    } catch {
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.keys!, { issuer: config.serverMetadata().issuer, audience: this.settings.audiences, algorithms: ALGORITHMS, requiredClaims: ['exp'] });
      return {
        email: typeof payload.email === 'string' ? payload.email : null,
        emailVerified: payload.email_verified === true,
        expiresAt: new Date(payload.exp! * 1000),
        issuedAt: payload.iat ? new Date(payload.iat * 1000) : undefined,
      };
    } catch {
      return null;
    }
  }

  /** Where to send the browser, and what to remember until it comes back. */
  async startSignIn(redirectUri: string, returnTo: string): Promise<{ url: URL; flowCookie: string }> {
    const config = await this.configuration();
    const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), returnTo };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    const flowCookie = await new EncryptJWT({ ...flow })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${FLOW_MINUTES}m`)
      .encrypt(this.flowKey);
    return { url, flowCookie };
  }

  /** The flow a cookie holds, or null when it is missing, forged or older than ten minutes. */
  async readFlow(flowCookie: string | undefined): Promise<OidcFlow | null> {
    if (!flowCookie) return null;
    try {
      const { payload } = await jwtDecrypt(flowCookie, this.flowKey);
      const { state, nonce, verifier, returnTo } = payload as Record<string, unknown>;
      return [state, nonce, verifier, returnTo].every((v) => typeof v === 'string') ? ({ state, nonce, verifier, returnTo } as OidcFlow) : null;
    } catch {
      return null;
    }
  }

  /**
   * The callback: exchanges the code (PKCE verifier, state and nonce checked by openid-client,
   * the ID token's signature against the JWKS) and returns the identity. The email comes from
   * the ID token, or from userinfo when the issuer keeps it there.
   */
  async finishSignIn(callbackUrl: URL, flow: OidcFlow): Promise<IdentityClaims> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    let email = claims.email;
    let verified = claims.email_verified;
    if (typeof email !== 'string' && config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email;
      verified = info.email_verified;
    }
    return { email: typeof email === 'string' ? email : null, emailVerified: verified === true };
  }
}
