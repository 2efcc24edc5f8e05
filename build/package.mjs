// `npm run package [-- <electron-builder target flags>] [--require-signing] [--dry-run]`: the desk's installers.
// 1. says what it needs from the internet and checks those hosts first (fails fast, naming the mirror variables);
// 2. builds dist/ (node build/build.mjs);
// 3. stages release/stage: dist/ without source maps, a package.json with the desk's run-time dependencies only
//    and a package-lock.json cut from the repository's to exactly those packages;
// 4. installs there with `npm ci --omit=dev` for Electron's ABI (npm_config_runtime=electron), so the
//    repository's node_modules (Node's ABI, used by the tests and the desk server) is never rebuilt;
// 5. deletes the files the desk never loads (build/closure.mjs isPacked) and runs electron-builder from the
//    staging folder with electron-builder.yml; installers land in release/.
// --dry-run stops after step 3 (no internet needed beyond the checks, which it reports without failing).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deskClosure, isPacked, packageName } from './closure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = join(root, 'release', 'stage');
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const requireSigning = args.includes('--require-signing');
const builderArgs = args.filter((a) => a !== '--dry-run' && a !== '--require-signing');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron;

/** The staged package.json: the app's metadata and run-time dependencies, nothing of the workspace or the tools. */
export function stagedManifest(p) {
  const keep = ['name', 'productName', 'version', 'description', 'author', 'homepage', 'license', 'private', 'main'];
  return { ...Object.fromEntries(keep.filter((k) => k in p).map((k) => [k, p[k]])), dependencies: p.dependencies };
}

/** The staged lock: the repository's resolved versions for exactly the desk's closure. */
export function stagedLock(p, l) {
  const manifest = stagedManifest(p);
  const packages = { '': { name: manifest.name, version: manifest.version, dependencies: manifest.dependencies } };
  for (const key of deskClosure(p, l)) {
    const { dev: _d, devOptional: _o, peer: _p, ...entry } = l.packages[key];
    packages[key] = entry;
  }
  return { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages };
}

function electronCached() {
  const dirs = [
    process.env.electron_config_cache,
    join(homedir(), '.cache', 'electron'),
    join(homedir(), 'Library', 'Caches', 'electron'),
    process.env.LOCALAPPDATA && join(process.env.LOCALAPPDATA, 'electron', 'Cache'),
  ].filter(Boolean);
  const found = (dir) =>
    existsSync(dir) &&
    readdirSync(dir).some(
      (n) => n.startsWith(`electron-v${electronVersion}-`) || (statSync(join(dir, n)).isDirectory() && found(join(dir, n))),
    );
  return dirs.some(found);
}

function registry() {
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['config', 'get', 'registry'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  return (r.stdout || 'https://registry.npmjs.org/').trim();
}

/** What the packaging downloads, and from where (each overridable by a mirror variable). */
function needs() {
  const list = [
    { what: "the desk's run-time packages (npm ci in the staging folder)", url: registry(), env: 'npm config registry' },
    {
      what: `better-sqlite3 prebuilt for Electron ${electronVersion} (or Electron's headers to compile it)`,
      url: 'https://github.com/WiseLibs/better-sqlite3/releases/',
      env: 'npm_config_better_sqlite3_binary_host_mirror',
      alt: process.env.npm_config_better_sqlite3_binary_host_mirror,
    },
    {
      what: "electron-builder's tools (NSIS, AppImage, winCodeSign)",
      url: 'https://github.com/electron-userland/electron-builder-binaries/releases/',
      env: 'ELECTRON_BUILDER_BINARIES_MIRROR',
      alt: process.env.ELECTRON_BUILDER_BINARIES_MIRROR,
    },
  ];
  if (!electronCached())
    list.unshift({
      what: `Electron ${electronVersion} for this platform`,
      url: 'https://github.com/electron/electron/releases/',
      env: 'ELECTRON_MIRROR',
      alt: process.env.ELECTRON_MIRROR,
    });
  return list;
}

async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(8000) });
    return true;
  } catch {
    return false;
  }
}

function run(cmd, cmdArgs, opts) {
  console.log(`> ${cmd} ${cmdArgs.join(' ')}${opts?.cwd ? `   (in ${relative(root, opts.cwd) || '.'})` : ''}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', shell: process.platform === 'win32', ...opts });
  if (r.status !== 0) {
    console.error(`npm run package: "${cmd} ${cmdArgs[0]}" failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

function pruneUnpacked(dir, inPackage) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules' && entry.isDirectory()) continue;
    const rel = `${inPackage}/${entry.name}`;
    if (entry.isDirectory()) pruneUnpacked(path, rel);
    else if (!isPacked(rel)) rmSync(path);
  }
}

async function main() {
  console.log(`LobbyDesk ${pkg.version}: packaging with Electron ${electronVersion}. Needs from the internet:`);
  const missing = [];
  const list = needs();
  const answers = await Promise.all(list.map((n) => reachable(n.alt || n.url)));
  list.forEach((n, i) => {
    console.log(`  ${answers[i] ? 'ok  ' : 'FAIL'} ${n.what}: ${n.alt || n.url}${n.alt ? ` (${n.env})` : ''}`);
    if (!answers[i]) missing.push(n);
  });
  if (missing.length && !dryRun) {
    console.error(
      `\nCannot reach ${[...new Set(missing.map((n) => new URL(n.alt || n.url).host))].join(', ')}: nothing was built. ` +
        `Connect this PC to the internet, or point ${missing.map((n) => n.env).join(', ')} at a mirror you can reach` +
        (electronCached() ? '.' : ` (or put electron-v${electronVersion}-<platform>-<arch>.zip in Electron's cache).`),
    );
    process.exit(2);
  }
  const signed = !!(process.env.WIN_CSC_LINK || process.env.CSC_LINK);
  console.log(
    signed
      ? 'Code signing: certificate from WIN_CSC_LINK / CSC_LINK.'
      : 'Code signing: none (WIN_CSC_LINK / CSC_LINK unset): the Windows installer will be unsigned and SmartScreen will warn.',
  );
  if (requireSigning && !signed) {
    console.error('--require-signing: set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD (or CSC_LINK / CSC_KEY_PASSWORD).');
    process.exit(2);
  }

  run(process.execPath, [join(root, 'build', 'build.mjs')]);

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  cpSync(join(root, 'dist'), join(stage, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(stagedManifest(pkg), null, 2)}\n`);
  writeFileSync(join(stage, 'package-lock.json'), `${JSON.stringify(stagedLock(pkg, lock), null, 2)}\n`);
  console.log(`staged ${relative(root, stage)}: dist/ and ${Object.keys(pkg.dependencies).length} run-time dependencies`);
  if (dryRun) return;

  // Native modules built for Electron, in the staging folder only.
  const electronEnv = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: process.env.npm_config_disturl || 'https://electronjs.org/headers',
  };
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
    cwd: stage,
    env: electronEnv,
  });
  for (const key of deskClosure(pkg, lock)) {
    const dir = join(stage, key);
    if (existsSync(dir)) pruneUnpacked(dir, packageName(key));
  }

  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  run(
    process.execPath,
    [
      cli,
      '--projectDir',
      stage,
      '--config',
      join(root, 'electron-builder.yml'),
      `-c.directories.output=${join(root, 'release')}`,
      `-c.directories.buildResources=${join(root, 'build')}`,
      `-c.nsis.include=${join(root, 'build', 'installer.nsh')}`,
      `-c.electronVersion=${electronVersion}`,
      ...(requireSigning ? ['-c.forceCodeSigning=true'] : []),
      ...builderArgs,
    ],
    { cwd: stage },
  );
  console.log(`installers in ${relative(root, join(root, 'release'))}/`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
