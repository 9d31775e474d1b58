import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/// A throw-away corpus folder for one test, with helpers to write and read files by relative path.
export interface TempCorpus {
  root: string;
  put(rel: string, content: string | Uint8Array): Promise<string>;
  read(rel: string): Promise<Buffer>;
  remove(): Promise<void>;
}

/// Creates an empty corpus folder under the system temp folder.
export async function makeTempCorpus(prefix = 'jiaodui-corpus-'): Promise<TempCorpus> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  return {
    root,
    async put(rel, content) {
      await mkdir(path.dirname(abs(rel)), { recursive: true });
      await writeFile(abs(rel), content);
      return abs(rel);
    },
    read: (rel) => readFile(abs(rel)),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
