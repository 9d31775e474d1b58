import { describe, expect, it } from 'vitest';
import type { ElectronInstallOutcome } from '../../../scripts/electron-binary';
import { firstErrorLine } from '../../../scripts/electron-binary';
import { ensureElectron, noElectronMessage } from '../../../scripts/ensure-electron';

function deps(found: (string | null)[], outcome: ElectronInstallOutcome) {
  const said: string[] = [];
  let installs = 0;
  let finds = 0;
  return {
    said,
    installs: () => installs,
    deps: {
      find: () => found[Math.min(finds++, found.length - 1)] ?? null,
      install: () => {
        installs += 1;
        return Promise.resolve(outcome);
      },
      say: (line: string) => said.push(line),
    },
  };
}

describe('ensureElectron (npm start)', () => {
  it('uses an installed binary without running the installer', async () => {
    const probe = deps(['/opt/electron/electron'], { ok: true });
    expect(await ensureElectron(probe.deps)).toEqual({ ok: true, binary: '/opt/electron/electron' });
    expect(probe.installs()).toBe(0);
  });

  it('runs Electron’s installer once when the binary is missing, then uses what it installed', async () => {
    const probe = deps([null, '/repo/node_modules/electron/dist/electron'], { ok: true });
    expect(await ensureElectron(probe.deps)).toEqual({ ok: true, binary: '/repo/node_modules/electron/dist/electron' });
    expect(probe.installs()).toBe(1);
    expect(probe.said).toHaveLength(1);
  });

  it('answers one sentence naming the harness when the download fails', async () => {
    const probe = deps([null], { ok: false, reason: 'RequestError: connect ECONNREFUSED 127.0.0.1:9' });
    const outcome = await ensureElectron(probe.deps);
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toBe(noElectronMessage('RequestError: connect ECONNREFUSED 127.0.0.1:9'));
    expect(message).toContain('npm run dev:browser -- --corpus <folder>');
    expect(message).toContain('ECONNREFUSED');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('answers the same sentence when the installer succeeds but leaves no executable', async () => {
    const outcome = await ensureElectron(deps([null, null], { ok: true }).deps);
    expect(outcome).toEqual({ ok: false, message: noElectronMessage('its installer finished but left no executable') });
  });
});

describe('firstErrorLine', () => {
  it('keeps the error header and drops the stack frames', () => {
    const stack = 'RequestError: connect ECONNREFUSED 127.0.0.1:9\n    at ClientRequest.<anonymous> (/x/got/index.js:970:111)\n    at emit (node:events:536:35)\n';
    expect(firstErrorLine(stack, 1)).toBe('RequestError: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('says the exit code when the installer printed nothing', () => {
    expect(firstErrorLine('\n', 7)).toBe('the installer exited with code 7');
  });
});
