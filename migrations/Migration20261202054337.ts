import { Migration } from '@mikro-orm/migrations';

export class Migration20261202054337 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "preparatory_course" ("id" uuid not null, "created_at" timestamptz not null default now(), "program_id" uuid not null, "code" text not null, "title" text not null, "ects" smallint not null, "position" int not null, constraint "preparatory_course_pkey" primary key ("id"), constraint preparatory_course_ects_check check (ects >= 1 and ects <= 30));`);
    this.addSql(`alter table "preparatory_course" add constraint "preparatory_course_program_id_code_unique" unique ("program_id", "code");`);

    this.addSql(`create table "english_certificate" ("id" uuid not null, "created_at" timestamptz not null default now(), "applicant_id" uuid not null, "test" text check ("test" in ('IELTS_ACADEMIC', 'TOEFL_IBT')) not null, "score" numeric(5,1) not null, "position" smallint not null default 0, constraint "english_certificate_pkey" primary key ("id"), constraint english_certificate_score_check check ((test = 'IELTS_ACADEMIC' and score >= 0 and score <= 9) or (test = 'TOEFL_IBT' and score >= 0 and score <= 120)));`);
    this.addSql(`create index "english_certificate_applicant_id_index" on "english_certificate" ("applicant_id");`);

    this.addSql(`create table "decision_condition" ("id" uuid not null, "created_at" timestamptz not null default now(), "decision_id" uuid not null, "kind" text check ("kind" in ('PREPARATORY_COURSES', 'MISSING_PREREQUISITES', 'ENGLISH_EXAM', 'ENGLISH_LANGUAGE_SCHOOL', 'RECOGNITION_OF_PRIOR_EDUCATION', 'COMMITTEE_REQUIREMENT')) not null, "required" boolean not null, "description" text not null, "status" text check ("status" in ('OUTSTANDING', 'MET', 'FAILED')) not null default 'OUTSTANDING', "courses" jsonb null, "acceptance_signed_on" date null, "course_results" jsonb null, "taken_course_codes" text[] not null default '{}', "exam_taken_on" date null, "exam_passed" boolean null, "placement_level" smallint null, "school_result" text check ("school_result" in ('ATTENDING', 'COMPLETED', 'NOT_COMPLETED')) null, "school_result_on" date null, "recognition_decided_on" date null, "recognised" boolean null, "recognition_reference" text null, "requirement_checked_on" date null, "requirement_met" boolean null, "note" text null, "recorded_at" timestamptz null, "recorded_by_id" uuid null, constraint "decision_condition_pkey" primary key ("id"), constraint decision_condition_placement_check check (placement_level is null or placement_level >= 1 and placement_level <= 4));`);
    this.addSql(`create index "decision_condition_decision_id_index" on "decision_condition" ("decision_id");`);
    this.addSql(`alter table "decision_condition" add constraint "decision_condition_decision_id_kind_description_unique" unique ("decision_id", "kind", "description");`);

    this.addSql(`alter table "preparatory_course" add constraint "preparatory_course_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "english_certificate" add constraint "english_certificate_applicant_id_foreign" foreign key ("applicant_id") references "applicant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "decision_condition" add constraint "decision_condition_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "decision_condition" add constraint "decision_condition_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session_event" drop constraint if exists "session_event_type_check";`);

    this.addSql(`alter table "session_event" add constraint "session_event_type_check" check("type" in ('SESSION_OPENED', 'CURRENT_APPLICANT_CHANGED', 'APPLICANT_UP_NEXT', 'VOTE_CAST', 'VOTE_CHANGED', 'COMMENT_POSTED', 'VOTING_CLOSED', 'SCORES_REVEALED', 'DECISION_RECORDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'SESSION_CLOSED', 'CONDITION_RECORDED', 'ADMISSION_FINAL', 'TALLY_CHANGED'));`);

    this.addSql(`alter table "decision" add column "rejection_reason" text check ("rejection_reason" in ('IMPROPER_DOCUMENTS', 'MINIMUM_GRADE_NOT_MET', 'MISSING_REFERENCES', 'MISSING_PORTFOLIO', 'NO_RELEVANT_BACKGROUND', 'COMMITTEE_JUDGEMENT')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "preparatory_course" cascade;`);

    this.addSql(`drop table if exists "english_certificate" cascade;`);

    this.addSql(`drop table if exists "decision_condition" cascade;`);

    this.addSql(`alter table "session_event" drop constraint if exists "session_event_type_check";`);

    this.addSql(`alter table "decision" drop column "rejection_reason";`);

    this.addSql(`alter table "session_event" add constraint "session_event_type_check" check("type" in ('SESSION_OPENED', 'CURRENT_APPLICANT_CHANGED', 'APPLICANT_UP_NEXT', 'VOTE_CAST', 'VOTE_CHANGED', 'COMMENT_POSTED', 'VOTING_CLOSED', 'SCORES_REVEALED', 'DECISION_RECORDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'SESSION_CLOSED', 'TALLY_CHANGED'));`);
  }

}
