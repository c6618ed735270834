import { ACTING_SETTINGS } from '../db/acting';

/**
 * The audit trail's database side: the triggers that write a CHANGE row for every insert, update
 * and delete of an applicant's data (before and after as JSON, so they know nothing of the
 * services that make the changes), and the guard that makes `audit_event` append-only for every
 * role, the application's included.
 */

const setting = (name: string) => `nullif(current_setting('${name}', true), '')`;

const CHANGE_FUNCTION = `
create or replace function conclave_audit_change() returns trigger language plpgsql as $$
declare
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  subject uuid := (coalesce(new_row, old_row) ->> tg_argv[0])::uuid;
begin
  if old_row = new_row then return null; end if;
  -- A row that names its applicant through its parent (portfolio_item → portfolio).
  if tg_nargs > 1 and subject is not null then
    execute format('select applicant_id from %I where id = $1', tg_argv[1]) into subject using subject;
  end if;
  insert into audit_event (kind, action, actor_id, request_id, operation_id, applicant_ids, table_name, operation, before, after)
  values ('CHANGE', coalesce(${setting(ACTING_SETTINGS.action)}, 'database'), ${setting(ACTING_SETTINGS.actorId)}::uuid,
          ${setting(ACTING_SETTINGS.requestId)}, ${setting(ACTING_SETTINGS.operationId)}::uuid,
          case when subject is null then '{}'::uuid[] else array[subject] end, tg_table_name, tg_op, old_row, new_row);
  return null;
end $$`;

/**
 * Append-only. The one change allowed is erasure's: blanking before, after and details once
 * (setting redacted_at) on rows about an applicant who has been anonymised, every other column
 * unchanged. So who did what and when stays, whoever holds the database role.
 */
const APPEND_ONLY_FUNCTION = `
create or replace function conclave_audit_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and old.redacted_at is null and new.redacted_at is not null
     and new.before is null and new.after is null and new.details is null
     and (new.id, new.occurred_at, new.kind, new.action, new.actor_id, new.request_id, new.operation_id, new.applicant_ids, new.outcome, new.table_name, new.operation)
         is not distinct from
         (old.id, old.occurred_at, old.kind, old.action, old.actor_id, old.request_id, old.operation_id, old.applicant_ids, old.outcome, old.table_name, old.operation)
     and exists (select 1 from applicant a where a.id = any(old.applicant_ids) and a.anonymised_at is not null) then
    return new;
  end if;
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = '42501';
end $$`;

const APPEND_ONLY_TRIGGERS: Routine[] = [
  { on: 'audit_event', sql: `create or replace trigger conclave_audit_append_only before update or delete on audit_event for each row execute function conclave_audit_append_only()` },
  { on: 'audit_event', sql: `create or replace trigger conclave_audit_no_truncate before truncate on audit_event for each statement execute function conclave_audit_append_only()` },
];

/** A statement, and the table it needs: skipped while a migration has yet to create that table. */
export interface Routine {
  sql: string;
  on?: string;
}

export interface AuditedTable {
  table: string;
  applicant: { column: string } | { parent: { column: string; table: string } };
}

/** The statements that install the trail for these tables, and remove it from tables no longer listed. */
export function auditRoutines(tables: AuditedTable[]): Routine[] {
  const names = tables.map((t) => `'${t.table}'`).join(', ');
  return [
    { sql: CHANGE_FUNCTION },
    { sql: APPEND_ONLY_FUNCTION },
    ...APPEND_ONLY_TRIGGERS,
    ...tables.map((t) => {
      const args = 'column' in t.applicant ? `'${t.applicant.column}'` : `'${t.applicant.parent.column}', '${t.applicant.parent.table}'`;
      return { on: t.table, sql: `create or replace trigger conclave_audit_change after insert or update or delete on ${t.table} for each row execute function conclave_audit_change(${args})` };
    }),
    {
      sql: `do $$ declare r record; begin
       for r in select c.relname from pg_trigger g join pg_class c on c.oid = g.tgrelid
                 where g.tgname = 'conclave_audit_change' and c.relname not in (${names || "''"}) loop
         execute format('drop trigger conclave_audit_change on %I', r.relname);
       end loop;
     end $$`,
    },
  ];
}
