import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * `node dist/bench/support/profile-summary.js FILE.cpuprofile [top]`: a `node --cpu-prof`
 * profile as self time per package (or `node:` internals, or project code) and the hottest
 * functions, so a results file can say where a missed target's time went.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Summarises the one profile a finished process left in `dir`, and removes it (the next run's is then the only one). */
export function summariseProfileIn(dir: string, top = 15): string {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const summary = summariseProfile(path.join(dir, file), top);
  rmSync(path.join(dir, file));
  return summary;
}

export function summariseProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)!.callFrame;
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const share = (micros: number) => `${((micros / total) * 100).toFixed(1)}%`;
  const rows = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, micros]) => `| ${name} | ${share(micros)} |`);
  return [
    `Profile ${file}: ${(total / 1e6).toFixed(1)} s sampled.`,
    '',
    '| where (self time) | share |',
    '|---|---:|',
    ...rows(byPackage, 15),
    '',
    '| hottest functions (self time) | share |',
    '|---|---:|',
    ...rows(byFunction, top),
  ].join('\n');
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName === '(garbage collector)' ? 'garbage collection' : functionName === '(idle)' ? 'idle' : `V8/native: ${functionName || '?'}`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  return 'Conclave';
}

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [top]');
  console.log(summariseProfile(file, Number(top) || 25));
}
