import type { Context } from '../context';
import { CAPS, ensureRoom } from '../common/caps';
import { Applicant } from '../applicants/applicant.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput, invalidState } from '../common/errors';
import { inTransaction } from '../common/transaction';
import { optionalText, requireIntegerBetween, requireText } from '../common/validation';
import type { EntityManager } from '@mikro-orm/postgresql';
import { watchAgendas } from '../reviews/agenda.guard';
import { PortfolioItem } from './portfolio-item.entity';
import { Portfolio } from './portfolio.entity';

export interface PortfolioItemFields {
  title: string;
  medium: string;
  url?: string | null;
  year?: number | null;
}

async function portfolioOf(em: EntityManager, applicantId: string): Promise<Portfolio> {
  const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
  return (await em.findOne(Portfolio, { applicant })) ?? em.create(Portfolio, { applicant });
}

export async function setPortfolioStatement(ctx: Context, applicantId: string, statement: string | null): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const portfolio = await portfolioOf(em, applicantId);
    portfolio.statement = optionalText('statement', statement);
    return portfolio.id;
  });
}

export async function addPortfolioItem(ctx: Context, applicantId: string, fields: PortfolioItemFields): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const portfolio = await portfolioOf(em, applicantId);
    if (fields.url && !/^https?:\/\/\S+$/i.test(fields.url)) throw badInput('url', 'url must be an http(s) address.');
    await ensureRoom(em, CAPS.portfolioItemsPerApplicant, portfolio, () => em.count(PortfolioItem, { portfolio }));
    const last = await em.findOne(PortfolioItem, { portfolio }, { orderBy: { position: 'desc' } });
    const item = em.create(PortfolioItem, {
      portfolio,
      title: requireText('title', fields.title),
      medium: requireText('medium', fields.medium, 100),
      url: fields.url || null,
      year: fields.year === undefined || fields.year === null ? null : requireIntegerBetween('year', fields.year, 1900, 2100),
      position: last ? last.position + 1 : 0,
    });
    return item.id;
  });
}

export async function removePortfolioItem(ctx: Context, id: string): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const item = await findByGlobalId(em, PortfolioItem, 'PortfolioItem', id, 'id');
    // A submitted portfolio left empty no longer counts: not while the applicant stands on an open agenda.
    const portfolio = await em.findOneOrFail(Portfolio, item.portfolio.id);
    const agendas = await watchAgendas(em, { applicantIds: [portfolio.applicant.id] });
    em.remove(item);
    await agendas.assertStillStand('id');
    return item.portfolio.id;
  });
}

/** A portfolio counts for the review once submitted, and only with at least one item. */
export async function submitPortfolio(ctx: Context, applicantId: string): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const portfolio = await portfolioOf(em, applicantId);
    if (portfolio.submittedAt) throw invalidState('The portfolio was already submitted.', 'applicantId');
    if ((await em.count(PortfolioItem, { portfolio })) === 0) throw invalidState('Add at least one item before submitting the portfolio.', 'applicantId');
    portfolio.submittedAt = new Date();
    return portfolio.id;
  });
}
