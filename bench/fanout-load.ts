import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * One load process of the fan-out benchmark (forked by bench/fanout.ts): holds its share of the
 * graphql-ws subscribers, from its own loopback address, and records when each vote event
 * arrives on each of them. Driven over IPC: connect, seen, reset, report, close.
 */
export const FANOUT_SUBSCRIPTION = `subscription($sessionId: ID!) {
  sessionEvents(sessionId: $sessionId) {
    eventId type occurredAt
    actor { id name }
    ... on VoteCastEvent { version changed vote { id recommendation confidence version } }
    ... on TallyChangedEvent { tally { voteCount overall { mean stdDev } recommendations { recommendation count } } }
  }
}`;

interface Connect {
  cmd: 'connect';
  targets: { url: string; token: string }[];
  localAddress: string;
  sessionId: string;
}

interface Subscriber {
  client: Client;
  /** Every vote change received since the last reset, as `voteId:version`. */
  seen: Set<string>;
  errors: number;
}

const now = () => performance.timeOrigin + performance.now();
let subscribers: Subscriber[] = [];
/** Arrival times (epoch ms) of every vote event, by `voteId:version`. */
let arrivals = new Map<string, number[]>();
let frames = 0;
let closedEarly = 0;
let cpuAtReset = process.cpuUsage();

function subscribe(target: { url: string; token: string }, localAddress: string, sessionId: string): Promise<Subscriber> {
  class LocalWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { localAddress });
    }
  }
  return new Promise((resolve, reject) => {
    const subscriber: Subscriber = { client: undefined as unknown as Client, seen: new Set(), errors: 0 };
    const client = createClient({
      url: target.url.replace(/^http/, 'ws'),
      webSocketImpl: LocalWebSocket,
      connectionParams: { authorization: `Bearer ${target.token}` },
      lazy: false,
      retryAttempts: 0,
      on: {
        connected: () => resolve(subscriber),
        closed: (event: any) => {
          if (event?.code !== 1000) closedEarly++;
          reject(new Error(`closed ${event?.code ?? ''} ${event?.reason ?? ''}`));
        },
      },
    });
    subscriber.client = client;
    client.subscribe(
      { query: FANOUT_SUBSCRIPTION, variables: { sessionId } },
      {
        next: (result: any) => {
          frames++;
          const event = result.data?.sessionEvents;
          if (!event) {
            subscriber.errors++;
            return;
          }
          if ((event.type === 'VOTE_CAST' || event.type === 'VOTE_CHANGED') && event.vote) {
            const at = now();
            const key = `${event.vote.id}:${event.version}`;
            const list = arrivals.get(key);
            if (list) list.push(at);
            else arrivals.set(key, [at]);
            subscriber.seen.add(key);
          }
        },
        error: () => subscriber.errors++,
        complete: () => {},
      },
    );
  });
}

async function connect(message: Connect & { count: number; offset: number }) {
  const started = now();
  let failed = 0;
  const PARALLEL = 250;
  for (let i = 0; i < message.count; i += PARALLEL) {
    const batch = Array.from({ length: Math.min(PARALLEL, message.count - i) }, (_, j) => {
      const index = message.offset + i + j;
      return subscribe(message.targets[index % message.targets.length], message.localAddress, message.sessionId).catch(() => {
        failed++;
        return null;
      });
    });
    for (const subscriber of await Promise.all(batch)) if (subscriber) subscribers.push(subscriber);
  }
  process.send!({ connected: subscribers.length, failed, seconds: (now() - started) / 1000 });
}

process.on('message', async (message: any) => {
  switch (message.cmd) {
    case 'connect':
      return connect(message);
    case 'seen':
      // How many of this process's subscribers have received the vote change `key`.
      return process.send!({ seen: subscribers.filter((s) => s.seen.has(message.key)).length });
    case 'reset':
      arrivals = new Map();
      frames = 0;
      for (const s of subscribers) s.seen.clear();
      cpuAtReset = process.cpuUsage();
      return process.send!({ reset: true });
    case 'report':
      return process.send!({
        report: {
          subscribers: subscribers.length,
          frames,
          errors: subscribers.reduce((sum, s) => sum + s.errors, 0),
          closedEarly,
          cpuSeconds: ((usage) => (usage.user + usage.system) / 1e6)(process.cpuUsage(cpuAtReset)),
          arrivals: Object.fromEntries(arrivals),
        },
      });
    case 'close':
      await Promise.all(subscribers.map((s) => s.client.dispose()));
      process.send!({ closed: true });
      return process.exit(0);
  }
});
