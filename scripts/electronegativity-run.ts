import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ExcludedCheck, ExplainedFinding } from './electronegativity-rules';

const require = createRequire(import.meta.url);

/// One finding of electronegativity, as its programmatic API returns it.
export interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: { value: number; name: string };
  confidence: { value: number; name: string };
  manualReview: boolean;
  sample?: string;
}

/// What electronegativity reported for one input.
export interface ScanResult {
  findings: Finding[];
  /// Files it could not parse (so did not check), with the parser's message.
  unparsed: { file: string; message: string }[];
}

/// The verdict on a scan.
export interface Judgement {
  /// Findings above LOW that no explanation covers: each fails the run.
  unexplained: Finding[];
  /// Findings above LOW covered by an explanation.
  explained: { finding: Finding; why: string }[];
  /// Explanations that matched no finding: stale, they fail the run too.
  stale: ExplainedFinding[];
  /// LOW and informational findings: shown, never failing.
  minor: Finding[];
}

const LOW = 1;

/// Sorts findings into failing, explained and minor ones; an explanation covers findings with its id in its file.
export function judgeFindings(findings: readonly Finding[], explanations: readonly ExplainedFinding[]): Judgement {
  const judgement: Judgement = { unexplained: [], explained: [], stale: [], minor: [] };
  const used = new Set<ExplainedFinding>();
  for (const finding of findings) {
    if (finding.severity.value <= LOW) {
      judgement.minor.push(finding);
      continue;
    }
    const file = finding.file.split(path.sep).join('/');
    const explanation = explanations.find((e) => e.id === finding.id && e.file === file);
    if (explanation) {
      used.add(explanation);
      judgement.explained.push({ finding, why: explanation.why });
    } else {
      judgement.unexplained.push(finding);
    }
  }
  judgement.stale = explanations.filter((e) => !used.has(e));
  return judgement;
}

/// Copies the scanned parts of the app (paths relative to `from`) into `to`, so one scan sees them all and
/// reports paths relative to the repository root.
export function stageForScan(from: string, to: string, entries: readonly string[]): void {
  for (const entry of entries) {
    fs.cpSync(path.join(from, entry), path.join(to, entry), {
      recursive: true,
      filter: (source) => !source.split(path.sep).includes('node_modules'),
    });
  }
}

type Runner = (options: Record<string, unknown>) => Promise<{ issues: Finding[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

/// Runs electronegativity's programmatic API over `input`, offline.
///
/// electronegativity asks the network twice (updated translations, Electron's release list) through `got`; both
/// are optional, so `got` is replaced by a function that fails at once, which the tool handles as "no connectivity".
export async function scanWithElectronegativity(input: string, options: { electronVersion: string; excluded: readonly ExcludedCheck[] }): Promise<ScanResult> {
  const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [toolDir] });
  const offline = Object.assign(() => Promise.reject(new Error('offline: electronegativity runs without the network')), {
    head: () => Promise.reject(new Error('offline: electronegativity runs without the network')),
  });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
  const run = require(toolDir) as Runner;
  // It prints a line per failed download; keep the output to the report.
  const log = console.log;
  console.log = () => {};
  try {
    const result = await run({
      input,
      isRelative: true,
      electronVersionOverride: options.electronVersion,
      excludeFromScan: options.excluded.map((e) => e.check),
    });
    return { findings: result.issues, unparsed: result.errors.filter((e) => !e.tolerable).map(({ file, message }) => ({ file, message })) };
  } finally {
    console.log = log;
  }
}
