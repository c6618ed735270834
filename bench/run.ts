import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { attackSection, runAttack } from './attack';
import { coldStartSection, runColdStart } from './cold-start';
import { fanoutSection, runFanout } from './fanout';
import { nestedReadSection, runNestedRead } from './nested-read';
import { argList, argNumber, hasFlag, machineLine, root } from './support/bench-kit';
import { runVotes, votesSection } from './votes';
import { runWebFirstScreen, webSection } from './web-first-screen';

/**
 * `npm run bench`: every scenario in turn — nested read against PostGraphile, live fan-out,
 * votes under load against pgbench, agenda reads under attack, cold start, the web client's first screen — each against server processes it starts on a
 * generated data set, and writes bench/RESULTS.md. Takes about half an hour on 2 cores.
 * `-- --quick` runs each at a small scale (minutes) to check the whole run works; its numbers
 * are not the benchmark's and it writes nothing unless `-- --write`.
 */
async function main() {
  const quick = hasFlag('quick');
  const read = { applicants: argNumber('applicants', quick ? 2000 : 20_000), seconds: argNumber('seconds', quick ? 2 : 10), rounds: argNumber('rounds', quick ? 1 : 3), profile: !quick };
  const fanout = { counts: argList('subscribers', quick ? [200] : [1000, 5000, 10000, 20000]), rounds: argNumber('fanout-rounds', quick ? 1 : 3) };
  const votes = { seconds: quick ? 2 : 10, members: 50, profile: !quick };
  const coldRounds = quick ? 1 : 3;
  const webRounds = quick ? 3 : 20;
  const attack = { applicants: quick ? 2000 : 20_000, seconds: quick ? 2 : 10, rounds: quick ? 1 : 3 };

  const header = ['# Benchmark results', '', machineLine(), 'Servers, load generators and PostgreSQL share the same cores.', ''];
  const sections: string[] = [];
  // Each scenario's section is written as soon as it is done, and a scenario that fails says so
  // in its place: half an hour of measurements is not lost to the last one.
  const scenario = async (title: string, run: () => Promise<string>) => {
    console.log(`— ${title}`);
    try {
      sections.push(await run());
    } catch (error) {
      console.error(error);
      sections.push(`## ${title}\n\nFailed: ${(error as Error).message.split('\n')[0]}\n`);
    }
    if (!quick || hasFlag('write')) writeFileSync(path.join(root, 'bench', 'RESULTS.md'), [...header, ...sections].join('\n'));
  };
  await scenario('Nested read', async () => nestedReadSection(await runNestedRead(read), read));
  await scenario('Live fan-out', async () => fanoutSection(await runFanout(fanout), fanout.rounds));
  await scenario('Votes under load', async () => votesSection(await runVotes(votes), votes));
  await scenario('Agenda reads under attack', async () => attackSection(await runAttack(attack), attack));
  await scenario('Cold start', async () => coldStartSection(await runColdStart(coldRounds), coldRounds));
  await scenario('Web client: first screen', async () => webSection(await runWebFirstScreen(webRounds)));
  console.log([...header, ...sections].join('\n'));
  if (sections.some((section) => section.includes('\n\nFailed: '))) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
