/**
 * The benchmark: each part measures one target of the issues and prints figures with a baseline
 * measured in the same run. `npm run bench` runs all parts; `npm run bench -- engine` runs one.
 */
import { engineBench } from './engine';
import { evaluatorsBench } from './evaluators';
import { firewallBench } from './firewall';
import { harvestBench } from './harvest';
import { ingestBench } from './ingest';
import { renderBench } from './render';
import { whatifBench } from './whatif';

interface BenchPart {
  readonly name: string;
  readonly run: () => Promise<void>;
}

const parts: BenchPart[] = [
  engineBench,
  evaluatorsBench,
  firewallBench,
  harvestBench,
  ingestBench,
  renderBench,
  whatifBench,
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const chosen = wanted.length ? parts.filter((p) => wanted.includes(p.name)) : parts;
  if (wanted.length && chosen.length !== wanted.length) {
    process.stderr.write(`unknown bench part; known: ${parts.map((p) => p.name).join(', ')}\n`);
    process.exit(2);
  }
  for (const part of chosen) {
    process.stdout.write(`\n== ${part.name}\n`);
    await part.run();
  }
}

void main();
