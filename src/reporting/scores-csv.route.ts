import express from 'express';
import { AuditKind } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit-recorder';
import { UserRole } from '../auth/user.entity';
import { mapDatabaseError } from '../common/database-errors';
import { AppError, badInput, ErrorCode, forbidden, unauthenticated } from '../common/errors';
import { DateScalar } from '../common/scalars';
import type { ContextFactory } from '../context';
import type { Logger } from '../logger';
import { requestIdOf } from '../observability/request-id';
import { isRateLimited, retryAfterOf } from '../server/rate-limits';
import { streamScoresCsv } from './export.queries';
import { reportScope } from './report-scope';
import type { ReportFilter } from './report.types';

/** What each refusal is answered with; anything else is a bug (500, logged). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.QUERY_TIMEOUT]: 503,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

const FILTER_IDS = ['intakeId', 'programId', 'weekId'] as const;
const FILTER_DATES = ['from', 'to'] as const;

/** `?intakeId=…&programId=…&weekId=…&from=YYYY-MM-DD&to=…`: the GraphQL ReportFilter, from the query string. */
function filterFrom(query: express.Request['query']): ReportFilter {
  const filter: ReportFilter = {};
  for (const [name, value] of Object.entries(query)) {
    if (![...FILTER_IDS, ...FILTER_DATES].includes(name as never)) throw badInput(name, `Unknown parameter ${name}: the filter takes ${[...FILTER_IDS, ...FILTER_DATES].join(', ')}.`);
    if (typeof value !== 'string') throw badInput(`filter.${name}`, `${name} must be given once.`);
  }
  for (const name of FILTER_IDS) if (typeof query[name] === 'string') filter[name] = query[name] as string;
  for (const name of FILTER_DATES) {
    if (typeof query[name] !== 'string') continue;
    try {
      filter[name] = DateScalar.parseValue(query[name]) as string;
    } catch {
      throw badInput(`filter.${name}`, `${name} must be a date, YYYY-MM-DD, from 1900 to 2200.`);
    }
  }
  return filter;
}

/**
 * GET /reports/scores.csv: the raw per-criterion scores (the `scoresCsv` query's CSV), streamed
 * as PostgreSQL returns it, for exports too large to build in memory (millions of rows for an
 * intake). Officers only, with a bearer token like /graphql; the export is in the audit trail
 * (a READ row naming every applicant in it) before its first row is sent. A failure after the
 * first bytes ends the response without its last chunk, so no client takes a cut file for whole.
 */
export function scoresCsvRoute(createContext: ContextFactory, logger: Logger): express.Router {
  const router = express.Router();
  router.get('/scores.csv', async (req, res) => {
    const requestId = requestIdOf(res);
    let started = false;
    try {
      const context = await createContext(req.headers.authorization, requestId, { ip: req.ip });
      if (!context.user) throw unauthenticated();
      if (context.user.role !== UserRole.OFFICER) throw forbidden('The scores export is for officers.');
      const scope = await reportScope(context, filterFrom(req.query));
      const audited = async (applicantIds: string[]) => {
        await recordAudit(context.db, [{ kind: AuditKind.READ, action: 'scoresCsv', actorId: context.user!.id, requestId, applicantIds }]);
        res.status(200).setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', 'attachment; filename="scores.csv"');
        res.setHeader('Cache-Control', 'no-store');
        started = true;
      };
      const write = (chunk: string) => new Promise<void>((resolve, reject) => {
        if (res.destroyed) return reject(new Error('the client went away'));
        if (res.write(chunk)) resolve();
        else res.once('drain', resolve).once('close', () => reject(new Error('the client went away')));
      });
      await streamScoresCsv(context.db, scope, audited, write);
      res.end();
    } catch (caught) {
      const error = mapDatabaseError(caught);
      if (started) {
        if (!res.destroyed) logger.error(`[${requestId}] The scores export failed after it started; the response was cut`, error);
        res.destroy();
        return;
      }
      const status = error instanceof AppError ? STATUS[error.extensions.code as ErrorCode] : undefined;
      if (!status || !(error instanceof AppError)) {
        logger.error(`[${requestId}] The scores export failed`, error);
        return void res.status(500).json({ errors: [{ message: `Internal server error (reference ${requestId}).`, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      }
      if (isRateLimited(error)) res.setHeader('Retry-After', String(retryAfterOf(error)));
      const { http: _http, ...extensions } = error.extensions;
      res.status(status).json({ errors: [{ message: error.message, extensions }] });
    }
  });
  return router;
}
