import cluster, { Worker } from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';
import type { Metrics } from '../observability/metrics';

/**
 * /metrics in a cluster: a load balancer (or the primary's round robin) hands a scrape to any
 * worker, so a worker asks the primary, which gathers every worker's metrics and its own over
 * IPC and sums them (prom-client's aggregation: counters and histograms add up, gauges of
 * sockets, subscriptions and pools too).
 */
const ASK = 'conclave:metrics?';
const COLLECT = 'conclave:metrics-collect';
const PART = 'conclave:metrics-part';
const ANSWER = 'conclave:metrics!';
const WAIT_MS = 3000;

interface Message {
  conclave?: string;
  id?: number;
  json?: object[];
  text?: string;
  contentType?: string;
  error?: string;
}

export interface CollectedMetrics {
  text: string;
  contentType: string;
}

/** In a worker: answers the primary's collection, and collects the cluster's metrics through it. In a single process: its own. */
export function metricsCollector(metrics: Metrics): () => Promise<CollectedMetrics> {
  const own = async () => ({ text: await metrics.registry.metrics(), contentType: metrics.registry.contentType });
  if (!cluster.isWorker || !process.send) return own;
  const pending = new Map<number, (message: Message) => void>();
  let next = 0;
  process.on('message', (message: Message) => {
    if (message?.conclave === COLLECT) {
      void metrics.registry.getMetricsAsJSON().then((json) => process.send?.({ conclave: PART, id: message.id, json }));
    } else if (message?.conclave === ANSWER && message.id !== undefined) {
      pending.get(message.id)?.(message);
    }
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('The cluster primary did not answer with metrics'));
      }, WAIT_MS * 2);
      pending.set(id, (message) => {
        clearTimeout(timer);
        pending.delete(id);
        if (message.error) reject(new Error(message.error));
        else resolve({ text: message.text!, contentType: message.contentType! });
      });
      process.send!({ conclave: ASK, id });
    });
}

/** In the primary: answers workers' requests with the sum of every worker's metrics and the primary's own. */
export function serveClusterMetrics(primary: Registry): void {
  let nextCollection = 0;
  const collections = new Map<number, { parts: object[][]; waiting: Set<Worker>; done: () => void }>();

  cluster.on('message', (worker: Worker, message: Message) => {
    if (message?.conclave === PART && message.id !== undefined) {
      const collection = collections.get(message.id);
      if (!collection || !collection.waiting.delete(worker)) return;
      collection.parts.push(message.json ?? []);
      if (collection.waiting.size === 0) collection.done();
    } else if (message?.conclave === ASK && message.id !== undefined) {
      void gather().then(
        (answer) => worker.isConnected() && worker.send({ conclave: ANSWER, id: message.id, ...answer }),
        (error: Error) => worker.isConnected() && worker.send({ conclave: ANSWER, id: message.id, error: error.message }),
      );
    }
  });

  async function gather(): Promise<CollectedMetrics> {
    const id = nextCollection++;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w.isConnected());
    const parts: object[][] = [await primary.getMetricsAsJSON()];
    await new Promise<void>((resolve) => {
      // A worker that does not answer in time (busy, dying) is left out of this scrape.
      const timer = setTimeout(resolve, WAIT_MS);
      const collection = { parts, waiting: new Set(workers), done: () => (clearTimeout(timer), resolve()) };
      collections.set(id, collection);
      if (workers.length === 0) collection.done();
      for (const worker of workers) worker.send({ conclave: COLLECT, id });
    });
    collections.delete(id);
    const merged = AggregatorRegistry.aggregate(parts);
    return { text: await merged.metrics(), contentType: merged.contentType };
  }
}
