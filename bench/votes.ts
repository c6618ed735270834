import 'reflect-metadata';
import { execFileSync, execSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { signToken } from '../src/auth/tokens';
import { UserRole } from '../src/auth/user.entity';
import { CommitteeMember, SeatRole } from '../src/committees/committee-member.entity';
import { Committee } from '../src/committees/committee.entity';
import { Applicant } from '../src/applicants/applicant.entity';
import { GradeScale } from '../src/applicants/applicant.enums';
import { toGlobalId } from '../src/common/global-id';
import { migrate, openOrm } from '../src/db/orm';
import { repoRoot, resolveTestAdminUrl, withDatabase } from '../src/db/postgres-server';
import { Intake } from '../src/intakes/intake.entity';
import { ReviewWeek } from '../src/intakes/review-week.entity';
import { Program } from '../src/programs/program.entity';
import { RubricCriterion } from '../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../src/reviews/agenda-item.entity';
import { ReviewSession, SessionStatus } from '../src/reviews/review-session.entity';
import { User } from '../src/auth/user.entity';

/**
 * `npm run bench:votes [-- --seconds 10 --members 50]`: members vote and change votes at once
 * through a real server process (each commit writes the vote, its scores, its revision and its
 * event, and wakes the subscribers); beside it, pgbench runs a single-row upsert transaction on
 * the same PostgreSQL, as the physical limit. Writes bench/RESULTS-votes.md.
 */
function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? fallback : Number(process.argv[index + 1]);
  if (!(value > 0)) throw new Error(`--${name} needs a positive number`);
  return value;
}
const SECONDS = arg('seconds', 10);
const MEMBERS = arg('members', 50);
const APPLICANTS = 20;
const SECRET = 'bench-secret';
const output = process.argv.includes('--no-write') ? null : path.join(repoRoot(), 'bench', 'RESULTS-votes.md');

async function seed(url: string) {
  const orm = await openOrm(url);
  await migrate(orm);
  const em = orm.em.fork();
  const program = em.create(Program, { code: 'MSCS', name: 'Computer Science' });
  const criteria = ['academic_record', 'references', 'motivation', 'english', 'fit'].map((key, position) =>
    em.create(RubricCriterion, { program, key, name: key, description: key, weight: 1 + (position % 2), position, levelDescriptions: ['1', '2', '3', '4', '5'] }),
  );
  const intake = em.create(Intake, { code: '2021-10', name: 'October 2021', startsOn: '2021-10-01' });
  const week = em.create(ReviewWeek, { intake, label: 'May', startsOn: '2021-05-25', endsOn: '2021-05-31' });
  const committee = em.create(Committee, { name: 'Bench committee' });
  committee.programs.add(program);
  const members = Array.from({ length: MEMBERS }, (_, i) => em.create(User, { email: `m${i}@bench.example`, name: `Member ${i}`, role: UserRole.COMMITTEE_MEMBER }));
  members.forEach((user, i) => em.create(CommitteeMember, { committee, user, role: i === 0 ? SeatRole.CHAIR : SeatRole.MEMBER }));
  const session = em.create(ReviewSession, { committee, week, title: 'Bench', startsAt: new Date('2021-05-26T09:00:00Z'), endsAt: new Date('2021-05-26T17:00:00Z'), status: SessionStatus.OPEN });
  const applicants = Array.from({ length: APPLICANTS }, (_, i) =>
    em.create(Applicant, {
      program, intake, firstName: 'A', lastName: `${i}`, email: `a${i}@bench.example`, nationality: 'BA', needsVisa: false,
      priorInstitution: 'U', priorDegree: 'BSc', ects: 240, gradeValue: 3, gradeScale: GradeScale.FOUR_POINT,
    }),
  );
  applicants.forEach((applicant, position) => em.create(AgendaItem, { session, applicant, position, votingStatus: VotingStatus.OPEN }));
  await em.flush();
  await orm.close();
  return {
    sessionId: toGlobalId('ReviewSession', session.id),
    applicantIds: applicants.map((a) => toGlobalId('Applicant', a.id)),
    criterionIds: criteria.map((c) => toGlobalId('RubricCriterion', c.id)),
    tokens: members.map((m) => signToken(SECRET, m.id)),
  };
}

function startServer(url: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [path.join(repoRoot(), 'dist/src/main.js')], {
    env: { ...process.env, DATABASE_URL: url, JWT_SECRET: SECRET, SEED_DEMO_DATA: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk;
      const ready = /ready in [\d.]+ s: (http:\/\/localhost:\d+\/graphql)/.exec(out);
      if (ready) resolve({ url: ready[1], stop: () => child.kill('SIGTERM') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function voteLoad(serverUrl: string, world: Awaited<ReturnType<typeof seed>>) {
  const latencies: number[] = [];
  let refused = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    world.tokens.map(async (token, m) => {
      const versions = new Map<string, number>();
      for (let i = 0; Date.now() < deadline; i++) {
        const applicantId = world.applicantIds[(m + i) % APPLICANTS];
        const started = performance.now();
        const response = await fetch(serverUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: 'mutation($input: CastVoteInput!) { castVote(input: $input) { version } }',
            variables: {
              input: {
                sessionId: world.sessionId,
                applicantId,
                scores: world.criterionIds.map((criterionId, c) => ({ criterionId, score: 1 + ((i + c) % 5) })),
                recommendation: 'ADMIT',
                confidence: 2,
                expectedVersion: versions.get(applicantId),
              },
            },
          }),
        });
        const body = (await response.json()) as any;
        if (body.errors) {
          if (refused++ === 0) console.log(`first refusal: ${JSON.stringify(body.errors[0])}`);
          continue;
        }
        latencies.push(performance.now() - started);
        versions.set(applicantId, body.data.castVote.version);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { committed: latencies.length, refused, perSecond: latencies.length / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function pgbench(url: string): number | null {
  const script = path.join(os.tmpdir(), 'conclave-upsert.sql');
  writeFileSync(
    script,
    `\\set m random(1, ${MEMBERS})\n\\set a random(1, ${APPLICANTS})\n` +
      `insert into bench_vote (member, applicant, score) values (:m, :a, 3) on conflict (member, applicant) do update set score = excluded.score, version = bench_vote.version + 1;\n`,
  );
  try {
    execFileSync('psql', [url, '-qc', 'create table bench_vote (member int, applicant int, score int, version int default 1, primary key (member, applicant))']);
    const out = execFileSync('pgbench', ['-n', '-c', String(MEMBERS), '-j', '2', '-T', String(SECONDS), '-f', script, url]).toString();
    return Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  } catch (error) {
    console.log(`pgbench comparison skipped: ${(error as Error).message.split('\n')[0]} (pgbench ships with PostgreSQL)`);
    return null;
  }
}

async function main() {
  const server = await resolveTestAdminUrl();
  const name = 'conclave_bench_votes';
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = withDatabase(server.adminUrl, name);
  const api = await startServer(url); // it applies the migrations the seed needs
  try {
    const world = await seed(url);
    const votes = await voteLoad(api.url, world);
    const tps = pgbench(url);
    const ratio = tps ? votes.perSecond / tps : null;
    console.log(`votes committed: ${votes.perSecond.toFixed(0)}/s (p50 ${votes.p50.toFixed(1)} ms, p99 ${votes.p99.toFixed(1)} ms, ${votes.refused} refused)`);
    if (tps) console.log(`pgbench single-row upsert: ${tps.toFixed(0)} tps → ratio ${(ratio! * 100).toFixed(0)}%`);
    if (output) {
      const commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot() }).toString().trim();
      writeFileSync(
        output,
        [
          '# Votes under load',
          '',
          `Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, commit ${commit}; server, load and PostgreSQL on the same cores.`,
          `${MEMBERS} members vote and change votes on ${APPLICANTS} applicants for ${SECONDS} s through one server process (HTTP, castVote with expectedVersion).`,
          'Each commit writes the vote, its criterion scores, its revision and its session event, then wakes subscribers.',
          '',
          '| | per second | p50 ms | p99 ms |',
          '|---|---:|---:|---:|',
          `| castVote through Conclave | ${votes.perSecond.toFixed(0)} | ${votes.p50.toFixed(1)} | ${votes.p99.toFixed(1)} |`,
          `| pgbench single-row upsert, ${MEMBERS} clients | ${tps ? tps.toFixed(0) : 'skipped'} | | |`,
          '',
          ratio ? `Ratio: **${(ratio * 100).toFixed(0)}%** of the pgbench upsert rate (target: at least 40%).` : 'pgbench was not available: no ratio.',
          '',
        ].join('\n'),
      );
    }
  } finally {
    api.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
