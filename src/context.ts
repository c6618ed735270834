import { randomUUID } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { OperationAudit } from './audit/operation-audit';
import { Access, AuthUser } from './auth/access';
import type { Authenticate } from './auth/authenticate';
import type { EndedSignIns } from './auth/live-sessions';
import type { Orm } from './db/orm';
import { createLoaders, Loaders } from './loaders';
import type { SessionEventBus } from './events/session-event-bus';
import type { LiveFanout } from './reviews/live/live-fanout';
import type { SocketDelivery } from './subscriptions/socket-delivery';
import type { Settings } from './config';

/** Everything one GraphQL operation needs, built per HTTP request and per subscription event. */
export interface Context {
  requestId: string;
  user: AuthUser | null;
  access: Access;
  /** A fork: its identity map lives and dies with the operation. */
  readonly em: EntityManager;
  /** Plain-row reads (the read path does not hydrate entities). */
  db: Knex;
  loaders: Loaders;
  /** Wakes live subscribers after a commit. */
  bus: SessionEventBus;
  /** Shared live delivery; used when `delivery` is set. */
  fanout: LiveFanout;
  /** Set on a graphql-ws subscription whose frames the server writes itself (shared delivery). */
  delivery?: SocketDelivery;
  /** What the rules read from the configuration (config.ts `Settings`). */
  settings: Settings;
  /** What this operation leaves in the audit trail (files read, the mutation running). */
  audit: OperationAudit;
  services: OperationServices;
}

/** Server-wide settings and services that some operations need. */
export interface OperationServices {
  auth: {
    passwordSignIn: boolean;
    /** After a commit that ended sign-ins: closes their live sockets in every process. */
    ended(which: EndedSignIns): void;
  };
  /** RETENTION_MONTHS: for intakes that set no retention of their own. */
  defaultRetentionMonths: number;
}

/**
 * The entity manager fork and the loaders are made on first use: a read never touches the ORM,
 * and a live subscription holds its context for hours (tens of thousands per process) while
 * the fan-out executes with its own loaders, so eager ones cost memory per connection.
 */
class OperationContext implements Context {
  readonly audit = new OperationAudit();
  access: Access;
  delivery?: SocketDelivery;
  private forked?: EntityManager;
  private ownLoaders?: Loaders;

  constructor(
    private readonly orm: Orm,
    readonly db: Knex,
    readonly user: AuthUser | null,
    readonly bus: SessionEventBus,
    readonly fanout: LiveFanout,
    readonly services: OperationServices,
    readonly settings: Settings,
    readonly requestId: string = randomUUID(),
  ) {
    this.access = new Access(db, user);
  }

  get em(): EntityManager {
    return (this.forked ??= this.orm.em.fork());
  }

  get loaders(): Loaders {
    return (this.ownLoaders ??= createLoaders(this.db));
  }

  set loaders(loaders: Loaders) {
    this.ownLoaders = loaders;
  }
}

/** `requestId`: the HTTP request's or the subscription's (observability/request-id.ts); a fresh one otherwise. */
export interface ContextFactory {
  /** `client`: where the request comes from (server/rate-limits.ts counts failed authentications per address). */
  (authorization: string | null | undefined, requestId?: string, client?: { ip?: string }): Promise<Context>;
  /** The one authentication entry point (auth/authenticate.ts): every request, socket and sign-in route goes through it. */
  userFor: Authenticate;
  forUser(user: AuthUser | null, requestId?: string): Context;
}

export function contextFactory(orm: Orm, authenticate: Authenticate, bus: SessionEventBus, fanout: LiveFanout, services: OperationServices, settings: Settings): ContextFactory {
  const db = orm.em.getKnex();
  const userFor: Authenticate = (credentials, client) => authenticate(credentials, client);

  async function create(authorization: string | null | undefined, requestId?: string, client?: { ip?: string }): Promise<Context> {
    return forUser(await userFor(authorization, client), requestId);
  }

  function forUser(user: AuthUser | null, requestId?: string): Context {
    return new OperationContext(orm, db, user, bus, fanout, services, settings, requestId);
  }

  return Object.assign(create, { userFor, forUser });
}
