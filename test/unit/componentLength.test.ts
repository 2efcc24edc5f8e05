import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 20 item 3: no React component function in the renderer is over 150 lines. A component is a
 * function declaration, or an arrow / function expression assigned to a capitalised const (also through
 * a wrapper such as `memo(...)`), whose body returns JSX. Lines are counted from the function's first
 * line to its last, comments inside included.
 */
const MAX_LINES = 150;
const ROOT = join(__dirname, '..', '..');
const RENDERER = join(ROOT, 'renderer', 'src');
// The HQ console (issue 21) and the parts both apps import are held to the same rule.
const CONSOLE = join(ROOT, 'hq', 'console', 'src');
const UI = join(ROOT, 'ui');

/**
 * Components not yet split into parts, each with its length today. The list can only shrink: a listed
 * component that grows fails, and so does one that is no longer over the limit (take it off the list).
 * Key: `file (relative to the repo)#ComponentName`.
 */
const NOT_YET_SPLIT: Record<string, number> = {};

interface Component {
  name: string;
  file: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isJsx = (n: ts.Node) => ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n);

/** Does this function return JSX (a `return <…>` of its own, or an arrow whose body is JSX)? */
function returnsJsx(fn: ts.FunctionLikeDeclaration): boolean {
  if (!fn.body) return false;
  const body = fn.body;
  const strip = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? strip(e.expression) : e);
  const jsxOrBranch = (e: ts.Expression): boolean => {
    const x = strip(e);
    if (isJsx(x)) return true;
    if (ts.isConditionalExpression(x)) return jsxOrBranch(x.whenTrue) || jsxOrBranch(x.whenFalse);
    if (ts.isBinaryExpression(x)) return jsxOrBranch(x.left) || jsxOrBranch(x.right);
    return false;
  };
  if (!ts.isBlock(body)) return jsxOrBranch(body);
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    // A nested function's returns are its own.
    if (n !== body && ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && jsxOrBranch(n.expression)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** The function a capitalised const holds: directly, or as the argument of a wrapper (`memo(() => …)`). */
function heldFunction(init: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!init) return undefined;
  if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  if (ts.isParenthesizedExpression(init)) return heldFunction(init.expression);
  if (ts.isCallExpression(init)) {
    for (const arg of init.arguments) {
      const fn = heldFunction(arg);
      if (fn) return fn;
    }
  }
  return undefined;
}

function components(file: string): Component[] {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: Component[] = [];
  const add = (name: string, fn: ts.FunctionLikeDeclaration, at: ts.Node) => {
    if (!/^[A-Z]/.test(name) || !returnsJsx(fn)) return;
    const first = sf.getLineAndCharacterOfPosition(at.getStart(sf)).line;
    const last = sf.getLineAndCharacterOfPosition(at.getEnd()).line;
    found.push({ name, file: relative(ROOT, file), lines: last - first + 1 });
  };
  const visit = (n: ts.Node) => {
    if (ts.isFunctionDeclaration(n) && n.name) add(n.name.text, n, n);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) {
      const fn = heldFunction(n.initializer);
      if (fn) add(n.name.text, fn, fn);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

const all = [RENDERER, CONSOLE, UI].flatMap(sourceFiles).flatMap(components);
const key = (c: Component) => `${c.file}#${c.name}`;
const describeAll = (cs: Component[]) => cs.map((c) => `${c.name} (${c.file}): ${c.lines} lines`).join('\n');

describe('component length', () => {
  it('finds the components (the measure is not vacuous)', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.map((c) => c.name)).toContain('CheckInPage');
    expect(all.map((c) => c.name)).toContain('ClassifierEditor'); // ui/, shared by both apps
  });

  it(`has no component function over ${MAX_LINES} lines that is not on the allow-list`, () => {
    const over = all.filter((c) => c.lines > MAX_LINES && !(key(c) in NOT_YET_SPLIT));
    expect(describeAll(over), `component functions over ${MAX_LINES} lines`).toBe('');
  });

  it('keeps the allow-list shrinking: a listed component neither grows nor stays listed once short', () => {
    const byKey = new Map(all.map((c) => [key(c), c]));
    const wrong = Object.entries(NOT_YET_SPLIT).flatMap(([k, allowed]) => {
      const c = byKey.get(k);
      if (!c) return [`${k}: listed but no longer exists (take it off the list)`];
      if (c.lines <= MAX_LINES) return [`${k}: ${c.lines} lines now, take it off the list`];
      if (c.lines > allowed) return [`${k}: grew from ${allowed} to ${c.lines} lines`];
      if (c.lines < allowed) return [`${k}: shrank from ${allowed} to ${c.lines} lines, lower its entry`];
      return [];
    });
    expect(wrong.join('\n')).toBe('');
  });
});
