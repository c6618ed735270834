import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "committee" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" text not null, constraint "committee_pkey" primary key ("id"));`);

    this.addSql(`create table "intake" ("id" uuid not null, "created_at" timestamptz not null default now(), "code" text not null, "name" text not null, "starts_on" date not null, constraint "intake_pkey" primary key ("id"));`);
    this.addSql(`alter table "intake" add constraint "intake_code_unique" unique ("code");`);

    this.addSql(`create table "program" ("id" uuid not null, "created_at" timestamptz not null default now(), "code" text not null, "name" text not null, "min_academic_references" int not null default 2, "portfolio_required" boolean not null default false, "relevant_background_required" boolean not null default false, constraint "program_pkey" primary key ("id"), constraint program_min_academic_references_check check (min_academic_references >= 0));`);
    this.addSql(`alter table "program" add constraint "program_code_unique" unique ("code");`);

    this.addSql(`create table "prerequisite_course" ("id" uuid not null, "created_at" timestamptz not null default now(), "program_id" uuid not null, "code" text not null, "title" text not null, constraint "prerequisite_course_pkey" primary key ("id"));`);
    this.addSql(`alter table "prerequisite_course" add constraint "prerequisite_course_program_id_code_unique" unique ("program_id", "code");`);

    this.addSql(`create table "committee_program" ("committee_id" uuid not null, "program_id" uuid not null, constraint "committee_program_pkey" primary key ("committee_id", "program_id"));`);

    this.addSql(`create table "applicant" ("id" uuid not null, "created_at" timestamptz not null default now(), "program_id" uuid not null, "intake_id" uuid not null, "first_name" text not null, "last_name" text not null, "email" text not null, "nationality" text not null, "needs_visa" boolean not null, "prior_institution" text not null, "prior_degree" text not null, "ects" int not null, "grade_value" numeric(5,2) not null, "grade_scale" text check ("grade_scale" in ('FOUR_POINT', 'HUNDRED_POINT')) not null, "english_test" text check ("english_test" in ('IELTS_ACADEMIC', 'TOEFL_IBT')) null, "english_score" numeric(5,1) null, "relevant_background" boolean not null default false, "completed_courses" text[] not null default '{}', "withdrawn_at" timestamptz null, "updated_at" timestamptz not null default now(), constraint "applicant_pkey" primary key ("id"), constraint applicant_english_check check ((english_test is null and english_score is null) or (english_test = 'IELTS_ACADEMIC' and english_score >= 0 and english_score <= 9) or (english_test = 'TOEFL_IBT' and english_score >= 0 and english_score <= 120)), constraint applicant_grade_check check ((grade_scale = 'FOUR_POINT' and grade_value >= 0 and grade_value <= 4) or (grade_scale = 'HUNDRED_POINT' and grade_value >= 0 and grade_value <= 100)), constraint applicant_ects_check check (ects >= 0 and ects <= 600));`);
    this.addSql(`create index "applicant_program_id_intake_id_index" on "applicant" ("program_id", "intake_id");`);
    this.addSql(`alter table "applicant" add constraint "applicant_intake_id_email_unique" unique ("intake_id", "email");`);

    this.addSql(`create table "portfolio" ("id" uuid not null, "created_at" timestamptz not null default now(), "applicant_id" uuid not null, "statement" text null, "submitted_at" timestamptz null, constraint "portfolio_pkey" primary key ("id"));`);
    this.addSql(`alter table "portfolio" add constraint "portfolio_applicant_id_unique" unique ("applicant_id");`);

    this.addSql(`create table "portfolio_item" ("id" uuid not null, "created_at" timestamptz not null default now(), "portfolio_id" uuid not null, "title" text not null, "medium" text not null, "url" text null, "year" int null, "position" int not null, constraint "portfolio_item_pkey" primary key ("id"), constraint portfolio_item_year_check check (year is null or year >= 1900 and year <= 2100));`);
    this.addSql(`create index "portfolio_item_portfolio_id_index" on "portfolio_item" ("portfolio_id");`);

    this.addSql(`create table "applicant_document" ("id" uuid not null, "created_at" timestamptz not null default now(), "applicant_id" uuid not null, "kind" text check ("kind" in ('DIPLOMA', 'TRANSCRIPT', 'PASSPORT', 'CV', 'MOTIVATION_LETTER', 'ENGLISH_CERTIFICATE', 'OTHER')) not null, "file_name" text not null, "quality" text check ("quality" in ('UNCHECKED', 'SCANNED', 'PHOTOGRAPHED')) not null default 'UNCHECKED', constraint "applicant_document_pkey" primary key ("id"));`);
    this.addSql(`create index "applicant_document_applicant_id_index" on "applicant_document" ("applicant_id");`);

    this.addSql(`create table "reference_letter" ("id" uuid not null, "created_at" timestamptz not null default now(), "applicant_id" uuid not null, "referee_name" text not null, "referee_email" text not null, "referee_institution" text not null, "academic" boolean not null, "status" text check ("status" in ('REQUESTED', 'RECEIVED')) not null default 'REQUESTED', "received_at" timestamptz null, constraint "reference_letter_pkey" primary key ("id"), constraint reference_letter_received_check check ((status = 'RECEIVED') = (received_at is not null)), constraint reference_letter_email_lower_check check (referee_email = lower(referee_email)));`);
    this.addSql(`create index "reference_letter_applicant_id_index" on "reference_letter" ("applicant_id");`);
    this.addSql(`alter table "reference_letter" add constraint "reference_letter_applicant_referee_unique" unique ("applicant_id", "referee_email");`);

    this.addSql(`create table "review_week" ("id" uuid not null, "created_at" timestamptz not null default now(), "intake_id" uuid not null, "label" text not null, "starts_on" date not null, "ends_on" date not null, "visa_free_only" boolean not null default false, constraint "review_week_pkey" primary key ("id"), constraint review_week_dates_check check (ends_on >= starts_on));`);
    this.addSql(`alter table "review_week" add constraint "review_week_intake_id_starts_on_unique" unique ("intake_id", "starts_on");`);

    this.addSql(`create table "review_session" ("id" uuid not null, "created_at" timestamptz not null default now(), "committee_id" uuid not null, "week_id" uuid not null, "title" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" text check ("status" in ('SCHEDULED', 'OPEN', 'CLOSED')) not null default 'SCHEDULED', "blind" boolean not null default true, constraint "review_session_pkey" primary key ("id"), constraint review_session_time_check check (ends_at > starts_at));`);
    this.addSql(`create index "review_session_week_id_index" on "review_session" ("week_id");`);
    this.addSql(`create index "review_session_committee_id_index" on "review_session" ("committee_id");`);

    this.addSql(`create table "agenda_item" ("id" uuid not null, "created_at" timestamptz not null default now(), "session_id" uuid not null, "applicant_id" uuid not null, "position" int not null, "voting_status" text check ("voting_status" in ('PENDING', 'OPEN', 'CLOSED')) not null default 'PENDING', "scores_revealed" boolean not null default false, constraint "agenda_item_pkey" primary key ("id"), constraint agenda_item_position_check check (position >= 0));`);
    this.addSql(`create index "agenda_item_applicant_id_index" on "agenda_item" ("applicant_id");`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_session_id_applicant_id_unique" unique ("session_id", "applicant_id");`);

    this.addSql(`create table "rubric_criterion" ("id" uuid not null, "created_at" timestamptz not null default now(), "program_id" uuid not null, "key" text not null, "name" text not null, "description" text not null, "weight" numeric(6,3) not null, "position" int not null, "level_descriptions" text[] not null, constraint "rubric_criterion_pkey" primary key ("id"), constraint rubric_criterion_levels_check check (cardinality(level_descriptions) = 5), constraint rubric_criterion_weight_check check (weight > 0));`);
    this.addSql(`alter table "rubric_criterion" add constraint "rubric_criterion_program_id_key_unique" unique ("program_id", "key");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "email" text not null, "name" text not null, "role" text check ("role" in ('OFFICER', 'COMMITTEE_MEMBER', 'REPORTER')) not null, "institution" text null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "decision" ("id" uuid not null, "created_at" timestamptz not null default now(), "applicant_id" uuid not null, "session_id" uuid null, "outcome" text check ("outcome" in ('ADMIT', 'ADMIT_AS_TRANSFER', 'WAITLIST', 'REJECT')) not null, "conditions" text[] not null default '{}', "reason" text null, "scholarship_percent" smallint null, "decided_by_id" uuid null, "published_at" timestamptz null, "tuition_paid_at" timestamptz null, "letter_issued_at" timestamptz null, constraint "decision_pkey" primary key ("id"), constraint decision_letter_check check (letter_issued_at is null or (published_at is not null and tuition_paid_at is not null)), constraint decision_reject_reason_check check (outcome <> 'REJECT' or reason is not null), constraint decision_scholarship_check check (scholarship_percent is null or scholarship_percent >= 0 and scholarship_percent <= 100));`);
    this.addSql(`alter table "decision" add constraint "decision_applicant_id_unique" unique ("applicant_id");`);

    this.addSql(`create table "conflict_of_interest" ("id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "applicant_id" uuid not null, "source" text check ("source" in ('DECLARED', 'SHARED_INSTITUTION', 'REFEREE')) not null, "reason" text not null, "declared_by_id" uuid null, "cleared_at" timestamptz null, "cleared_by_id" uuid null, constraint "conflict_of_interest_pkey" primary key ("id"), constraint conflict_detected_rows_are_clearances_check check (source = 'DECLARED' or cleared_at is not null), constraint conflict_cleared_check check ((cleared_at is null) = (cleared_by_id is null)));`);
    this.addSql(`alter table "conflict_of_interest" add constraint "conflict_of_interest_user_id_applicant_id_source_unique" unique ("user_id", "applicant_id", "source");`);

    this.addSql(`create table "committee_member" ("id" uuid not null, "created_at" timestamptz not null default now(), "committee_id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('CHAIR', 'MEMBER')) not null, constraint "committee_member_pkey" primary key ("id"));`);
    this.addSql(`create index "committee_member_user_id_index" on "committee_member" ("user_id");`);
    this.addSql(`alter table "committee_member" add constraint "committee_member_committee_id_user_id_unique" unique ("committee_id", "user_id");`);

    this.addSql(`create table "vote" ("id" uuid not null, "created_at" timestamptz not null default now(), "session_id" uuid not null, "applicant_id" uuid not null, "member_id" uuid not null, "recommendation" text check ("recommendation" in ('ADMIT', 'ADMIT_AS_TRANSFER', 'WAITLIST', 'REJECT', 'ABSTAIN')) not null, "confidence" smallint not null, "comment" text null, "proposed_scholarship" smallint null, "version" int not null default 1, "updated_at" timestamptz not null default now(), constraint "vote_pkey" primary key ("id"), constraint vote_version_check check (version >= 1), constraint vote_scholarship_check check (proposed_scholarship is null or proposed_scholarship >= 0 and proposed_scholarship <= 100), constraint vote_confidence_check check (confidence >= 1 and confidence <= 3));`);
    this.addSql(`create index "vote_applicant_id_index" on "vote" ("applicant_id");`);
    this.addSql(`alter table "vote" add constraint "vote_session_id_applicant_id_member_id_unique" unique ("session_id", "applicant_id", "member_id");`);

    this.addSql(`create table "vote_score" ("vote_id" uuid not null, "criterion_id" uuid not null, "score" smallint not null, constraint "vote_score_pkey" primary key ("vote_id", "criterion_id"), constraint vote_score_range_check check (score >= 1 and score <= 5));`);

    this.addSql(`alter table "prerequisite_course" add constraint "prerequisite_course_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "committee_program" add constraint "committee_program_committee_id_foreign" foreign key ("committee_id") references "committee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "committee_program" add constraint "committee_program_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "applicant" add constraint "applicant_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "applicant" add constraint "applicant_intake_id_foreign" foreign key ("intake_id") references "intake" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "portfolio" add constraint "portfolio_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "portfolio_item" add constraint "portfolio_item_portfolio_id_foreign" foreign key ("portfolio_id") references "portfolio" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "applicant_document" add constraint "applicant_document_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reference_letter" add constraint "reference_letter_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "review_week" add constraint "review_week_intake_id_foreign" foreign key ("intake_id") references "intake" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "review_session" add constraint "review_session_committee_id_foreign" foreign key ("committee_id") references "committee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "review_session" add constraint "review_session_week_id_foreign" foreign key ("week_id") references "review_week" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "agenda_item" add constraint "agenda_item_session_id_foreign" foreign key ("session_id") references "review_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "rubric_criterion" add constraint "rubric_criterion_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "decision" add constraint "decision_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "decision" add constraint "decision_session_id_foreign" foreign key ("session_id") references "review_session" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "decision" add constraint "decision_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "conflict_of_interest" add constraint "conflict_of_interest_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conflict_of_interest" add constraint "conflict_of_interest_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conflict_of_interest" add constraint "conflict_of_interest_declared_by_id_foreign" foreign key ("declared_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "conflict_of_interest" add constraint "conflict_of_interest_cleared_by_id_foreign" foreign key ("cleared_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "committee_member" add constraint "committee_member_committee_id_foreign" foreign key ("committee_id") references "committee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "committee_member" add constraint "committee_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "vote" add constraint "vote_session_id_foreign" foreign key ("session_id") references "review_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "vote" add constraint "vote_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "vote" add constraint "vote_member_id_foreign" foreign key ("member_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "vote_score" add constraint "vote_score_vote_id_foreign" foreign key ("vote_id") references "vote" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "vote_score" add constraint "vote_score_criterion_id_foreign" foreign key ("criterion_id") references "rubric_criterion" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "committee_program" drop constraint "committee_program_committee_id_foreign";`);

    this.addSql(`alter table "review_session" drop constraint "review_session_committee_id_foreign";`);

    this.addSql(`alter table "committee_member" drop constraint "committee_member_committee_id_foreign";`);

    this.addSql(`alter table "applicant" drop constraint "applicant_intake_id_foreign";`);

    this.addSql(`alter table "review_week" drop constraint "review_week_intake_id_foreign";`);

    this.addSql(`alter table "prerequisite_course" drop constraint "prerequisite_course_program_id_foreign";`);

    this.addSql(`alter table "committee_program" drop constraint "committee_program_program_id_foreign";`);

    this.addSql(`alter table "applicant" drop constraint "applicant_program_id_foreign";`);

    this.addSql(`alter table "rubric_criterion" drop constraint "rubric_criterion_program_id_foreign";`);

    this.addSql(`alter table "portfolio" drop constraint "portfolio_applicant_id_foreign";`);

    this.addSql(`alter table "applicant_document" drop constraint "applicant_document_applicant_id_foreign";`);

    this.addSql(`alter table "reference_letter" drop constraint "reference_letter_applicant_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_applicant_id_foreign";`);

    this.addSql(`alter table "decision" drop constraint "decision_applicant_id_foreign";`);

    this.addSql(`alter table "conflict_of_interest" drop constraint "conflict_of_interest_applicant_id_foreign";`);

    this.addSql(`alter table "vote" drop constraint "vote_applicant_id_foreign";`);

    this.addSql(`alter table "portfolio_item" drop constraint "portfolio_item_portfolio_id_foreign";`);

    this.addSql(`alter table "review_session" drop constraint "review_session_week_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_session_id_foreign";`);

    this.addSql(`alter table "decision" drop constraint "decision_session_id_foreign";`);

    this.addSql(`alter table "vote" drop constraint "vote_session_id_foreign";`);

    this.addSql(`alter table "vote_score" drop constraint "vote_score_criterion_id_foreign";`);

    this.addSql(`alter table "decision" drop constraint "decision_decided_by_id_foreign";`);

    this.addSql(`alter table "conflict_of_interest" drop constraint "conflict_of_interest_user_id_foreign";`);

    this.addSql(`alter table "conflict_of_interest" drop constraint "conflict_of_interest_declared_by_id_foreign";`);

    this.addSql(`alter table "conflict_of_interest" drop constraint "conflict_of_interest_cleared_by_id_foreign";`);

    this.addSql(`alter table "committee_member" drop constraint "committee_member_user_id_foreign";`);

    this.addSql(`alter table "vote" drop constraint "vote_member_id_foreign";`);

    this.addSql(`alter table "vote_score" drop constraint "vote_score_vote_id_foreign";`);

    this.addSql(`drop table if exists "committee" cascade;`);

    this.addSql(`drop table if exists "intake" cascade;`);

    this.addSql(`drop table if exists "program" cascade;`);

    this.addSql(`drop table if exists "prerequisite_course" cascade;`);

    this.addSql(`drop table if exists "committee_program" cascade;`);

    this.addSql(`drop table if exists "applicant" cascade;`);

    this.addSql(`drop table if exists "portfolio" cascade;`);

    this.addSql(`drop table if exists "portfolio_item" cascade;`);

    this.addSql(`drop table if exists "applicant_document" cascade;`);

    this.addSql(`drop table if exists "reference_letter" cascade;`);

    this.addSql(`drop table if exists "review_week" cascade;`);

    this.addSql(`drop table if exists "review_session" cascade;`);

    this.addSql(`drop table if exists "agenda_item" cascade;`);

    this.addSql(`drop table if exists "rubric_criterion" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "decision" cascade;`);

    this.addSql(`drop table if exists "conflict_of_interest" cascade;`);

    this.addSql(`drop table if exists "committee_member" cascade;`);

    this.addSql(`drop table if exists "vote" cascade;`);

    this.addSql(`drop table if exists "vote_score" cascade;`);
  }

}
