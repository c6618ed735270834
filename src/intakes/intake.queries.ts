import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { keysetPage, ordering, Page, PageRequest, toPage } from '../common/pagination';
import { IntakeNode, ReviewWeekNode } from './intake.type';
import { visaFreeWeekSql } from './policy';

function toIntake(row: any): IntakeNode {
  return Object.assign(new IntakeNode(), {
    id: toGlobalId('Intake', row.id),
    dbId: row.id,
    code: row.code,
    name: row.name,
    startsOn: row.starts_on,
    retentionMonths: row.retention_months,
  });
}

function toWeek(row: any): ReviewWeekNode {
  return Object.assign(new ReviewWeekNode(), {
    id: toGlobalId('ReviewWeek', row.id),
    dbId: row.id,
    intakeId: row.intake_id,
    label: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    visaFreeOnly: row.visa_free_only,
  });
}

export async function intakesById(db: Knex, ids: readonly string[]): Promise<IntakeNode[]> {
  return (await db('intake').whereIn('id', ids)).map(toIntake);
}

/** The newest intake first (the one being admitted to); the id breaks ties. */
export const INTAKE_ORDERING = ordering('intakes', 'starts_on', 'desc', [{ sql: 'i.starts_on', type: 'date' }, { sql: 'i.id', type: 'uuid' }]);

export async function intakePage(db: Knex, page: PageRequest): Promise<Page<IntakeNode>> {
  return toPage(await keysetPage(db, db('intake as i').select('i.*'), page), toIntake);
}

/** A week with whether it is its intake's visa-free one, judged in SQL by the policy's twin. */
function selectWeeks(db: Knex) {
  return db('review_week as w').select('w.*', db.raw(`${visaFreeWeekSql('w')} as visa_free_only`));
}

export async function weeksById(db: Knex, ids: readonly string[]): Promise<ReviewWeekNode[]> {
  return (await selectWeeks(db).whereIn('w.id', ids)).map(toWeek);
}

export async function weeksByIntake(db: Knex, intakeIds: readonly string[]): Promise<ReviewWeekNode[]> {
  return (await selectWeeks(db).whereIn('w.intake_id', intakeIds).orderBy('w.starts_on')).map(toWeek);
}
