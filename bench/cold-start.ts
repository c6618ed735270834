import { execSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../src/db/postgres-server';

/**
 * `npm run bench:cold-start`: how long `node dist/src/main.js` takes on an embedded PostgreSQL,
 * from launch to the first answered query — first on an empty data directory (initdb, migrations,
 * demo data), then again on the same directory, with dependencies installed and dist/ built
 * (npm start's incremental build adds ~3 s when nothing changed). Writes bench/RESULTS-cold-start.md.
 */
const output = process.argv.includes('--no-write') ? null : path.join(repoRoot(), 'bench', 'RESULTS-cold-start.md');

async function coldStart(dataDir: string, port: number, pgPort: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot(), 'dist/src/main.js')], {
    env: { ...process.env, DATABASE_URL: '', CONCLAVE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'error' },
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

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-cold-'));
  // As root the embedded server runs as the postgres user, who must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const port = 40000 + Math.floor(Math.random() * 10000);
  const pgPort = port + 1;
  try {
    const empty = await coldStart(dataDir, port, pgPort);
    const again = await coldStart(dataDir, port, pgPort);
    console.log(`empty data dir → first answer: ${empty.toFixed(0)} ms; second start: ${again.toFixed(0)} ms`);
    if (output) {
      const commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot() }).toString().trim();
      writeFileSync(
        output,
        [
          '# Cold start',
          '',
          `Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, commit ${commit}.`,
          'From launching `node dist/src/main.js` to the first answered query, on an embedded PostgreSQL (target: under 5 s).',
          '',
          '| | ms |',
          '|---|---:|',
          `| empty data directory (initdb, migrations, demo data) | ${empty.toFixed(0)} |`,
          `| second start on the same directory | ${again.toFixed(0)} |`,
          '',
        ].join('\n'),
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
