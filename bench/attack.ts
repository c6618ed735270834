import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { toGlobalId } from '../src/common/global-id';
import { argCount, argNumber, benchTokens, Budget, budgetFrom, fixed, graphql, httpLoad, LoadResult, machineLine, median, root, scratchDatabase, startConclave } from './support/bench-kit';
import { CONCLAVE_AGENDA } from './nested-read';
import { generateNestedReadData } from './nested-read-data';

/**
 * `npm run bench:attack`: the agenda read (nested-read.ts's page) by legitimate clients, alone and
 * then while an attacker sends the most expensive documents the query limits still accept (an
 * applicant page of 100 with their files, agendas at their caps, 100 ids to nodes()). Both runs
 * in the same process against the same server, which runs with the product's rate limits
 * (the per-user query cost budget included); the figure is the legitimate clients' p99 with
 * the attacker over their p99 without (the issue's target: within 1.5×). The legitimate load is
 * many people, each request signed by the next of LEGITIMATE_USERS officers; the attacker is one
 * signed-in user on ATTACKERS connections.
 */
const APPLICANTS = argNumber('applicants', 2000);
const SECONDS = argNumber('seconds', 10);
const REQUESTS = argCount('requests');
const ROUNDS = argNumber('rounds', REQUESTS ? 1 : 3);
const CLIENTS = 8;
const ATTACKERS = 4;
const LEGITIMATE_USERS = 100;
/** The server's RATE_LIMIT_QUERY_COST and its window: the product's defaults unless given. */
const BUDGET = argNumber('budget', 250_000);
const BUDGET_SECONDS = argNumber('budget-seconds', 10);
/** The server's RATE_LIMIT_QUERY_COST_AT_ONCE: one user's cost running at once (the product's default unless given). */
const AT_ONCE = argNumber('at-once', 50_000);

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
  rounds: number;
  requests?: number | null;
}

export interface AttackRound {
  alone: LoadResult;
  attacked: LoadResult;
  attacker: LoadResult;
}

export interface AttackResult {
  rounds: AttackRound[];
  budget: Budget;
}

/** Requests cycling through `bodies`, each signed by the next of `tokens`. */
function bodiesLoad(url: string, tokens: string[], bodies: string[], connections: number, budget: Budget): Promise<LoadResult> {
  let next = 0;
  const sign = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  return httpLoad(
    { url, connections, headers: sign(tokens[0]), requests: [{ setupRequest: (request: object) => ({ ...request, headers: sign(tokens[next % tokens.length]), body: bodies[next++ % bodies.length] }) }] },
    budget,
  );
}

export async function runAttack(options: Options): Promise<AttackResult> {
  const database = await scratchDatabase(`conclave_bench_attack_${options.applicants}`);
  // The product's default rate limits, not the other benches' "off": they are what is measured.
  const conclave = await startConclave(database.url, { RATE_LIMIT_MUTATIONS: '60', RATE_LIMIT_AUTH_FAILURES: '30', RATE_LIMIT_QUERY_COST: String(BUDGET), RATE_LIMIT_QUERY_COST_SECONDS: String(BUDGET_SECONDS), RATE_LIMIT_QUERY_COST_AT_ONCE: String(AT_ONCE) });
  try {
    console.log(`generating ${options.applicants} applicants…`);
    await generateNestedReadData(database.url, options.applicants);
    const db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(`insert into app_user (id, email, name, role) select gen_random_uuid(), 'reader' || n || '@bench.example', 'Reader ' || n, 'OFFICER' from generate_series(1, ${LEGITIMATE_USERS}) n`);
    const readers: string[] = (await db.query(`select id from app_user where email like 'reader%@bench.example'`)).rows.map((r) => r.id);
    const attackerId = (await db.query(`select id from app_user where email = 'officer@bench.example'`)).rows[0].id;
    const sessionIds: string[] = (await db.query(`select id from review_session order by title limit 100`)).rows.map((r) => r.id);
    await db.end();
    const [token, ...readerTokens] = await benchTokens(database.url, [attackerId, ...readers]);

    const legit = sessionIds.slice(0, 40).map((id) => JSON.stringify({ query: CONCLAVE_AGENDA, variables: { id: toGlobalId('ReviewSession', id) } }));
    const ids = sessionIds.map((id) => toGlobalId('ReviewSession', id));
    const attack = [JSON.stringify({ query: ATTACK_PAGE }), JSON.stringify({ query: ATTACK_NODES, variables: { ids } })];
    // The attacker's documents are accepted: a refused one would measure nothing.
    await graphql(conclave.url, token, ATTACK_PAGE);
    const nodes = await graphql(conclave.url, token, ATTACK_NODES, { ids });
    console.log(`attacker's documents accepted: an applicant page of 100, ${nodes.nodes.length} sessions by id`);

    const budget = budgetFrom(options.seconds, options.requests ?? null);
    await bodiesLoad(conclave.url, readerTokens, legit, CLIENTS, budgetFrom(2, options.requests ? CLIENTS : null)); // warm-up
    // Alone and attacked in turn, so a neighbour's load on the shared machine falls on both halves of a round.
    const rounds: AttackRound[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const alone = await bodiesLoad(conclave.url, readerTokens, legit, CLIENTS, budget);
      console.log(`legitimate alone: ${alone.answered} answered, ${alone.errors} errors, p50 ${alone.p50} ms, p99 ${alone.p99} ms`);
      const [attacked, attacker] = await Promise.all([
        bodiesLoad(conclave.url, readerTokens, legit, CLIENTS, budget),
        bodiesLoad(conclave.url, [token], attack, ATTACKERS, budget),
      ]);
      console.log(`legitimate with attacker: ${attacked.answered} answered, ${attacked.errors} errors, p50 ${attacked.p50} ms, p99 ${attacked.p99} ms`);
      console.log(`attacker: ${attacker.answered} answered, ${attacker.refused} refused (429), ${attacker.errors - attacker.refused} other errors, p99 ${attacker.p99} ms`);
      console.log(`legitimate p99 with the attacker / without: ${fixed(attacked.p99 / alone.p99, 2)}×`);
      rounds.push({ alone, attacked, attacker });
    }
    return { rounds, budget };
  } finally {
    await conclave.stop();
    await database.drop();
  }
}

export function attackSection(result: AttackResult, options: Options): string {
  const ratio = (round: AttackRound) => round.attacked.p99 / round.alone.p99;
  const cells = (r: LoadResult) => `${fixed(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.answered} | ${r.refused} | ${r.errors - r.refused}`;
  const rows = result.rounds.flatMap((round, index) => [
    `| ${index + 1} | legitimate, alone | ${cells(round.alone)} | |`,
    `| ${index + 1} | legitimate, with attacker | ${cells(round.attacked)} | **${fixed(ratio(round), 2)}×** |`,
    `| ${index + 1} | attacker | ${cells(round.attacker)} | |`,
  ]);
  return [
    '## Agenda reads under attack',
    '',
    `${CLIENTS} legitimate clients read agendas (nested-read's page, ${options.applicants} applicants) for ${options.seconds} s alone, then again while ${ATTACKERS} attacker connections send the most expensive documents the limits accept (an applicant page of 100 with their files; 100 sessions with their agendas through nodes(ids:)); ${result.rounds.length} such rounds. One server process with the default rate limits (a query cost budget of ${BUDGET.toLocaleString('en')} per user per ${BUDGET_SECONDS} s, of which ${AT_ONCE.toLocaleString('en')} may run at once), same run. The legitimate requests are signed by ${LEGITIMATE_USERS} officers in turn; the attacker is one user.`,
    '',
    '| round | load | req/s | p50 ms | p99 ms | answered | refused (429) | other errors | p99 with / without |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Legitimate p99 with the attacker / without, median of the rounds: **${fixed(median(result.rounds.map(ratio)), 2)}×** (target 1.5×).`,
    '',
  ].join('\n');
}

if (require.main === module) {
  const options = { applicants: APPLICANTS, seconds: SECONDS, rounds: ROUNDS, requests: REQUESTS };
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
