import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { argNumber, autocannon, fixed, hasFlag, machineLine, percentile, root, scratchDatabase, startConclave } from './support/bench-kit';
import { BenchWorld, CAST_VOTE, seedBenchWorld, voteInput } from './support/bench-world';
import { summariseProfileIn } from './support/profile-summary';

/**
 * `npm run bench:votes [-- --seconds 10 --members 50]`: members vote and change votes at once
 * through a real server process (each commit writes the vote, its scores, its revision and its
 * event, and wakes the subscribers); beside it, pgbench runs a single-row upsert transaction on
 * the same PostgreSQL, as the physical limit. Writes bench/RESULTS-votes.md.
 */
const APPLICANTS = 20;

interface Options {
  seconds: number;
  members: number;
  /** Also profile the server (node --cpu-prof) and summarise where its time goes. */
  profile?: boolean;
}

async function voteLoad(serverUrl: string, world: BenchWorld, seconds: number, versionsOf: Map<string, number>[]) {
  const latencies: number[] = [];
  let refused = 0;
  let firstRefusal: unknown;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    world.memberTokens.map(async (token, m) => {
      const versions = (versionsOf[m] ??= new Map<string, number>());
      for (let i = 0; Date.now() < deadline; i++) {
        const applicantId = world.applicantIds[(m + i) % APPLICANTS];
        const started = performance.now();
        const response = await fetch(serverUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: CAST_VOTE, variables: { input: voteInput(world, applicantId, i, versions.get(applicantId)) } }),
        });
        const body = (await response.json()) as any;
        if (body.errors) {
          refused++;
          firstRefusal ??= body.errors[0];
          continue;
        }
        latencies.push(performance.now() - started);
        versions.set(applicantId, body.data.castVote.version);
      }
    }),
  );
  if (firstRefusal) console.log(`first refusal: ${JSON.stringify(firstRefusal)}`);
  latencies.sort((a, b) => a - b);
  return { committed: latencies.length, refused, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The same server answering its smallest authenticated request: what HTTP, Apollo and the token check cost alone. */
async function smallestRequestRate(url: string, token: string, connections: number, seconds: number): Promise<number> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error('the smallest request failed under load');
  return result.requests.total / seconds;
}

function pgbench(url: string, clients: number, seconds: number): number | null {
  const script = path.join(os.tmpdir(), 'conclave-upsert.sql');
  writeFileSync(
    script,
    `\\set m random(1, ${clients})\n\\set a random(1, ${APPLICANTS})\n` +
      `insert into bench_vote (member, applicant, score) values (:m, :a, 3) on conflict (member, applicant) do update set score = excluded.score, version = bench_vote.version + 1;\n`,
  );
  try {
    execFileSync('psql', [url, '-qc', 'create table if not exists bench_vote (member int, applicant int, score int, version int default 1, primary key (member, applicant))']);
    const out = execFileSync('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, url]).toString();
    return Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  } catch (error) {
    console.log(`pgbench comparison skipped: ${(error as Error).message.split('\n')[0]} (pgbench ships with PostgreSQL)`);
    return null;
  }
}

export async function runVotes(options: Options) {
  const database = await scratchDatabase('conclave_bench_votes');
  const profileDir = options.profile ? mkdtempSync(path.join(os.tmpdir(), 'conclave-votes-profile-')) : null;
  const api = await startConclave(database.url, {}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []); // it applies the migrations
  try {
    const world = await seedBenchWorld(database.url, { members: options.members, applicants: APPLICANTS });
    const versions: Map<string, number>[] = []; // each member's last version of each vote, kept across the runs
    await voteLoad(api.url, world, 1, versions); // warm-up
    const votes = await voteLoad(api.url, world, options.seconds, versions);
    const ceiling = await smallestRequestRate(api.url, world.memberTokens[0], options.members, options.seconds);
    const tps = pgbench(database.url, options.members, options.seconds);
    console.log(`votes committed: ${votes.perSecond.toFixed(0)}/s (p50 ${votes.p50.toFixed(1)} ms, p99 ${votes.p99.toFixed(1)} ms, ${votes.refused} refused)`);
    if (tps) console.log(`pgbench single-row upsert: ${tps.toFixed(0)} tps → ratio ${((votes.perSecond / tps) * 100).toFixed(0)}%`);
    await api.stop();
    const profile = profileDir ? summariseProfileIn(profileDir) : null;
    return { votes, tps, ceiling, profile };
  } finally {
    await api.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await database.drop();
  }
}

export function votesSection(result: Awaited<ReturnType<typeof runVotes>>, options: Options): string {
  const { votes, tps, ceiling, profile } = result;
  const ratio = tps ? votes.perSecond / tps : null;
  return [
    '## Votes under load',
    '',
    `${options.members} members vote and change votes on ${APPLICANTS} applicants for ${options.seconds} s through one server process (HTTP, castVote with ` +
      'expectedVersion, each member one request at a time). Each commit writes the vote, its criterion scores, its revision and its session event, ' +
      'then wakes subscribers. pgbench runs a single-row upsert with as many clients on the same PostgreSQL right after, as the physical limit.',
    '',
    '| | per second | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    `| castVote through Conclave | ${votes.perSecond.toFixed(0)} | ${fixed(votes.p50)} | ${fixed(votes.p99)} |`,
    `| pgbench single-row upsert, ${options.members} clients | ${tps ? tps.toFixed(0) : 'skipped'} | | |`,
    `| the same server answering \`{ me { id } }\` (autocannon, ${options.members} connections) | ${ceiling.toFixed(0)} | | |`,
    '',
    ratio
      ? `Ratio: **${(ratio * 100).toFixed(1)}%** of the pgbench upsert rate (target: at least 40%${ratio < 0.4 ? `, missed by a factor of ${fixed(0.4 / ratio, 0)}` : ''}).`
      : 'pgbench was not available: no ratio.',
    `A vote runs at ${((votes.perSecond / ceiling) * 100).toFixed(0)}% of the rate at which this server answers its smallest authenticated request: ` +
      'most of a vote\'s cost is the HTTP and GraphQL request itself, not the database.',
    '',
    ...(profile ? ['### Where the server spends its CPU under this load', '', profile, ''] : []),
  ].join('\n');
}

async function main() {
  const options = { seconds: argNumber('seconds', 10), members: argNumber('members', 50), profile: hasFlag('profile') };
  const result = await runVotes(options);
  const section = votesSection(result, options);
  console.log(section);
  if (!hasFlag('no-write')) writeFileSync(path.join(root, 'bench', 'RESULTS-votes.md'), `# Votes under load\n\n${machineLine()}\n\n${section}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
