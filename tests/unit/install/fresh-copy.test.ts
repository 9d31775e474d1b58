import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneFiles, makeFreshCopy } from '../../../scripts/fresh-copy';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-fresh-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

describe('the fresh copy npm run test:unit runs in', () => {
  it('holds tracked and new files as edited, and neither ignored nor deleted ones', () => {
    const repo = path.join(dir, 'repo');
    write(repo, '.gitignore', 'dist/\nnode_modules\n');
    write(repo, 'tests/fixtures/corpus/第1版.txt', '𠮷\n');
    write(repo, 'gone.txt', 'x');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'start');
    write(repo, 'tests/fixtures/corpus/第1版.txt', '𠮷 edited\n');
    write(repo, 'new.ts', 'export {};\n');
    write(repo, 'dist/main.cjs', 'built');
    write(repo, 'node_modules/pkg/index.js', '');
    fs.rmSync(path.join(repo, 'gone.txt'));
    // The sibling a developer machine may have and a clone does not.
    write(dir, 'shared/corpus/000.txt', 'outside');

    const files = cloneFiles(repo);
    expect(files?.sort()).toEqual(['.gitignore', 'new.ts', 'tests/fixtures/corpus/第1版.txt']);
    const copy = makeFreshCopy(repo, files ?? [], dir);
    try {
      expect(fs.readFileSync(path.join(copy.dir, 'tests/fixtures/corpus/第1版.txt'), 'utf8')).toBe('𠮷 edited\n');
      expect(fs.existsSync(path.join(copy.dir, 'dist'))).toBe(false);
      expect(fs.realpathSync(path.join(copy.dir, 'node_modules'))).toBe(fs.realpathSync(path.join(repo, 'node_modules')));
      expect(fs.readdirSync(path.dirname(copy.dir))).toEqual(['jiaodui']);
      expect(fs.existsSync(path.join(copy.dir, '..', 'shared'))).toBe(false);
    } finally {
      copy.remove();
    }
    expect(fs.existsSync(path.dirname(copy.dir))).toBe(false);
  });

  it('answers null outside a git checkout', () => {
    expect(cloneFiles(dir)).toBeNull();
  });

});
