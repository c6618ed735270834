import { Migration } from '@mikro-orm/migrations';

export class Migration20261202051523 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "occurred_at" timestamptz not null default now(), "kind" text check ("kind" in ('READ', 'MUTATION', 'CHANGE', 'EXPORT', 'ERASURE', 'SIGN_IN', 'SIGN_OUT')) not null, "action" text not null, "actor_id" uuid null, "request_id" text null, "operation_id" uuid null, "applicant_ids" uuid[] not null default '{}', "outcome" text null, "table_name" text null, "operation" text null, "before" jsonb null, "after" jsonb null, "details" jsonb null, "redacted_at" timestamptz null);`);
    this.addSql(`create index "audit_event_operation_index" on "audit_event" ("operation_id");`);
    this.addSql(`create index "audit_event_actor_index" on "audit_event" ("actor_id", "id");`);
    this.addSql(`create index "audit_event_applicant_ids_index" on "audit_event" using gin ("applicant_ids");`);

    this.addSql(`create table "auth_session" ("id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "method" text check ("method" in ('PASSWORD', 'OIDC', 'DEMO', 'CLI')) not null, "secret_hash" text not null, "expires_at" timestamptz not null, "user_agent" text null, "last_refreshed_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by_id" uuid null, constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_session_user_id_index" on "auth_session" ("user_id");`);

    this.addSql(`create table "user_password" ("user_id" uuid not null, "hash" text not null, "updated_at" timestamptz not null default now(), constraint "user_password_pkey" primary key ("user_id"));`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "auth_session" add constraint "auth_session_revoked_by_id_foreign" foreign key ("revoked_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user_password" add constraint "user_password_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "intake" add column "retention_months" int null;`);
    this.addSql(`alter table "intake" add constraint intake_retention_months_check check(retention_months is null or retention_months >= 1 and retention_months <= 1200);`);

    this.addSql(`alter table "applicant" add column "anonymised_at" timestamptz null;`);

    this.addSql(`alter table "app_user" add column "credentials_revoked_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "auth_session" cascade;`);

    this.addSql(`drop table if exists "user_password" cascade;`);

    this.addSql(`alter table "app_user" drop column "credentials_revoked_at";`);

    this.addSql(`alter table "applicant" drop column "anonymised_at";`);

    this.addSql(`alter table "intake" drop constraint intake_retention_months_check;`);
    this.addSql(`alter table "intake" drop column "retention_months";`);
  }

}
