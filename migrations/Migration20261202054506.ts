import { Migration } from '@mikro-orm/migrations';

export class Migration20261202054506 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "applicant" drop constraint applicant_english_check;`);
    this.addSql(`alter table "applicant" drop column "english_test", drop column "english_score";`);

    this.addSql(`alter table "review_week" drop column "visa_free_only";`);

    this.addSql(`alter table "decision" drop constraint decision_reject_reason_check;`);
    this.addSql(`alter table "decision" drop column "conditions";`);

    this.addSql(`alter table "decision" add constraint decision_reject_reason_check check((outcome = 'REJECT') = (rejection_reason is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "applicant" add column "english_test" text check ("english_test" in ('IELTS_ACADEMIC', 'TOEFL_IBT')) null, add column "english_score" numeric(5,1) null;`);
    this.addSql(`alter table "applicant" add constraint applicant_english_check check((english_test IS NULL) AND (english_score IS NULL)) OR ((english_test = 'IELTS_ACADEMIC'::text) AND (english_score >= (0) AND english_score <= (9)) OR (english_test = 'TOEFL_IBT'::text) AND (english_score >= (0) AND english_score <= (120)));`);

    this.addSql(`alter table "decision" drop constraint decision_reject_reason_check;`);

    this.addSql(`alter table "decision" add column "conditions" text[] not null default '{}';`);
    this.addSql(`alter table "decision" add constraint decision_reject_reason_check check((outcome <> 'REJECT'::text) OR (reason IS NOT NULL));`);

    this.addSql(`alter table "review_week" add column "visa_free_only" bool not null default false;`);
  }

}
