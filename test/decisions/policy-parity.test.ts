import { randomUUID } from 'node:crypto';
import { AdmissionCondition as C, ConditionStatus, DecisionOutcome } from '../../src/decisions/decision.enums';
import { admissionStatus, admissionStatusSql, decisionVisibleSql, mayViewDecision } from '../../src/decisions/policy';
import { openOrm, Orm } from '../../src/db/orm';
import { createTestDatabase } from '../support/database';

/** The SQL twins of decisions/policy.ts against the predicates, on the same rows. */
let orm: Orm;

beforeAll(async () => {
  orm = await openOrm(await createTestDatabase(), { poolMax: 2 });
});
afterAll(() => orm.close());

test('where an admission stands: admissionStatusSql and admissionStatus agree on every mix of condition states', async () => {
  const states = [null, ConditionStatus.OUTSTANDING, ConditionStatus.MET, ConditionStatus.FAILED];
  const kinds = [C.RECOGNITION_OF_PRIOR_EDUCATION, C.ENGLISH_EXAM, C.ENGLISH_LANGUAGE_SCHOOL, C.PREPARATORY_COURSES];
  const decisions: { id: string; outcome: DecisionOutcome; conditions: { id: string; kind: C; status: ConditionStatus }[] }[] = [];
  const mixes = kinds.reduce<(ConditionStatus | null)[][]>((all) => all.flatMap((mix) => states.map((s) => [...mix, s])), [[]]);
  for (const outcome of [DecisionOutcome.ADMIT, DecisionOutcome.ADMIT_AS_TRANSFER, DecisionOutcome.WAITLIST]) {
    for (const mix of mixes) {
      decisions.push({
        id: randomUUID(),
        outcome,
        conditions: mix.flatMap((status, i) => (status ? [{ id: randomUUID(), kind: kinds[i], status }] : [])),
      });
    }
  }
  // A stand-in decision_condition table in this transaction only, so every mix can be written at once.
  const rows = await orm.em.getKnex().transaction(async (trx) => {
    await trx.raw('create temp table decision_condition (id uuid, decision_id uuid, kind text, status text) on commit drop');
    const conditions = decisions.flatMap((d) => d.conditions.map((c) => ({ ...c, decision_id: d.id })));
    await trx('decision_condition').insert(conditions);
    const values = decisions.map((d) => `('${d.id}'::uuid, '${d.outcome}')`).join(', ');
    return (await trx.raw(`select d.id, ${admissionStatusSql('d')} as status from (values ${values}) as d(id, outcome)`)).rows;
  });
  const bySql = new Map(rows.map((r: any) => [r.id, r.status]));
  for (const d of decisions) expect({ d, status: bySql.get(d.id) }).toEqual({ d, status: admissionStatus(d.outcome, d.conditions) });
  expect(new Set(rows.map((r: any) => r.status))).toEqual(new Set([null, 'FINAL', 'CONDITIONS_OUTSTANDING', 'CONDITION_FAILED']));
});

test('what a viewer sees of a decision: decisionVisibleSql and mayViewDecision agree', async () => {
  const conflictedWith = randomUUID();
  const rows = [
    { applicant: conflictedWith, published: false },
    { applicant: conflictedWith, published: true },
    { applicant: randomUUID(), published: false },
    { applicant: randomUUID(), published: true },
  ];
  for (const isOfficer of [true, false]) {
    const fragment = decisionVisibleSql('d', { isOfficer, conflictedApplicantIds: [conflictedWith] });
    const values = rows.map((r, i) => `(${i}, '${r.applicant}'::uuid, ${r.published ? 'now()' : 'null::timestamptz'})`).join(', ');
    const { rows: judged } = await orm.em.getKnex().raw(`select d.i, ${fragment.sql} as visible from (values ${values}) as d(i, applicant_id, published_at) order by d.i`, fragment.bindings);
    expect(judged.map((r: any) => r.visible)).toEqual(rows.map((r) => mayViewDecision({ isOfficer, conflicted: r.applicant === conflictedWith, published: r.published })));
  }
});
