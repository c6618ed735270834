import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrate, openOrm, Orm } from '../src/db/orm';
import { repoRoot, resolveTestAdminUrl, withDatabase } from '../src/db/postgres-server';
import { visaFreeWeekSql } from '../src/intakes/policy';
import { committeeWork, decisionsPerDay } from '../src/reporting/activity.queries';
import { scoresCsv, streamScoresCsv } from '../src/reporting/export.queries';
import { funnel } from '../src/reporting/funnel.queries';
import { applicantMix } from '../src/reporting/mix.queries';
import { ReportScope } from '../src/reporting/report-scope';
import { AgreementMetric, FunnelDimension, MixDimension, ScoringGroup } from '../src/reporting/report.types';
import { calibration, scoring } from '../src/reporting/scoring.queries';

/**
 * `npm run bench:reporting [-- --scale N]`: generates applicants and votes with a fixed seed
 * (default 100,000 applicants and 1,000,000 votes), times every aggregate (median of 3 runs,
 * after one warm-up) and writes bench/RESULTS-reporting.md with the plans' indexes.
 * `--scale 0.01` is the tiny version the test suite runs; `--keep` leaves the database (for EXPLAIN,
 * or for `--reuse`, which times the aggregates again without generating).
 */
const scaleIndex = process.argv.indexOf('--scale');
const scale = scaleIndex < 0 ? 1 : Number(process.argv[scaleIndex + 1]);
if (!(scale > 0)) throw new Error('--scale needs a positive number');
const output = process.argv.includes('--no-write') ? null : path.join(repoRoot(), 'bench', 'RESULTS-reporting.md');
const APPLICANTS = Math.max(200, Math.round(100_000 * scale));
const VOTERS_PER_ITEM = 10;
const ITEMS_PER_SESSION = 250;
/** Rows the last timed aggregate returned. */
let lastSize = 0;

async function generate(db: Client) {
  const sessions = Math.ceil(APPLICANTS / ITEMS_PER_SESSION);
  await db.query(`select setseed(0.42)`);
  await db.query(`
    insert into program (id, code, name, min_academic_references, portfolio_required, relevant_background_required)
    select gen_random_uuid(), code, code, 2, code = 'VACD', code = 'VACD' from unnest(array['MSCS', 'MCP', 'VACD']) code;
    insert into rubric_criterion (id, program_id, key, name, description, weight, position, level_descriptions)
    select gen_random_uuid(), p.id, k.key, k.key, k.key, k.weight, k.position, array['1','2','3','4','5']
      from program p cross join (values ('academic_record', 3, 0), ('references', 2, 1), ('motivation', 2, 2), ('english', 1, 3), ('fit', 2, 4)) k(key, weight, position);
    insert into intake (id, code, name, starts_on) values (gen_random_uuid(), '2021-02', 'February 2021', '2021-02-15'), (gen_random_uuid(), '2021-10', 'October 2021', '2021-10-01');
    insert into review_week (id, intake_id, label, starts_on, ends_on)
    select gen_random_uuid(), i.id, 'week ' || w, i.starts_on - (150 - w * 30), i.starts_on - (144 - w * 30)
      from intake i cross join generate_series(1, 4) w;
    insert into app_user (id, email, name, role) select gen_random_uuid(), 'member' || n || '@bench.example', 'Member ' || n, 'COMMITTEE_MEMBER' from generate_series(1, 100) n;
    insert into committee (id, name) select gen_random_uuid(), 'Committee ' || n from generate_series(1, 10) n;
    insert into committee_program (committee_id, program_id) select c.id, p.id from committee c cross join program p;
    insert into committee_member (id, committee_id, user_id, role)
    select gen_random_uuid(), c.id, u.id, case when u.rn % ${VOTERS_PER_ITEM} = 0 then 'CHAIR' else 'MEMBER' end
      from (select id, row_number() over (order by name) - 1 as rn from committee) c
      join (select id, row_number() over (order by email) - 1 as rn from app_user) u on u.rn / ${VOTERS_PER_ITEM} = c.rn;`);
  await db.query(`
    insert into review_session (id, committee_id, week_id, title, starts_at, ends_at, status, blind, opened_at, closed_at)
    select gen_random_uuid(), c.id, w.id, 'Session ' || s, w.starts_on + interval '9 hours', w.starts_on + interval '17 hours', 'CLOSED', true,
           w.starts_on + interval '9 hours', w.starts_on + interval '17 hours'
      from generate_series(0, ${sessions - 1}) s
      join (select id, row_number() over (order by name) - 1 as rn from committee) c on c.rn = s % 10
      -- Weeks alternate between the intakes, so even a tiny scale has sessions in both.
      join (select id, starts_on, row_number() over (order by nth, intake_id) - 1 as rn
              from (select w.id, w.starts_on, w.intake_id, row_number() over (partition by w.intake_id order by w.starts_on) as nth
                      from review_week w where not ${visaFreeWeekSql('w')}) weeks) w
        on w.rn = s % 6`);
  await db.query(`
    insert into applicant (id, program_id, intake_id, first_name, last_name, email, nationality, needs_visa, prior_institution, prior_degree,
                           ects, grade_value, grade_scale, created_at)
    select gen_random_uuid(), p.id, w.intake_id, 'First' || n, 'Last' || n, 'a' || n || '@bench.example',
           (array['TR', 'BA', 'RS', 'AE', 'DE', 'MK', 'AL', 'SA'])[1 + n % 8], n % 3 = 0, 'University ' || n % 50, 'BSc',
           150 + (n * 7) % 120, case when n % 2 = 0 then round((2 + random() * 2)::numeric, 2) else round((55 + random() * 45)::numeric, 2) end,
           case when n % 2 = 0 then 'FOUR_POINT' else 'HUNDRED_POINT' end,
           timestamp '2020-09-01' + (n % 120) * interval '1 day'
      from generate_series(0, ${APPLICANTS - 1}) n
      join (select id, row_number() over (order by code) - 1 as rn from program) p on p.rn = n % 3
      join (select s.id as session_id, w.intake_id, row_number() over (order by s.title) - 1 as rn
              from review_session s join review_week w on w.id = s.week_id) w on w.rn = n / ${ITEMS_PER_SESSION}`);
  await db.query(`
    insert into english_certificate (id, applicant_id, test, score)
    select gen_random_uuid(), a.id, case when n % 4 = 1 then 'IELTS_ACADEMIC' else 'TOEFL_IBT' end,
           case when n % 4 = 1 then 5 + (n % 9) * 0.5 else 70 + n % 40 end
      from (select id, row_number() over (order by email) - 1 as n from applicant) a where n % 4 <> 0`);
  await db.query(`
    insert into agenda_item (id, session_id, applicant_id, position, voting_status, scores_revealed, voting_opened_at, voting_closed_at)
    select gen_random_uuid(), s.id, a.id, a.rn % ${ITEMS_PER_SESSION}, 'CLOSED', true, s.starts_at, s.starts_at + interval '10 minutes'
      from (select id, row_number() over (order by email) - 1 as rn from applicant) a
      join (select id, starts_at, row_number() over (order by title) - 1 as rn from review_session) s on s.rn = a.rn / ${ITEMS_PER_SESSION}`);
  await db.query(`
    insert into vote (id, session_id, applicant_id, member_id, recommendation, confidence, version, created_at, updated_at)
    select gen_random_uuid(), ai.session_id, ai.applicant_id, cm.user_id,
           (array['ADMIT', 'ADMIT', 'WAITLIST', 'REJECT', 'ABSTAIN'])[1 + floor(random() * 5)::int], 1 + floor(random() * 3)::int, 1,
           s.starts_at + interval '5 minutes', s.starts_at + interval '5 minutes'
      from agenda_item ai join review_session s on s.id = ai.session_id join committee_member cm on cm.committee_id = s.committee_id`);
  await db.query(`
    insert into vote_score (vote_id, criterion_id, score)
    select v.id, rc.id, least(5, greatest(1, round(3 + (random() - 0.5) * 4)))::int
      from vote v join applicant a on a.id = v.applicant_id join rubric_criterion rc on rc.program_id = a.program_id
     where v.recommendation <> 'ABSTAIN'`);
  await db.query(`
    insert into decision (id, applicant_id, session_id, outcome, rejection_reason, reason, scholarship_percent, created_at)
    select gen_random_uuid(), ai.applicant_id, ai.session_id, x.o, case when x.o = 'REJECT' then 'COMMITTEE_JUDGEMENT' end,
           'bench', null, s.starts_at + interval '20 minutes'
      from agenda_item ai join applicant a on a.id = ai.applicant_id join review_session s on s.id = ai.session_id
     cross join lateral (select case when a.ects < 180 then 'ADMIT_AS_TRANSFER' else (array['ADMIT', 'WAITLIST', 'REJECT'])[1 + floor(random() * 3)::int] end as o) x
     where random() < 0.6;
    update decision set reason = null, scholarship_percent = case when random() < 0.2 then 25 * (1 + floor(random() * 4)) end where outcome <> 'REJECT';
    insert into decision_condition (id, decision_id, kind, required, description, status)
    select gen_random_uuid(), d.id, 'RECOGNITION_OF_PRIOR_EDUCATION', true, 'bench', case when random() < 0.5 then 'MET' else 'OUTSTANDING' end
      from decision d where d.outcome in ('ADMIT', 'ADMIT_AS_TRANSFER');
    analyze;`);
}

/** How much an aggregate returned (rows, or CSV lines), so a run that computes nothing shows it. */
function sizeOf(result: unknown): number {
  if (typeof result === 'string') return result.split('\n').length - 1;
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object') return Object.values(result).reduce((sum: number, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
  return 0;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  lastSize = sizeOf(await run());
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples.sort((a, b) => a - b)[1];
}

async function main() {
  const server = await resolveTestAdminUrl();
  const name = `conclave_bench_reporting_${Math.round(scale * 1000)}`;
  // --reuse: time the aggregates again on the data a `--keep` run left (generating takes minutes).
  const reuse = process.argv.includes('--reuse');
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  if (!reuse) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  const url = withDatabase(server.adminUrl, name);
  let orm: Orm | undefined;
  try {
    orm = await openOrm(url, { poolMax: 4 });
    await migrate(orm);
    const raw = new Client({ connectionString: url });
    await raw.connect();
    const startedGenerate = Date.now();
    if (!reuse) await generate(raw);
    const generateSeconds = (Date.now() - startedGenerate) / 1000;
    const counts = (
      await raw.query(
        `select (select count(*) from applicant) as applicants, (select count(*) from vote) as votes,
                (select count(*) from vote where recommendation = 'ABSTAIN') as abstentions, (select count(*) from vote_score) as scores`,
      )
    ).rows[0];
    console.log(`data: ${counts.applicants} applicants, ${counts.votes} votes (${counts.abstentions} abstentions, without scores), ${counts.scores} criterion scores`);
    const db = orm.em.getKnex();
    const intake = (await raw.query(`select id from intake where code = '2021-10'`)).rows[0].id;
    const officer = (filter: ReportScope['filter'] = {}): ReportScope => ({ kind: 'officer', userId: '00000000-0000-4000-8000-000000000000', conflicted: [], minVotes: 1, filter });
    const member = (await raw.query(`select cm.user_id from committee_member cm join review_session s on s.committee_id = cm.committee_id order by cm.user_id limit 1`)).rows[0].user_id;
    const memberScope: ReportScope = { kind: 'member', userId: member, conflicted: [], minVotes: 1, filter: {} };
    const cases: [string, () => Promise<unknown>][] = [
      ['funnel by intake × program', () => funnel(db, officer(), [FunnelDimension.INTAKE, FunnelDimension.PROGRAM])],
      ['funnel by week, one intake', () => funnel(db, officer({ intakeId: intake }), [FunnelDimension.WEEK])],
      ['applicant mix by grade band', () => applicantMix(db, officer(), MixDimension.GRADE_BAND)],
      ['scoring per program (with alpha)', () => scoring(db, officer(), ScoringGroup.PROGRAM, AgreementMetric.ORDINAL)],
      ['scoring per session, one intake', () => scoring(db, officer({ intakeId: intake }), ScoringGroup.SESSION, AgreementMetric.ORDINAL)],
      ['scoring per program, as a member', () => scoring(db, memberScope, ScoringGroup.PROGRAM, AgreementMetric.ORDINAL)],
      ['calibration, one intake', () => calibration(db, officer({ intakeId: intake }))],
      // The same reports recomputed from every score, as they were before the running totals (and still are for a date range).
      ['scoring per program, from the scores', () => scoring(db, officer(), ScoringGroup.PROGRAM, AgreementMetric.ORDINAL, 'scores')],
      ['scoring per session, one intake, from the scores', () => scoring(db, officer({ intakeId: intake }), ScoringGroup.SESSION, AgreementMetric.ORDINAL, 'scores')],
      ['calibration, one intake, from the scores', () => calibration(db, officer({ intakeId: intake }), 'scores')],
      ['committee work', () => committeeWork(db, officer())],
      ['decisions per day', () => decisionsPerDay(db, officer())],
      ['scores CSV, one intake', () => scoresCsv(db, officer({ intakeId: intake }))],
      ['scores CSV streamed, one intake (GET /reports/scores.csv)', () => streamScoresCsv(db, officer({ intakeId: intake }), async () => {}, async () => {})],
    ];
    const results: [string, number][] = [];
    for (const [label, run] of cases) {
      results.push([label, await time(run)]);
      console.log(`${label.padEnd(36)} ${results[results.length - 1][1].toFixed(1)} ms, ${lastSize} rows`);
    }
    const indexes = (await raw.query(`select indexname, tablename from pg_indexes where schemaname = 'public' and tablename in ('vote', 'vote_score', 'agenda_item', 'applicant', 'decision') order by tablename, indexname`)).rows;
    await raw.end();
    if (output) {
      const commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot() }).toString().trim();
      const fastest = Math.min(...results.map(([, ms]) => ms));
      writeFileSync(
        output,
        [
          '# Reporting benchmark',
          '',
          `Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL (${server.source}), commit ${commit}.`,
          `Data (fixed seed): ${Number(counts.applicants).toLocaleString('en')} applicants, ${Number(counts.votes).toLocaleString('en')} votes, ${Number(counts.scores).toLocaleString('en')} criterion scores${reuse ? '' : `; generated in ${generateSeconds.toFixed(0)} s`}.`,
          'Each figure is the median of 3 runs after a warm-up, as an officer (every vote visible) unless noted. The machine is shared and noisy:',
          'compare the ratios between rows (the last column), not the absolute times.',
          '',
          '| aggregate | median ms | × fastest |',
          '|---|---:|---:|',
          ...results.map(([label, ms]) => `| ${label} | ${ms.toFixed(0)} | ${(ms / fastest).toFixed(1)} |`),
          '',
          'Indexes on the tables these read:',
          '',
          ...indexes.map((i: any) => `- \`${i.tablename}.${i.indexname}\``),
          '',
        ].join('\n'),
      );
      console.log(`Wrote ${path.relative(process.cwd(), output)}`);
    }
  } finally {
    await orm?.close();
    if (process.argv.includes('--keep')) {
      console.log(`Kept database ${name}`);
      return server.stop();
    }
    const cleanup = new Client({ connectionString: server.adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
