import { Entity, Enum, Index, ManyToOne, Property, Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { User } from './user.entity';

/** How a session was opened. */
export enum SignInMethod {
  /** Email and password, the built-in sign-in. */
  PASSWORD = 'PASSWORD',
  /** The university's identity provider (OpenID Connect, authorization code with PKCE). */
  OIDC = 'OIDC',
  /** Picked from the list of users, where demo sign-in is on. */
  DEMO = 'DEMO',
  /** `npm run token` on the server. */
  CLI = 'CLI',
}

/**
 * A sign-in: the row every access token names (`sid`), checked on every request and socket, so
 * signing out or revoking holds at once in every server process. The refresh secret that renews
 * access tokens is stored only as its SHA-256.
 */
@Entity({ tableName: 'auth_session' })
@Index({ properties: ['user'] })
export class AuthSession extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Enum({ items: () => SignInMethod })
  method: SignInMethod;

  @Property({ type: 'text' })
  secretHash: string;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  /** The browser or tool that signed in, to tell sessions apart in a list. */
  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;

  @Property({ type: 'datetime', nullable: true })
  lastRefreshedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  revokedBy?: Ref<User> | null;
}
