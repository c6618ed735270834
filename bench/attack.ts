import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { toGlobalId } from '../src/common/global-id';
import { argCount, argNumber, benchTokens, Budget, budgetFrom, fixed, graphql, httpLoad, LoadResult, machineLine, root, scratchDatabase, startConclave } from './support/bench-kit';
import { CONCLAVE_AGENDA } from './nested-read';
import { generateNestedReadData } from './nested-read-data';

/**
 * `npm run bench:attack`: the agenda read (nested-read.ts's page) by legitimate clients, alone and
 * then while an attacker sends the most expensive documents the query limits still accept (an
 * applicant page of 100 with their files, agendas at their caps, 100 ids to nodes()). Both runs
 * in the same process against the same server; the figure is the legitimate clients' p99 with
 * the attacker over their p99 without (the issue's target: within 1.5×).
 */
const APPLICANTS = argNumber('applicants', 2000);
const SECONDS = argNumber('seconds', 10);
const REQUESTS = argCount('requests');
const CLIENTS = 8;
const ATTACKERS = 4;

/** Just under QUERY_MAX_COST and QUERY_MAX_DEPTH (measured by the server's own limiter when it accepts them). */
export const ATTACK_PAGE = `query Attack {
  applicants(first: 100) {
    totalCount
    nodes {
      id fullName email nationality ects grade { value scale }
      eligibility { route complete referencesComplete portfolioSubmitted minimumGradeMet issues }
      references { id refereeName refereeInstitution status receivedAt }
      portfolioItems { id title medium url year }
      agendaItems { id position tally { voteCount overall { mean stdDev min max } } }
    }
  }
}`;
export const ATTACK_NODES = `query AttackNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on ReviewSession { title agenda { id position applicant { id fullName } } } } }`;

interface Options {
  applicants: number;
  seconds: number;
  requests?: number | null;
}

export interface AttackResult {
  alone: LoadResult;
  attacked: LoadResult;
  attacker: LoadResult;
  budget: Budget;
}

function bodiesLoad(url: string, token: string, bodies: string[], connections: number, budget: Budget): Promise<LoadResult> {
  let next = 0;
  return httpLoad(
    { url, connections, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, requests: [{ setupRequest: (request: object) => ({ ...request, body: bodies[next++ % bodies.length] }) }] },
    budget,
  );
}

export async function runAttack(options: Options): Promise<AttackResult> {
  const database = await scratchDatabase(`conclave_bench_attack_${options.applicants}`);
  const conclave = await startConclave(database.url);
  try {
    console.log(`generating ${options.applicants} applicants…`);
    await generateNestedReadData(database.url, options.applicants);
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const officer = (await db.query(`select id from app_user where role = 'OFFICER'`)).rows[0].id;
    const sessionIds: string[] = (await db.query(`select id from review_session order by title limit 100`)).rows.map((r) => r.id);
    await db.end();
    const [token] = await benchTokens(database.url, [officer]);

    const legit = sessionIds.slice(0, 40).map((id) => JSON.stringify({ query: CONCLAVE_AGENDA, variables: { id: toGlobalId('ReviewSession', id) } }));
    const ids = sessionIds.map((id) => toGlobalId('ReviewSession', id));
    const attack = [JSON.stringify({ query: ATTACK_PAGE }), JSON.stringify({ query: ATTACK_NODES, variables: { ids } })];
    // The attacker's documents are accepted: a refused one would measure nothing.
    await graphql(conclave.url, token, ATTACK_PAGE);
    const nodes = await graphql(conclave.url, token, ATTACK_NODES, { ids });
    console.log(`attacker's documents accepted: an applicant page of 100, ${nodes.nodes.length} sessions by id`);

    const budget = budgetFrom(options.seconds, options.requests ?? null);
    await bodiesLoad(conclave.url, token, legit, CLIENTS, budgetFrom(2, options.requests ? CLIENTS : null)); // warm-up
    const alone = await bodiesLoad(conclave.url, token, legit, CLIENTS, budget);
    console.log(`legitimate alone: ${alone.answered} answered, ${alone.errors} errors, p50 ${alone.p50} ms, p99 ${alone.p99} ms`);
    const [attacked, attacker] = await Promise.all([
      bodiesLoad(conclave.url, token, legit, CLIENTS, budget),
      bodiesLoad(conclave.url, token, attack, ATTACKERS, budget),
    ]);
    console.log(`legitimate with attacker: ${attacked.answered} answered, ${attacked.errors} errors, p50 ${attacked.p50} ms, p99 ${attacked.p99} ms`);
    console.log(`attacker: ${attacker.answered} answered, ${attacker.errors} errors, p99 ${attacker.p99} ms`);
    console.log(`legitimate p99 with the attacker / without: ${fixed(attacked.p99 / alone.p99, 2)}×`);
    return { alone, attacked, attacker, budget };
  } finally {
    await conclave.stop();
    await database.drop();
  }
}

export function attackSection(result: AttackResult, options: Options): string {
  const row = (name: string, r: LoadResult) => `| ${name} | ${fixed(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.answered} | ${r.errors} |`;
  return [
    '## Agenda reads under attack',
    '',
    `${CLIENTS} legitimate clients read agendas (nested-read's page, ${options.applicants} applicants) for ${options.seconds} s alone, then again while ${ATTACKERS} attacker connections send the most expensive documents the limits accept (an applicant page of 100 with their files; 100 sessions with their agendas through nodes(ids:)). One server process, same run.`,
    '',
    '| load | req/s | p50 ms | p99 ms | answered | errors |',
    '|---|---|---|---|---|---|',
    row('legitimate, alone', result.alone),
    row('legitimate, with attacker', result.attacked),
    row('attacker', result.attacker),
    '',
    `Legitimate p99 with the attacker / without: **${fixed(result.attacked.p99 / result.alone.p99, 2)}×** (target 1.5×).`,
    '',
  ].join('\n');
}

if (require.main === module) {
  const options = { applicants: APPLICANTS, seconds: SECONDS, requests: REQUESTS };
  runAttack(options)
    .then((result) => {
      const section = attackSection(result, options);
      console.log(section);
      // The smoke test's counted runs are not a measurement: only a timed run is written.
      if (!REQUESTS) writeFileSync(path.join(root, 'bench', 'RESULTS-attack.md'), ['# Benchmark results: limits under attack', '', machineLine(), 'Server, load generators and PostgreSQL share the same cores.', '', section].join('\n'));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
