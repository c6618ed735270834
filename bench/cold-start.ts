import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../src/db/postgres-server';
import { argNumber, freePort, hasFlag, machineLine, median, root } from './support/bench-kit';

/**
 * `npm run bench:cold-start`: how long `node dist/src/main.js` takes on an embedded PostgreSQL,
 * from launch to the first answered query — first on an empty data directory (initdb, migrations,
 * demo data), then again on the same directory, with dependencies installed and dist/ built
 * (npm start's incremental build adds ~3 s when nothing changed). Writes bench/RESULTS-cold-start.md.
 */

async function coldStart(dataDir: string, port: number, pgPort: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot(), 'dist/src/main.js')], {
    env: { ...process.env, DATABASE_URL: '', CONCLAVE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'error', WORKERS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  let exited = false;
  child.stderr!.on('data', (chunk) => (errors += chunk));
  child.on('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`the server exited before answering:\n${errors}`);
      if (performance.now() - started > 60_000) throw new Error(`no answer within 60 s:\n${errors}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    if (!exited) {
      await new Promise((resolve) => {
        child.on('exit', resolve);
        child.kill('SIGTERM');
      });
    }
  }
}

/** Median of `rounds` starts each way (a fresh data directory per round). */
export async function runColdStart(rounds: number): Promise<{ empty: number; kept: number }> {
  const empties: number[] = [];
  const kepts: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-cold-'));
    // As root the embedded server runs as the postgres user, who must be able to enter the folder.
    chmodSync(dataDir, 0o755);
    // Ports the system says are free now: a random pick collided with the fan-out bench's sockets.
    const [port, pgPort] = [await freePort(), await freePort()];
    try {
      empties.push(await coldStart(dataDir, port, pgPort));
      kepts.push(await coldStart(dataDir, port, pgPort));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { empty: median(empties), kept: median(kepts) };
}

export function coldStartSection(result: { empty: number; kept: number }, rounds: number): string {
  return [
    '## Cold start',
    '',
    `From launching \`node dist/src/main.js\` to the first answered query, on an embedded PostgreSQL; median of ${rounds} starts each (target: under 5 s). ` +
      '`npm start` adds its incremental TypeScript build, about 3 s when nothing changed.',
    '',
    '| | ms |',
    '|---|---:|',
    `| empty data directory (initdb, migrations, demo data) | ${result.empty.toFixed(0)} |`,
    `| second start on the same directory | ${result.kept.toFixed(0)} |`,
    '',
  ].join('\n');
}

async function main() {
  const rounds = argNumber('rounds', 3);
  const result = await runColdStart(rounds);
  console.log(`empty data dir → first answer: ${result.empty.toFixed(0)} ms; second start: ${result.kept.toFixed(0)} ms`);
  if (!hasFlag('no-write')) writeFileSync(path.join(root, 'bench', 'RESULTS-cold-start.md'), `# Cold start\n\n${machineLine()}\n\n${coldStartSection(result, rounds)}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
