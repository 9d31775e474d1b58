import type { IpcMain, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../electron/ipc-register';
import type { HandlerTable } from '../../../electron/handler-table';
import { ok } from '../../../shared/result';

const indexUrl = 'file:///opt/Jiaodui/resources/app.asar/dist/renderer/index.html';
type Listener = (event: { senderFrame: WebFrameMain | null }, rawArgs: unknown) => Promise<unknown>;

function setup(handle: HandlerTable['handle'] = async (channel, rawArgs) => ok({ channel, rawArgs })) {
  const registered = new Map<string, Listener>();
  const fakeIpcMain = {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeHandler: (channel: string) => registered.delete(channel),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
  const mainFrame = { url: indexUrl } as WebFrameMain;
  const unregister = registerIpcHandlers(fakeIpcMain, { channels: ['page.open', 'app.getState'], handle }, { mainFrame: () => mainFrame, indexUrl });
  return { registered, mainFrame, unregister };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per channel of the table and removes them again', () => {
    const { registered, unregister } = setup();
    expect([...registered.keys()]).toEqual(['page.open', 'app.getState']);
    unregister();
    expect(registered.size).toBe(0);
  });

  it('passes requests from our main frame on to the handler table', async () => {
    const { registered, mainFrame } = setup();
    const result = await registered.get('page.open')?.({ senderFrame: mainFrame }, ['a/𠮷.txt']);
    expect(result).toEqual({ ok: true, value: { channel: 'page.open', rawArgs: ['a/𠮷.txt'] } });
  });

  it('refuses a sub-frame even when it shows our page', async () => {
    const { registered } = setup();
    const subFrame = { url: indexUrl } as WebFrameMain;
    const result = await registered.get('page.open')?.({ senderFrame: subFrame }, ['a.txt']);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('refuses the main frame once it has navigated away from our page', async () => {
    const { registered, mainFrame } = setup();
    (mainFrame as { url: string }).url = 'https://evil.example/';
    const result = await registered.get('page.open')?.({ senderFrame: mainFrame }, ['a.txt']);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('refuses a request whose frame is already gone', async () => {
    const { registered } = setup();
    const result = await registered.get('app.getState')?.({ senderFrame: null }, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('turns an exception inside a handler into an internal error value, and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { registered, mainFrame } = setup(async () => {
      throw new Error('disk on fire');
    });
    const result = await registered.get('app.getState')?.({ senderFrame: mainFrame }, []);
    // No detail: the message of an exception may hold paths or page text.
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'An internal error occurred.', messageId: 'internal' } });
    expect(logged).toHaveBeenCalledWith('Handler for app.getState failed', expect.any(Error));
    logged.mockRestore();
  });

  it('refuses arguments larger than the channel allows before the handler table sees them', async () => {
    let calls = 0;
    const { registered, mainFrame } = setup(async () => {
      calls++;
      return ok(null);
    });
    const result = await registered.get('page.open')?.({ senderFrame: mainFrame }, ['𠮷'.repeat(100_000)]);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', values: { limit: 64 * 1024 } } });
    expect(calls).toBe(0);
    expect(await registered.get('page.open')?.({ senderFrame: mainFrame }, ['a.txt'])).toMatchObject({ ok: true });
    expect(calls).toBe(1);
  });
});
