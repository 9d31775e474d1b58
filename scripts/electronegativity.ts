// `npm run lint:electron`: electronegativity (Electron security lint) over the app's sources, offline. Fails on any
// finding above LOW not explained in scripts/electronegativity-rules.ts, on a stale explanation, and on a file
// it could not parse.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXCLUDED_CHECKS, EXPLAINED_FINDINGS, SCANNED } from './electronegativity-rules';
import { judgeFindings, scanWithElectronegativity, stageForScan, type Finding } from './electronegativity-run';
import { repoRoot } from './repo-root';

const where = (f: Finding) => `${f.file.split(path.sep).join('/')}:${f.location.line}:${f.location.column}`;
const describe = (f: Finding) => `${f.id} ${f.severity.name}/${f.confidence.name} ${where(f)} — ${f.description}`;

const electronVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-electronegativity-'));
let failed: boolean;
try {
  stageForScan(repoRoot, stage, SCANNED);
  const started = Date.now();
  const result = await scanWithElectronegativity(stage, { electronVersion, excluded: EXCLUDED_CHECKS });
  const judgement = judgeFindings(result.findings, EXPLAINED_FINDINGS);
  console.log(`electronegativity: ${SCANNED.join(', ')} for Electron ${electronVersion} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const check of EXCLUDED_CHECKS) console.log(`  skipped ${check.check}: ${check.why}`);
  for (const { finding, why } of judgement.explained) console.log(`  explained ${describe(finding)}\n    ${why}`);
  for (const finding of judgement.minor) console.log(`  minor ${describe(finding)}`);
  for (const finding of judgement.unexplained) console.error(`  FAIL ${describe(finding)}${finding.sample ? `\n    ${finding.sample.trim()}` : ''}`);
  for (const stale of judgement.stale) console.error(`  FAIL stale explanation: no ${stale.id} in ${stale.file} any more; remove it from scripts/electronegativity-rules.ts`);
  for (const file of result.unparsed) console.error(`  FAIL could not parse ${file.file}: ${file.message}`);
  failed = judgement.unexplained.length > 0 || judgement.stale.length > 0 || result.unparsed.length > 0;
  console.log(failed ? 'electronegativity: failed' : 'electronegativity: no unexplained finding above LOW');
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
