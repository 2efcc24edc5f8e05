// The desk's production closure: what electron-builder packs next to dist/ (the root package's
// `dependencies` and `optionalDependencies`, followed through package-lock.json the way Node resolves them,
// the workspaces' own dependencies left out), and what it weighs installed.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/** Where `name`, required from the package installed at `from` ('' = the root), is in the lock. */
function resolveIn(packages, from, name) {
  for (let at = from; ;) {
    const key = at ? `${at}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[key]) return key;
    if (!at) return undefined;
    const up = at.lastIndexOf('/node_modules/');
    at = up < 0 ? '' : at.slice(0, up);
  }
}

/**
 * Lock keys (`node_modules/a`, `node_modules/a/node_modules/b`) of every package the desk needs at run time.
 * A required dependency missing from the lock is an error; a missing optional one (another OS's binary) is not.
 */
export function deskClosure(pkg, lock) {
  const packages = lock.packages;
  const found = new Set();
  const visit = (from, deps, optional) => {
    for (const name of Object.keys(deps ?? {})) {
      const key = resolveIn(packages, from, name);
      if (!key) {
        if (optional.has(name)) continue;
        throw new Error(`${name} (needed by ${from || 'the desk'}) is not in package-lock.json`);
      }
      if (found.has(key)) continue;
      found.add(key);
      const entry = packages[key];
      const peers = Object.fromEntries(
        Object.entries(entry.peerDependencies ?? {}).filter(([n]) => !entry.peerDependenciesMeta?.[n]?.optional),
      );
      visit(
        key,
        { ...entry.dependencies, ...entry.optionalDependencies, ...peers },
        new Set(Object.keys(entry.optionalDependencies ?? {})),
      );
    }
  };
  visit('', { ...pkg.dependencies, ...pkg.optionalDependencies }, new Set(Object.keys(pkg.optionalDependencies ?? {})));
  return [...found].sort();
}

/**
 * Files of the closure that the desk never loads at run time, left out of the installer (build/package.mjs
 * deletes them from the staging folder before electron-builder packs it): type declarations, source maps,
 * TypeScript sources, Markdown, exceljs's browser bundles (Node loads lib/), better-sqlite3's C sources and
 * build intermediates (it loads build/Release/better_sqlite3.node only), type-only @types packages.
 * Paths are `<package name>/<path inside the package>`.
 */
const NOT_PACKED = [
  /\.(d\.[cm]?ts|map|md|markdown|tsx?|[cm]ts)$/i,
  /^exceljs\/dist\//,
  /^better-sqlite3\/(deps|src)\//,
  /^better-sqlite3\/build\/(?!Release\/better_sqlite3\.node$)/,
  /^@types\//,
];
export const isPacked = (pathInPackage) => !NOT_PACKED.some((re) => re.test(pathInPackage));

/**
 * Files of the package installed at `dir` (nested node_modules excluded: they are packages of their own),
 * as { path: `<name>/<relative path>`, bytes }.
 */
export function packageFiles(dir, name) {
  const out = [];
  const walk = (at, rel) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name === 'node_modules' && entry.isDirectory()) continue;
      const path = join(at, entry.name);
      const relPath = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path, relPath);
      else out.push({ path: relPath, bytes: lstatSync(path).size });
    }
  };
  walk(dir, name);
  return out;
}

/** The package's name from its lock key. */
export const packageName = (key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

/**
 * The closure installed under `root` (a folder with node_modules): its packages, their installed and packed
 * bytes. Optional packages not installed (another OS's binaries) are skipped; a required one missing throws.
 */
export function measureClosure(root, pkg, lock) {
  const rows = [];
  for (const key of deskClosure(pkg, lock)) {
    const dir = join(root, key);
    if (!existsSync(dir)) {
      if (lock.packages[key].optional) continue;
      throw new Error(`${key} is in the desk's closure but not installed under ${root}: run npm ci`);
    }
    const files = packageFiles(dir, packageName(key));
    const sum = (list) => list.reduce((n, f) => n + f.bytes, 0);
    rows.push({ key, name: packageName(key), installed: sum(files), packed: sum(files.filter((f) => isPacked(f.path))) });
  }
  return {
    packages: rows,
    installed: rows.reduce((n, r) => n + r.installed, 0),
    packed: rows.reduce((n, r) => n + r.packed, 0),
  };
}

/**
 * Packages the main process uses that esbuild bundles into main.cjs instead of the installer carrying them:
 * i18next prints the paper's words (shared/i18n/print.ts) and has no dependencies of its own; it stays a dev
 * dependency, as the renderer's copy is bundled by Vite. Used by build/build.mjs and deskClosure.test.ts.
 */
export const BUNDLED_IN_MAIN = ['i18next'];
const requireHere = createRequire(import.meta.url);
export const bundleInMain = {
  name: 'bundle-in-main',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${BUNDLED_IN_MAIN.join('|')})$`) }, (a) => ({ path: requireHere.resolve(a.path) }));
  },
};
