import { Migration } from '@mikro-orm/migrations';

export class Migration20261123141508 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "session_event" ("id" bigserial primary key, "session_id" uuid not null, "xid" xid8 not null default pg_current_xact_id(), "type" text check ("type" in ('SESSION_OPENED', 'CURRENT_APPLICANT_CHANGED', 'APPLICANT_UP_NEXT', 'VOTE_CAST', 'VOTE_CHANGED', 'COMMENT_POSTED', 'VOTING_CLOSED', 'SCORES_REVEALED', 'DECISION_RECORDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'SESSION_CLOSED', 'TALLY_CHANGED')) not null, "applicant_id" uuid null, "actor_id" uuid null, "data" jsonb not null default '{}', "occurred_at" timestamptz not null default now());`);
    this.addSql(`create index "session_event_feed_index" on "session_event" ("session_id", "xid", "id");`);

    this.addSql(`create table "session_comment" ("id" uuid not null, "created_at" timestamptz not null default now(), "session_id" uuid not null, "applicant_id" uuid not null, "author_id" uuid not null, "visibility" text check ("visibility" in ('COMMITTEE', 'CHAIR_AND_OFFICERS', 'PRIVATE')) not null, "body" text not null, constraint "session_comment_pkey" primary key ("id"));`);
    this.addSql(`create index "session_comment_session_id_applicant_id_index" on "session_comment" ("session_id", "applicant_id");`);

    this.addSql(`create table "vote_revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "vote_id" uuid not null, "version" int not null, "recommendation" text check ("recommendation" in ('ADMIT', 'ADMIT_AS_TRANSFER', 'WAITLIST', 'REJECT', 'ABSTAIN')) not null, "confidence" smallint not null, "comment" text null, "proposed_scholarship" smallint null, "scores" jsonb not null, constraint "vote_revision_pkey" primary key ("id"));`);
    this.addSql(`alter table "vote_revision" add constraint "vote_revision_vote_id_version_unique" unique ("vote_id", "version");`);

    this.addSql(`alter table "session_event" add constraint "session_event_session_id_foreign" foreign key ("session_id") references "review_session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "session_comment" add constraint "session_comment_session_id_foreign" foreign key ("session_id") references "review_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session_comment" add constraint "session_comment_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session_comment" add constraint "session_comment_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "vote_revision" add constraint "vote_revision_vote_id_foreign" foreign key ("vote_id") references "vote" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "review_session" add column "current_item_id" uuid null, add column "opened_at" timestamptz null, add column "closed_at" timestamptz null;`);
    this.addSql(`alter table "review_session" add constraint "review_session_current_item_id_foreign" foreign key ("current_item_id") references "agenda_item" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "agenda_item" add column "voting_opened_at" timestamptz null, add column "voting_closed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "session_event" cascade;`);

    this.addSql(`drop table if exists "session_comment" cascade;`);

    this.addSql(`drop table if exists "vote_revision" cascade;`);

    this.addSql(`alter table "review_session" drop constraint "review_session_current_item_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop column "voting_opened_at", drop column "voting_closed_at";`);

    this.addSql(`alter table "review_session" drop column "current_item_id", drop column "opened_at", drop column "closed_at";`);
  }

}
