import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.js';

/**
 * Issue 20 item 5: db/schema.ts is kept by hand beside the migrations; this proves it matches. A fresh
 * database is migrated and every table, column, column kind (text / number / bytes) and nullability is
 * compared with the Kysely interface `Database`, read with the TypeScript compiler. A migration that adds
 * a column without the interface (or the other way round) fails here and names the column.
 */
type Kind = 'text' | 'number' | 'bytes';
interface Column {
  kind: Kind | string;
  nullable: boolean;
}
type Tables = Record<string, Record<string, Column>>;

const SQL_KINDS: Record<string, Kind> = { TEXT: 'text', INTEGER: 'number', REAL: 'number', BLOB: 'bytes' };

async function migratedTables(): Promise<Tables> {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-schema-'));
  const opened = await openDatabase(join(dir, 'lobbydesk.sqlite'));
  try {
    const all = opened.raw
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    // A full-text index (the post log's log_fts) is a virtual table with shadow tables of its own; it is
    // read with raw SQL, not through Kysely, so the interface does not list it.
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    const names = all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    const out: Tables = {};
    for (const { name } of names) {
      const cols = opened.raw.prepare(`PRAGMA table_info(${name})`).all() as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }[];
      out[name] = Object.fromEntries(
        cols.map((c) => [c.name, { kind: SQL_KINDS[c.type.toUpperCase()] ?? c.type, nullable: c.notnull === 0 && c.pk === 0 }]),
      );
    }
    return out;
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function interfaceTables(): Tables {
  const file = join(import.meta.dirname, '../../db/schema.ts');
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error('db/schema.ts has no interface Database');

  const kindOf = (t: ts.Type): Column => {
    // Generated<T> and ColumnType<S, I, U>: what a select reads is S.
    const selected = t.getProperty('__select__');
    if (selected) t = checker.getTypeOfSymbol(selected);
    const parts = t.isUnion() ? t.types : [t];
    const nullable = parts.some((p) => p.flags & ts.TypeFlags.Null);
    const rest = parts.filter((p) => !(p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    const every = (flag: ts.TypeFlags) => rest.length > 0 && rest.every((p) => p.flags & flag);
    const name = rest.map((p) => checker.typeToString(p)).join(' | ');
    const kind = every(ts.TypeFlags.StringLike)
      ? 'text'
      : every(ts.TypeFlags.NumberLike)
        ? 'number'
        : /^(Buffer|Uint8Array)/.test(name)
          ? 'bytes'
          : name;
    return { kind, nullable };
  };

  const out: Tables = {};
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const table = (member.name as ts.Identifier).text;
    const tableType = checker.getTypeFromTypeNode(member.type);
    out[table] = Object.fromEntries(
      checker.getPropertiesOfType(tableType).map((p) => [p.name, kindOf(checker.getTypeOfSymbol(p))]),
    );
  }
  return out;
}

describe('db/schema.ts matches the migrated database', () => {
  it('has every table and column with its kind and nullability, and nothing the migrations lack', async () => {
    const [db, declared] = [await migratedTables(), interfaceTables()];
    const problems: string[] = [];
    for (const table of new Set([...Object.keys(db), ...Object.keys(declared)])) {
      if (!declared[table]) problems.push(`${table}: in the database, not in interface Database`);
      else if (!db[table]) problems.push(`${table}: in interface Database, no migration creates it`);
      else
        for (const col of new Set([...Object.keys(db[table]), ...Object.keys(declared[table])])) {
          const [a, b] = [db[table][col], declared[table][col]];
          if (!b) problems.push(`${table}.${col}: in the database, not in db/schema.ts`);
          else if (!a) problems.push(`${table}.${col}: in db/schema.ts, no migration creates it`);
          else {
            if (a.kind !== b.kind) problems.push(`${table}.${col}: ${a.kind} in the database, ${b.kind} in db/schema.ts`);
            if (a.nullable !== b.nullable)
              problems.push(
                `${table}.${col}: ${a.nullable ? 'nullable' : 'NOT NULL'} in the database, ${b.nullable ? 'nullable' : 'not null'} in db/schema.ts`,
              );
          }
        }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(declared).length).toBeGreaterThan(40);
  });
});
