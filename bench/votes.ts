import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { argCount, argNumber, Budget, budgetFrom, fixed, hasFlag, httpLoad, machineLine, percentile, root, scratchDatabase, startConclave } from './support/bench-kit';
import { BenchWorld, CAST_VOTE, seedBenchWorld, voteInput } from './support/bench-world';
import { summariseProfileIn } from './support/profile-summary';

/**
 * `npm run bench:votes [-- --seconds 10 --members 50]`: members vote and change votes at once
 * through a real server process (each commit writes the vote, its scores, its revision and its
 * event, and wakes the subscribers); beside it, pgbench runs a single-row upsert transaction on
 * the same PostgreSQL, as the physical limit. Writes bench/RESULTS-votes.md. `--votes N` sends
 * exactly N votes per member (and N of everything else) instead of loading for `--seconds`.
 */
const APPLICANTS = 20;

interface Options {
  seconds: number;
  /** Votes per member (and requests per connection for the other loads) instead of `seconds`. */
  votes?: number | null;
  members: number;
  /** Also profile the server (node --cpu-prof) and summarise where its time goes. */
  profile?: boolean;
}

async function voteLoad(serverUrl: string, world: BenchWorld, budget: Budget, versionsOf: Map<string, number>[]) {
  const latencies: number[] = [];
  let refused = 0;
  let firstRefusal: unknown;
  const started = performance.now();
  const deadline = 'seconds' in budget ? Date.now() + budget.seconds * 1000 : Infinity;
  const perMember = 'requests' in budget ? budget.requests : Infinity;
  await Promise.all(
    world.memberTokens.map(async (token, m) => {
      const versions = (versionsOf[m] ??= new Map<string, number>());
      for (let i = 0; i < perMember && Date.now() < deadline; i++) {
        const applicantId = world.applicantIds[(m + i) % APPLICANTS];
        const sent = performance.now();
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
        latencies.push(performance.now() - sent);
        versions.set(applicantId, body.data.castVote.version);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (firstRefusal) console.log(`first refusal: ${JSON.stringify(firstRefusal)}`);
  latencies.sort((a, b) => a - b);
  return { committed: latencies.length, refused, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/**
 * What a user would check before trusting a rate: every committed vote is stored with its
 * revision, and each member's last answered version is the one in the database.
 */
async function checkStored(databaseUrl: string, committed: number, versionsOf: Map<string, number>[]): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const revisions = Number((await db.query('select count(*) from vote_revision')).rows[0].count);
    const stored = (await db.query('select version from vote order by version')).rows.map((r) => Number(r.version));
    const expected = versionsOf.flatMap((versions) => [...versions.values()]).sort((a, b) => a - b);
    if (revisions !== committed || JSON.stringify(stored) !== JSON.stringify(expected)) {
      throw new Error(`stored votes disagree with the answers: ${revisions} revisions for ${committed} committed votes; versions ${JSON.stringify(stored)} against ${JSON.stringify(expected)}`);
    }
    return `checked: ${committed} committed votes stored as ${revisions} revisions, ${stored.length} votes at the versions their members were given`;
  } finally {
    await db.end();
  }
}

/** The same server answering its smallest authenticated request: what HTTP, Apollo and the token check cost alone. */
async function smallestRequestRate(url: string, token: string, connections: number, budget: Budget): Promise<number> {
  const result = await httpLoad(
    { url, connections, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { id } }' }) },
    budget,
  );
  if (result.errors > 0) throw new Error('the smallest request failed under load');
  return result.requestsPerSecond;
}

function pgbench(url: string, clients: number, budget: Budget): { tps: number; transactions: number } | null {
  const script = path.join(os.tmpdir(), 'conclave-upsert.sql');
  writeFileSync(
    script,
    `\\set m random(1, ${clients})\n\\set a random(1, ${APPLICANTS})\n` +
      `insert into bench_vote (member, applicant, score) values (:m, :a, 3) on conflict (member, applicant) do update set score = excluded.score, version = bench_vote.version + 1;\n`,
  );
  try {
    execFileSync('psql', [url, '-qc', 'create table if not exists bench_vote (member int, applicant int, score int, version int default 1, primary key (member, applicant))']);
    const length = 'seconds' in budget ? ['-T', String(budget.seconds)] : ['-t', String(budget.requests)];
    const out = execFileSync('pgbench', ['-n', '-c', String(clients), '-j', '2', ...length, '-f', script, url]).toString();
    return { tps: Number(/tps = ([\d.]+)/.exec(out)?.[1]), transactions: Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1]) };
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
    const budget = budgetFrom(options.seconds, options.votes ?? null);
    const warmUp = await voteLoad(api.url, world, budgetFrom(1, options.votes ?? null), versions);
    const votes = await voteLoad(api.url, world, budget, versions);
    const check = await checkStored(database.url, warmUp.committed + votes.committed, versions);
    // As many requests as the members' votes (autocannon counts requests over all connections).
    const ceiling = await smallestRequestRate(api.url, world.memberTokens[0], options.members, options.votes ? { requests: options.votes * options.members } : budget);
    const upserts = pgbench(database.url, options.members, budget);
    const tps = upserts?.tps ?? null;
    console.log(`votes committed: ${votes.committed} of ${options.votes ? options.votes * options.members : votes.committed + votes.refused} sent, ${votes.perSecond.toFixed(0)}/s (p50 ${votes.p50.toFixed(1)} ms, p99 ${votes.p99.toFixed(1)} ms, ${votes.refused} refused)`);
    console.log(check);
    if (upserts) console.log(`pgbench single-row upsert: ${upserts.transactions} transactions, ${upserts.tps.toFixed(0)} tps → ratio ${((votes.perSecond / upserts.tps) * 100).toFixed(0)}%`);
    await api.stop(); // writes the CPU profile
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
    `${options.members} members vote and change votes on ${APPLICANTS} applicants for ${options.votes ? `${options.votes} votes each` : `${options.seconds} s`} through one server process (HTTP, castVote with ` +
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
  const options = { seconds: argNumber('seconds', 10), votes: argCount('votes'), members: argNumber('members', 50), profile: hasFlag('profile') };
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
