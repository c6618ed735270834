import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/db/postgres-server';

/**
 * The built server (`node dist/src/main.js`) as a separate process, the way `npm start` runs it.
 * `npm test` compiles dist/ before jest runs.
 */
export const MAIN = path.join(repoRoot(), 'dist/src/main.js');

export interface ChildServer {
  child: ChildProcess;
  url: string;
  output(): string;
  /** SIGTERM, resolving with the exit code. */
  stop(): Promise<number | null>;
}

export function startChildServer(env: NodeJS.ProcessEnv): Promise<ChildServer> {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run the tests with `npm test`, which compiles first.');
  // No rate limits unless a test sets them: tests send many mutations and sign-ins in seconds.
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WORKERS: '1', RATE_LIMIT_MUTATIONS: '0', RATE_LIMIT_AUTH_FAILURES: '0', RATE_LIMIT_QUERY_COST: '0', RATE_LIMIT_QUERY_COST_AT_ONCE: '0', ...env }, cwd: repoRoot() });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /is ready in [\d.]+ s: (http:\/\/localhost:\d+\/graphql)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({
          child,
          url: ready[1],
          output: () => output,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
