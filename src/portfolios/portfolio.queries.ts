import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { timestamp } from '../common/scalars';
import { PortfolioItemNode, PortfolioNode } from './portfolio.type';

export function toPortfolio(row: any): PortfolioNode {
  return Object.assign(new PortfolioNode(), {
    id: toGlobalId('Portfolio', row.id),
    dbId: row.id,
    applicantId: row.applicant_id,
    statement: row.statement,
    submittedAt: timestamp(row.submitted_at),
  });
}

export function toPortfolioItem(row: any): PortfolioItemNode {
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

const itemColumns = ['i.*', 'p.applicant_id'];

export async function portfolioItemsById(db: Knex, ids: readonly string[]): Promise<PortfolioItemNode[]> {
  return (await db('portfolio_item as i').join('portfolio as p', 'p.id', 'i.portfolio_id').whereIn('i.id', ids).select(itemColumns)).map(toPortfolioItem);
}
