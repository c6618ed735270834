import { Migration } from '@mikro-orm/migrations';

/** The log's ACCESS_CHANGED events (events/session-event.entity.ts AccessEventType): a seat or an applicant's visibility taken away. */
export class Migration20261203003000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "session_event" drop constraint if exists "session_event_type_check";`);
    this.addSql(`alter table "session_event" add constraint "session_event_type_check" check("type" in ('SESSION_OPENED', 'CURRENT_APPLICANT_CHANGED', 'APPLICANT_UP_NEXT', 'VOTE_CAST', 'VOTE_CHANGED', 'COMMENT_POSTED', 'VOTING_CLOSED', 'SCORES_REVEALED', 'DECISION_RECORDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'SESSION_CLOSED', 'CONDITION_RECORDED', 'ADMISSION_FINAL', 'TALLY_CHANGED', 'ACCESS_CHANGED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "session_event" where "type" = 'ACCESS_CHANGED';`);
    this.addSql(`alter table "session_event" drop constraint if exists "session_event_type_check";`);
    this.addSql(`alter table "session_event" add constraint "session_event_type_check" check("type" in ('SESSION_OPENED', 'CURRENT_APPLICANT_CHANGED', 'APPLICANT_UP_NEXT', 'VOTE_CAST', 'VOTE_CHANGED', 'COMMENT_POSTED', 'VOTING_CLOSED', 'SCORES_REVEALED', 'DECISION_RECORDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'SESSION_CLOSED', 'CONDITION_RECORDED', 'ADMISSION_FINAL', 'TALLY_CHANGED'));`);
  }

}
