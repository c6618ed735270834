import { randomUUID } from 'node:crypto';
import { openOrm, Orm } from '../../src/db/orm';
import { visaFreeWeekId, visaFreeWeekSql } from '../../src/intakes/policy';
import { createTestDatabase } from '../support/database';

/** The visa-free week judged in SQL (review weeks read with visaFreeOnly) and by intakes/policy.ts, on the same weeks. */
let orm: Orm;

beforeAll(async () => {
  orm = await openOrm(await createTestDatabase(), { poolMax: 2 });
});
afterAll(() => orm.close());

test('visaFreeWeekSql marks exactly the week visaFreeWeekId names, in every intake', async () => {
  const db = orm.em.getKnex();
  const intakes = [
    ['2021-10-01', ['2021-05-25', '2021-06-24', '2021-07-25', '2021-09-01']],
    ['2021-02-15', ['2021-01-25', '2020-10-25', '2020-12-25', '2020-11-24']],
    ['2022-02-15', ['2021-11-01']],
    ['2022-10-01', []],
  ] as const;
  const weeks: { id: string; intakeId: string; startsOn: string; endsOn: string }[] = [];
  for (const [i, [startsOn, starts]] of intakes.entries()) {
    const [intake] = await db('intake').insert({ id: randomUUID(), code: `P${i}`, name: `Intake ${i}`, starts_on: startsOn }).returning('id');
    for (const start of starts) weeks.push({ id: randomUUID(), intakeId: intake.id, startsOn: start, endsOn: start });
  }
  if (weeks.length) await db('review_week').insert(weeks.map((w, n) => ({ id: w.id, intake_id: w.intakeId, label: `w${n}`, starts_on: w.startsOn, ends_on: w.endsOn })));
  const { rows } = await db.raw(`select w.id, ${visaFreeWeekSql('w')} as visa_free from review_week w`);
  for (const row of rows) {
    const week = weeks.find((w) => w.id === row.id)!;
    expect(row.visa_free).toBe(visaFreeWeekId(weeks.filter((w) => w.intakeId === week.intakeId)) === week.id);
  }
  expect(rows.filter((r: any) => r.visa_free)).toHaveLength(3);
});
