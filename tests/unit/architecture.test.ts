import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/api/contract';
import { handlers } from '../../electron/backend/api/handlers';

const root = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

describe('architecture', () => {
  it('the backend and shared code never import electron (they must run under plain Node)', () => {
    const offenders = [...files(join(root, 'electron/backend')), ...files(join(root, 'shared'))].filter((f) =>
      /from ['"]electron['"]|require\(['"]electron['"]\)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('the renderer never imports Node or backend modules', () => {
    const offenders = files(join(root, 'renderer/src')).filter((f) =>
      /from ['"](node:|electron|.*electron\/backend)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('every contract method has a handler and declares who may call it', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const [name, def] of Object.entries(contract)) expect(def.access, name).toBeTruthy();
  });

  it('offers no way to delete a registration', () => {
    expect(Object.keys(contract).filter((m) => /delete|remove|purge/i.test(m))).toEqual([]);
  });
});
