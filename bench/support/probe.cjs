// Preloaded (`node -r`) into a benchmarked server, so Conclave and its peers are measured the same
// way without touching their code. Over the IPC channel it answers:
//   'sql-count'   → { sqlCount }: SQL statements every `pg` client has sent (counted in the driver)
//   'loop-reset'  → { loopReset: true }: starts a new event-loop delay window
//   'loop-stats'  → { loopMaxMs, rssBytes, heapBytes }: the longest event-loop stall in the window,
//                   RSS and heap (after a full GC when the server runs with --expose-gc)
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const pg = require('pg');
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let longestGcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longestGcMs = Math.max(longestGcMs, entry.duration);
}).observe({ entryTypes: ['gc'] });
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};
if (process.send) {
  process.on('message', (message) => {
    if (message === 'sql-count') process.send({ sqlCount: statements });
    if (message === 'heap-snapshot') process.send({ heapSnapshot: require('node:v8').writeHeapSnapshot() });
    if (message === 'loop-reset') {
      loop.reset();
      longestGcMs = 0;
      process.send({ loopReset: true });
    }
    // With --expose-gc, memory is measured after a full collection: what is retained, not garbage.
    if (message === 'loop-stats') {
      const stats = { loopMaxMs: loop.max / 1e6, longestGcMs };
      if (typeof global.gc === 'function') global.gc();
      process.send({ ...stats, rssBytes: process.memoryUsage.rss(), heapBytes: process.memoryUsage().heapUsed });
    }
  });
  // The IPC channel must not keep a finished server alive.
  process.channel?.unref();
}

// BENCH_SQL_CACHE=1: every statement's first answer is kept and served again for the same text
// and values, without a round trip, so a run shows what the server costs without SQL.
if (process.env.BENCH_SQL_CACHE === '1') {
  const answers = new Map();
  const counted = pg.Client.prototype.query;
  pg.Client.prototype.query = function cachedQuery(config, values, callback) {
    if (typeof values === 'function') [values, callback] = [undefined, values];
    const text = typeof config === 'string' ? config : config?.text;
    const key = typeof text === 'string' ? JSON.stringify([text, values ?? config.values ?? null, config?.rowMode ?? null]) : null;
    const hit = key && answers.get(key);
    if (hit) {
      if (callback) return void process.nextTick(callback, null, hit);
      if (config && typeof config.callback === 'function') return void process.nextTick(config.callback, null, hit);
      return Promise.resolve(hit);
    }
    const remember = (result) => {
      if (key && result && /^\s*(select|with)\b/i.test(text)) answers.set(key, result);
      return result;
    };
    if (callback) return counted.call(this, config, values, (error, result) => callback(error, error ? result : remember(result)));
    const pending = values === undefined ? counted.call(this, config) : counted.call(this, config, values);
    return pending && typeof pending.then === 'function' ? pending.then(remember) : pending;
  };
}
