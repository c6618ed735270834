import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readEnvironment } from '../../config';
import { toCsv } from '../export.queries';
import { FunnelTableDocument, ReportIntakesDocument, ScoringTableDocument, type ReportIntakesQuery } from './generated/graphql';

/**
 * `npm run report -- --intake 2021-10 [--csv DIR] [--url URL] [--token TOKEN]`: prints the funnel
 * and scoring tables of an intake, and writes them as CSV. A plain GraphQL client over HTTP,
 * typed by the operations in report.graphql; the token comes from --token or CONCLAVE_TOKEN.
 * It sends each operation's persisted id, not its text (a trusted document: the server's
 * TRUSTED_DOCUMENTS=require runs it for a reporter's token too).
 */
interface Options {
  url: string;
  token: string;
  intake?: string;
  csv?: string;
}

const USAGE = 'Usage: npm run report -- [--intake CODE] [--csv DIR] [--url URL] [--token TOKEN]  (or CONCLAVE_URL, CONCLAVE_TOKEN)';

function parseArgs(argv: string[]): Options {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const env = readEnvironment();
  const options: Partial<Options> = { url: env.CONCLAVE_URL ?? 'http://localhost:4000/graphql', token: env.CONCLAVE_TOKEN };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!value) throw new Error(`${flag} needs a value`);
    if (flag === '--url') options.url = value;
    else if (flag === '--token') options.token = value;
    else if (flag === '--intake') options.intake = value;
    else if (flag === '--csv') options.csv = value;
    else throw new Error(`Unknown option ${flag}\n${USAGE}`);
  }
  if (!options.token) throw new Error('Give a token with --token or CONCLAVE_TOKEN (npm run --silent token -- reporter@conclave.example)');
  return options as Options;
}

async function request<R, V>(options: Options, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const { hash } = (document as { __meta__?: { hash?: string } }).__meta__ ?? {};
  const response = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables }),
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  return body.data!;
}

const format = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(digits));

function table(columns: string[], rows: (string | number | null)[][]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? format(cell) : (cell ?? '–'))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Every intake, page by page (a connection gives at most 100 at a time). */
async function allIntakes(options: Options) {
  const found: { id: string; code: string; name: string }[] = [];
  for (let after: string | null | undefined = null; ; ) {
    const { intakes }: ReportIntakesQuery = await request(options, ReportIntakesDocument, { after });
    found.push(...intakes.nodes);
    if (!intakes.pageInfo.hasNextPage) return found;
    after = intakes.pageInfo.endCursor;
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let intakeId: string | undefined;
  if (options.intake) {
    const intakes = await allIntakes(options);
    const intake = intakes.find((i) => i.code === options.intake || i.id === options.intake);
    if (!intake) throw new Error(`No intake ${options.intake}; known: ${intakes.map((i) => i.code).join(', ')}`);
    intakeId = intake.id;
  }
  const filter = intakeId ? { intakeId } : undefined;
  const [{ funnelReport }, { scoringReport }] = await Promise.all([
    request(options, FunnelTableDocument, { filter }),
    request(options, ScoringTableDocument, { filter }),
  ]);

  const funnelColumns = ['program', 'registered', 'complete', 'scheduled', 'reviewed', 'decided', 'admitted', 'final', 'admit_rate', 'scholarships', 'mean_scholarship'];
  const funnelRows = funnelReport.map((r) => [
    r.programCode ?? '', r.registered, r.complete, r.scheduled, r.reviewed, r.decided, r.admitted, r.admissionsFinal, r.admitRate ?? null, r.scholarshipsGranted, r.meanScholarshipPercent ?? null,
  ]);
  // A cell resting on too few votes for this reader says so instead of a number.
  const count = (cell: { suppressed: boolean; count?: number | null; votes?: number | null }) => (cell.suppressed ? 'suppressed' : (cell.count ?? cell.votes ?? null));
  const scoringColumns = ['program', 'criterion', 'scores', 'mean', 'median', 'std_dev', 'alpha'];
  const scoringRows = scoringReport.flatMap((g) => [
    ...g.criteria.map((c) => [g.groupLabel, c.criterionKey, count(c), c.mean ?? null, c.median ?? null, c.stdDev ?? null, c.alpha ?? null]),
    [g.groupLabel, '(all)', count(g), null, null, null, g.alpha ?? null],
  ]);

  console.log(`Funnel${options.intake ? ` — intake ${options.intake}` : ''}\n${table(funnelColumns, funnelRows)}\n`);
  console.log(`Scoring (alpha: Krippendorff, ordinal)\n${table(scoringColumns, scoringRows)}`);
  if (options.csv) {
    mkdirSync(options.csv, { recursive: true });
    const asRecords = (columns: string[], rows: unknown[][]) => rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    writeFileSync(path.join(options.csv, 'funnel.csv'), toCsv(funnelColumns, asRecords(funnelColumns, funnelRows)));
    writeFileSync(path.join(options.csv, 'scoring.csv'), toCsv(scoringColumns, asRecords(scoringColumns, scoringRows)));
    console.log(`\nWrote funnel.csv and scoring.csv to ${options.csv}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
