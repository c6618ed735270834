import { Migration } from '@mikro-orm/migrations';

const VALUES = [1, 2, 3, 4, 5];

/**
 * The reports' running totals (reporting/score-aggregates.entity.ts) and each vote's overall
 * score, filled from the scores already stored; from here on the triggers of
 * reporting/score-aggregates.routines.ts keep them.
 */
export class Migration20261203145115 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "item_score_summary" ("session_id" uuid not null, "applicant_id" uuid not null, "votes" int not null default 0, "overall_sum" numeric not null default 0, "rounded1" int not null default 0, "rounded2" int not null default 0, "rounded3" int not null default 0, "rounded4" int not null default 0, "rounded5" int not null default 0, constraint "item_score_summary_pkey" primary key ("session_id", "applicant_id"));`);

    this.addSql(`create table "score_unit" ("session_id" uuid not null, "applicant_id" uuid not null, "criterion_id" uuid not null, "m" int not null default 0, "n1" int not null default 0, "n2" int not null default 0, "n3" int not null default 0, "n4" int not null default 0, "n5" int not null default 0, constraint "score_unit_pkey" primary key ("session_id", "applicant_id", "criterion_id"));`);

    this.addSql(`alter table "item_score_summary" add constraint "item_score_summary_session_id_foreign" foreign key ("session_id") references "review_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "item_score_summary" add constraint "item_score_summary_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "score_unit" add constraint "score_unit_session_id_foreign" foreign key ("session_id") references "review_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_unit" add constraint "score_unit_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_unit" add constraint "score_unit_criterion_id_foreign" foreign key ("criterion_id") references "rubric_criterion" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "vote" add column "overall" numeric null;`);

    this.addSql(`update vote v set overall = o.overall
      from (select vs.vote_id, sum(vs.score * rc.weight) / nullif(sum(rc.weight), 0) as overall
              from vote_score vs join rubric_criterion rc on rc.id = vs.criterion_id group by vs.vote_id) o
     where o.vote_id = v.id;`);
    this.addSql(`insert into score_unit (session_id, applicant_id, criterion_id, m, ${VALUES.map((v) => `n${v}`).join(', ')})
      select v.session_id, v.applicant_id, vs.criterion_id, count(*), ${VALUES.map((v) => `count(*) filter (where vs.score = ${v})`).join(', ')}
        from vote v join vote_score vs on vs.vote_id = v.id group by 1, 2, 3;`);
    this.addSql(`insert into item_score_summary (session_id, applicant_id, votes, overall_sum, ${VALUES.map((v) => `rounded${v}`).join(', ')})
      select session_id, applicant_id, count(*), sum(overall), ${VALUES.map((v) => `count(*) filter (where round(overall) = ${v})`).join(', ')}
        from vote where overall is not null group by 1, 2;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists conclave_vote_scores_inserted on vote_score;`);
    this.addSql(`drop trigger if exists conclave_vote_scores_deleted on vote_score;`);
    this.addSql(`drop trigger if exists conclave_vote_scores_updated on vote_score;`);
    this.addSql(`drop trigger if exists conclave_vote_deleted on vote;`);
    this.addSql(`drop trigger if exists conclave_rubric_weight_changed on rubric_criterion;`);
    this.addSql(`drop function if exists conclave_vote_scores_inserted(), conclave_vote_scores_deleted(), conclave_vote_scores_updated(), conclave_vote_deleted(), conclave_rubric_weight_changed(), conclave_refresh_vote_overall(uuid[]);`);
    this.addSql(`drop table if exists "item_score_summary" cascade;`);

    this.addSql(`drop table if exists "score_unit" cascade;`);

    this.addSql(`alter table "vote" drop column "overall";`);
  }

}
