import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { timestamp } from '../common/scalars';
import { PortfolioItemNode, PortfolioNode } from './portfolio.type';

function toPortfolio(row: any): PortfolioNode {
  return Object.assign(new PortfolioNode(), {
    id: toGlobalId('Portfolio', row.id),
    dbId: row.id,
    applicantId: row.applicant_id,
    statement: row.statement,
    submittedAt: timestamp(row.submitted_at),
  });
}

function toItem(row: any): PortfolioItemNode {
  return Object.assign(new PortfolioItemNode(), {
    id: toGlobalId('PortfolioItem', row.id),
    dbId: row.id,
    portfolioId: row.portfolio_id,
    applicantId: row.applicant_id,
    title: row.title,
    medium: row.medium,
    url: row.url,
    year: row.year,
    position: row.position,
  });
}

export async function portfoliosById(db: Knex, ids: readonly string[]): Promise<PortfolioNode[]> {
  return (await db('portfolio').whereIn('id', ids)).map(toPortfolio);
}

export async function portfoliosByApplicant(db: Knex, applicantIds: readonly string[]): Promise<PortfolioNode[]> {
  return (await db('portfolio').whereIn('applicant_id', applicantIds)).map(toPortfolio);
}

const itemColumns = ['i.*', 'p.applicant_id'];

export async function portfolioItemsById(db: Knex, ids: readonly string[]): Promise<PortfolioItemNode[]> {
  return (await db('portfolio_item as i').join('portfolio as p', 'p.id', 'i.portfolio_id').whereIn('i.id', ids).select(itemColumns)).map(toItem);
}

/** Keyed by applicant so a page of applicants gets all its items in one statement. */
export async function portfolioItemsByApplicant(db: Knex, applicantIds: readonly string[]): Promise<PortfolioItemNode[]> {
  const rows = await db('portfolio_item as i')
    .join('portfolio as p', 'p.id', 'i.portfolio_id')
    .whereIn('p.applicant_id', applicantIds)
    .orderBy(['i.position', 'i.id'])
    .select(itemColumns);
  return rows.map(toItem);
}
