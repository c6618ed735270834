import { Migration } from '@mikro-orm/migrations';

/**
 * Data migration of issue 11 (written by hand; the schema migrations before and after it are
 * generated). Between them: the new tables exist and the old columns still do.
 *
 * - Each applicant's one English certificate becomes a row of english_certificate.
 * - Rejections get a rejection reason, read from the words of the old free-text reason.
 * - Each admission's conditions become tracked rows (status OUTSTANDING): every condition the
 *   facts require (recognition of prior education always; the preparatory courses on the
 *   conditional route; the English exam — or the English Language School where only that was
 *   recorded — without an accepted certificate; the prerequisites missing now), plus the second
 *   English path where both were recorded. A recorded condition that cannot apply (English for
 *   an accepted certificate, preparation on the regular route, prerequisites none of which is
 *   missing) is not carried over: it could never be met.
 * - Abstentions lose the scores the old API forced on them (they pulled means down).
 *
 * The rules are restated here as they stand at this migration, on purpose: a migration is a
 * snapshot, and must give the same result whatever the policy modules say later.
 */
export class Migration20261202054338RulesData extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into english_certificate (id, created_at, applicant_id, test, score, position)
      select gen_random_uuid(), a.created_at, a.id, a.english_test, a.english_score, 0
        from applicant a where a.english_test is not null and a.english_score is not null;`);

    this.addSql(`
      update decision set rejection_reason = case
        when reason ilike '%improper%' or reason ilike '%photograph%' then 'IMPROPER_DOCUMENTS'
        when reason ilike '%minimum%' or reason ilike '%cgpa%' or reason ilike '%grade%' then 'MINIMUM_GRADE_NOT_MET'
        when reason ilike '%portfolio%' then 'MISSING_PORTFOLIO'
        when reason ilike '%reference%' or reason ilike '%letter%' then 'MISSING_REFERENCES'
        when reason ilike '%background%' then 'NO_RELEVANT_BACKGROUND'
        else 'COMMITTEE_JUDGEMENT' end
       where outcome = 'REJECT';`);

    this.addSql(`
      with admissions as (
        select d.id as decision_id, d.outcome, d.conditions, a.ects, a.completed_courses, a.program_id,
               coalesce((a.english_test = 'IELTS_ACADEMIC' and a.english_score >= 6.0) or (a.english_test = 'TOEFL_IBT' and a.english_score >= 79), false) as english_ok
          from decision d join applicant a on a.id = d.applicant_id
         where d.outcome in ('ADMIT', 'ADMIT_AS_TRANSFER')),
      missing as (
        select ad.decision_id, json_agg(json_build_object('code', c.code, 'title', c.title) order by c.code) as courses, count(*) as n
          from admissions ad join prerequisite_course c on c.program_id = ad.program_id
         where ad.outcome = 'ADMIT'
           and not exists (select 1 from unnest(ad.completed_courses) done where upper(trim(done)) = upper(trim(c.code)))
         group by ad.decision_id),
      required as (
        select decision_id, 'RECOGNITION_OF_PRIOR_EDUCATION' as kind,
               'Every acceptance is conditional in law: prior education must be officially recognised after arrival.' as description
          from admissions
        union all
        select decision_id, 'PREPARATORY_COURSES',
               'A 3-year degree (180–239 ECTS): 10 courses / 60 ECTS of scientific preparation, passed with CGPA ≥ 2.5/4 and no N/A or F.'
          from admissions where outcome = 'ADMIT' and ects >= 180 and ects < 240
        union all
        select decision_id,
               case when 'ENGLISH_LANGUAGE_SCHOOL' = any(conditions) and not 'ENGLISH_EXAM' = any(conditions) then 'ENGLISH_LANGUAGE_SCHOOL' else 'ENGLISH_EXAM' end,
               'No accepted English certificate (IELTS Academic 6.0 or TOEFL iBT 79): the proficiency exam on arrival or the English Language School.'
          from admissions where not english_ok
        union all
        select ad.decision_id, 'MISSING_PREREQUISITES', m.n || ' prerequisite course(s) to take before starting.'
          from admissions ad join missing m using (decision_id)),
      second_english as (
        select decision_id, 'ENGLISH_LANGUAGE_SCHOOL' as kind from admissions
         where not english_ok and 'ENGLISH_LANGUAGE_SCHOOL' = any(conditions) and 'ENGLISH_EXAM' = any(conditions))
      insert into decision_condition (id, decision_id, kind, required, description, status, courses)
      select gen_random_uuid(), r.decision_id, r.kind, true, r.description, 'OUTSTANDING',
             case when r.kind = 'MISSING_PREREQUISITES' then (select m.courses from missing m where m.decision_id = r.decision_id) end
        from required r
      union all
      select gen_random_uuid(), s.decision_id, s.kind, true,
             'Recorded with the decision as a second way to meet the English requirement.', 'OUTSTANDING', null
        from second_english s;`);

    this.addSql(`delete from vote_score s using vote v where v.id = s.vote_id and v.recommendation = 'ABSTAIN';`);
  }

  override async down(): Promise<void> {
    // Back to one certificate and a list of condition kinds. Evidence recorded since, several
    // certificates beyond the first, and the abstentions' deleted scores cannot come back.
    this.addSql(`
      update applicant a set english_test = c.test, english_score = c.score
        from (select distinct on (applicant_id) applicant_id, test, score from english_certificate order by applicant_id, position, id) c
       where c.applicant_id = a.id;`);
    this.addSql(`
      update decision d set conditions = coalesce((select array_agg(distinct c.kind) from decision_condition c where c.decision_id = d.id), '{}');`);
    this.addSql(`update decision set rejection_reason = null, reason = coalesce(reason, rejection_reason) where outcome = 'REJECT';`);
    this.addSql(`delete from decision_condition;`);
    this.addSql(`delete from english_certificate;`);
  }
}
