import type { Context } from '../context';
import { invalidState, notFound } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { ConnectionArgs, Page, pageRequest, toPage } from '../common/pagination';
import { AuditFilter } from './audit-trail.type';
import { AUDIT_ORDERING, auditPage, toAuditEvent } from './audit-trail.queries';
import { AuditEventNode } from './audit-trail.type';
import { eraseApplicants } from './erasure.service';
import { exportApplicantData } from './export.service';
import { RetentionSweep, sweepRetention } from './retention';

export async function auditTrail(ctx: Context, filter: AuditFilter | null | undefined, args: ConnectionArgs): Promise<Page<AuditEventNode>> {
  const request = pageRequest(args, AUDIT_ORDERING);
  const page = await auditPage(
    ctx.db,
    {
      applicantId: filter?.applicantId ? fromGlobalId('Applicant', filter.applicantId, 'filter.applicantId') : undefined,
      actorId: filter?.userId ? fromGlobalId('User', filter.userId, 'filter.userId') : undefined,
      kinds: filter?.kinds ?? undefined,
      from: filter?.from ?? undefined,
      to: filter?.to ?? undefined,
    },
    request,
  );
  return toPage(page, toAuditEvent);
}

export async function applicantDataExport(ctx: Context, applicantGlobalId: string): Promise<Record<string, unknown>> {
  const applicantId = fromGlobalId('Applicant', applicantGlobalId, 'applicantId');
  const data = await exportApplicantData(ctx.db, applicantId, { actorId: ctx.user!.id, requestId: ctx.requestId });
  if (!data) throw notFound('Applicant', applicantGlobalId, 'applicantId');
  return { ...data, applicantId: applicantGlobalId };
}

/** A data subject's request (or an officer's decision): erased now, whatever the retention. */
export async function eraseApplicant(ctx: Context, applicantGlobalId: string): Promise<string> {
  const applicantId = fromGlobalId('Applicant', applicantGlobalId, 'applicantId');
  const row = await ctx.db('applicant as a')
    .where('a.id', applicantId)
    .first('a.anonymised_at', ctx.db.raw(`exists (select 1 from agenda_item ai join review_session s on s.id = ai.session_id where ai.applicant_id = a.id and s.status = 'OPEN') as on_open_agenda`));
  if (!row) throw notFound('Applicant', applicantGlobalId, 'applicantId');
  if (row.anonymised_at) throw invalidState('This applicant has already been erased.', 'applicantId');
  if (row.on_open_agenda) throw invalidState('The applicant is on the agenda of an open session: erase them once it closes.', 'applicantId');
  const operation = ctx.audit.current;
  await ctx.db.transaction((trx) =>
    eraseApplicants(trx, [applicantId], { actorId: ctx.user!.id, requestId: ctx.requestId, operationId: operation?.operationId ?? null, action: operation?.action ?? 'eraseApplicant' }),
  );
  return applicantId;
}

export function eraseExpiredApplicants(ctx: Context, dryRun: boolean): Promise<RetentionSweep> {
  return sweepRetention(ctx.db, {
    defaultMonths: ctx.services.defaultRetentionMonths,
    actorId: ctx.user!.id,
    requestId: ctx.requestId,
    operationId: ctx.audit.current?.operationId ?? null,
    dryRun,
  });
}
