import { badInput } from '../../src/common/errors';
import { openOrm, Orm } from '../../src/db/orm';
import { PreparedStatement } from '../../src/db/prepared-statement';
import { mayViewVotes, mayViewVotesSql, VOTE_ALLOWED_SQL, VoteFacts, voteRefusal, VoteVisibilityFacts } from '../../src/reviews/policy';
import { createTestDatabase } from '../support/database';

/**
 * Where SQL judges by itself — castVote's one statement, the report scope's blind-mode rule — its
 * fragment and the predicate beside it in reviews/policy.ts must agree: both run here on the same
 * rows, every combination of the facts they read.
 */
let orm: Orm;

beforeAll(async () => {
  orm = await openOrm(await createTestDatabase(), { poolMax: 2 });
});
afterAll(() => orm.close());

const INPUT_PROBLEM = badInput('confidence', 'confidence must be an integer from 1 to 3.');
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function product<T extends Record<string, readonly unknown[]>>(axes: T): { [K in keyof T]: T[K][number] }[] {
  return Object.entries(axes).reduce<Record<string, unknown>[]>(
    (rows, [key, values]) => rows.flatMap((row) => values.map((value) => ({ ...row, [key]: value }))),
    [{}],
  ) as never;
}

const literal = (value: unknown): string => {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `array[${value.map((v) => `'${v}'`).join(', ')}]::uuid[]`;
  return `'${value}'`;
};

test('castVote: VOTE_ALLOWED_SQL allows exactly what voteRefusal does not refuse, for every combination of facts and request', async () => {
  const facts = product({
    session_found: [true, false],
    applicant_found: [true, false],
    member: [true, false],
    session_status: ['OPEN', 'CLOSED'],
    withdrawn: [false, true],
    on_agenda: [true, false],
    voting_status: ['OPEN', 'CLOSED', null],
    conflict_reason: [null, 'Relative'],
    rubric_ids: [[A, B], [A], []],
    current_version: [null, 1],
  }) as unknown as VoteFacts[];
  const columns = Object.keys(facts[0]);
  const values = facts.map((f, i) => `(${i}, ${columns.map((c) => literal((f as any)[c])).join(', ')})`).join(',\n');
  const statement = new PreparedStatement<{ i: number; allowed: boolean }>(
    'vote_allowed_parity',
    // As a WHERE clause judges it: unknown (a null fact) is not allowed.
    `select vf.i, coalesce((${VOTE_ALLOWED_SQL}), false) as allowed
       from (values ${values}) as vf(i, ${columns.join(', ')})
      order by vf.i`,
  );
  const requests = product({ inputValid: [true, false], abstain: [false, true], criterionIds: [[A, B], [A], [], [B]], expectedVersion: [null, 1, 2] });
  const judge = (f: VoteFacts, request: (typeof requests)[number]) =>
    voteRefusal(f, {
      ids: { session: 's', applicant: 'a' },
      inputProblem: request.inputValid ? null : INPUT_PROBLEM,
      abstain: request.abstain,
      criterionIds: request.criterionIds,
      expectedVersion: request.expectedVersion,
    });
  let allowedSomewhere = 0;
  for (const request of requests) {
    const rows = await statement.run(orm.em.getKnex(), { inputValid: request.inputValid, abstain: request.abstain, criterionIds: request.criterionIds, expectedVersion: request.expectedVersion });
    expect(rows).toHaveLength(facts.length);
    for (const row of rows) {
      const f = facts[row.i];
      const refusal = judge(f, request);
      if (row.allowed !== (refusal === null)) throw new Error(`disagree on ${JSON.stringify({ facts: f, request })}: SQL ${row.allowed}, predicate ${refusal?.message ?? 'allowed'}`);
      if (row.allowed) allowedSomewhere++;
    }
  }
  // Not a vacuous agreement: some combinations are allowed (abstaining or scoring, first vote or change).
  expect(allowedSomewhere).toBeGreaterThan(4);
});

test('blind mode and conflicts: mayViewVotesSql and mayViewVotes agree on every combination', async () => {
  const combos = product({ isOfficer: [true, false], sitsOnSession: [true, false], conflicted: [true, false], blind: [true, false], revealed: [true, false], hasVoted: [true, false] }) as VoteVisibilityFacts[];
  const names = Object.keys(combos[0]) as (keyof VoteVisibilityFacts)[];
  const values = combos.map((c, i) => `(${i}, ${names.map((n) => String(c[n])).join(', ')})`).join(', ');
  const fragment = mayViewVotesSql(Object.fromEntries(names.map((n) => [n, `f."${n}"`])) as never);
  const { rows } = await orm.em.getKnex().raw(`select f.i, ${fragment} as visible from (values ${values}) as f(i, ${names.map((n) => `"${n}"`).join(', ')}) order by f.i`);
  expect(rows.map((r: any) => r.visible)).toEqual(combos.map(mayViewVotes));
  expect(rows.filter((r: any) => r.visible).length).toBeGreaterThan(0);
  expect(rows.filter((r: any) => !r.visible).length).toBeGreaterThan(0);
});
