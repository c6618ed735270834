import { Check, Entity, Index, ManyToOne, Property, Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Portfolio } from './portfolio.entity';

@Entity()
@Index({ properties: ['portfolio'] })
@Check({ name: 'portfolio_item_year_check', expression: 'year is null or year >= 1900 and year <= 2100' })
export class PortfolioItem extends BaseEntity {
  @ManyToOne(() => Portfolio, { ref: true, deleteRule: 'cascade' })
  portfolio: Ref<Portfolio>;

  @Property({ type: 'text' })
  title: string;

  @Property({ type: 'text' })
  medium: string;

  @Property({ type: 'text', nullable: true })
  url?: string | null;

  @Property({ type: 'integer', nullable: true })
  year?: number | null;

  @Property({ type: 'integer' })
  position: number;
}
