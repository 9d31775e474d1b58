import { describe, expect, it } from 'vitest';
import { createEventGate } from '../../../electron/event-gate';
import { createEventStream } from '../../../electron/harness/event-stream';
import { createEventHub } from '../../../shared/ipc/event-hub';

describe('event hub (renderer side)', () => {
  it('hands events that arrived before anyone listened to the first listener, in order', () => {
    const hub = createEventHub();
    hub.dispatch('corpus.scanProgress', { scanned: 1 });
    hub.dispatch('corpus.scanProgress', { scanned: 2 });
    const seen: unknown[] = [];
    hub.on('corpus.scanProgress', (p) => seen.push(p));
    expect(seen).toEqual([{ scanned: 1 }, { scanned: 2 }]);
  });

  it('does not replay the queue to a second listener', () => {
    const hub = createEventHub();
    hub.dispatch('export.progress', 1);
    hub.on('export.progress', () => {});
    const second: unknown[] = [];
    hub.on('export.progress', (p) => second.push(p));
    expect(second).toEqual([]);
  });

  it('delivers live events to every listener until it unsubscribes', () => {
    const hub = createEventHub();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = hub.on('app.command', (p) => a.push(p));
    hub.on('app.command', (p) => b.push(p));
    hub.dispatch('app.command', 'save');
    offA();
    hub.dispatch('app.command', 'export');
    expect(a).toEqual(['save']);
    expect(b).toEqual(['save', 'export']);
  });

  it('keeps only the newest early events when the queue is full', () => {
    const hub = createEventHub(2);
    for (const n of [1, 2, 3]) hub.dispatch('x', n);
    const seen: unknown[] = [];
    hub.on('x', (p) => seen.push(p));
    expect(seen).toEqual([2, 3]);
  });
});

describe('event gate (Electron main side)', () => {
  it('queues until the page has loaded, then sends in order and directly afterwards', () => {
    const sent: unknown[] = [];
    const gate = createEventGate((event, payload) => sent.push([event, payload]));
    gate.emit('corpus.scanProgress', 1);
    expect(sent).toEqual([]);
    gate.open();
    gate.emit('app.command', 2);
    expect(sent).toEqual([
      ['corpus.scanProgress', 1],
      ['app.command', 2],
    ]);
  });

  it('queues again while the page reloads', () => {
    const sent: unknown[] = [];
    const gate = createEventGate((event) => sent.push(event));
    gate.open();
    gate.close();
    gate.emit('export.progress', null);
    expect(sent).toEqual([]);
    gate.open();
    expect(sent).toEqual(['export.progress']);
  });
});

describe('event stream (harness side)', () => {
  it('keeps events emitted while no browser is connected for the next client', () => {
    const stream = createEventStream();
    stream.broadcast('corpus.scanProgress', { scanned: 7 });
    const written: string[] = [];
    const fakeResponse = { writeHead: () => {}, write: (text: string) => written.push(text), on: () => {}, end: () => {} };
    stream.attach(fakeResponse as never);
    stream.closeAll();
    expect(written.filter((w) => w.startsWith('data: '))).toEqual([`data: ${JSON.stringify({ event: 'corpus.scanProgress', payload: { scanned: 7 } })}\n\n`]);
  });
});
