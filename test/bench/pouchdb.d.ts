// Minimal typings for the PouchDB baseline of the sync benchmark (the packages ship none).
declare module 'pouchdb-node' {
  interface Replication extends PromiseLike<{ docs_written: number; ok: boolean }> {
    on(event: string, cb: (x: unknown) => void): Replication;
  }
  interface PouchDatabase {
    bulkDocs(docs: object[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    replicate: { to(target: string | PouchDatabase, opts?: object): Replication };
    close(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string, opts?: object): PouchDatabase;
    defaults(opts: object): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'express-pouchdb' {
  export default function expressPouchDB(pouch: unknown, opts?: object): unknown;
}
declare module 'express' {
  import type { Server } from 'node:http';
  interface App {
    use(path: string, handler: unknown): void;
    listen(port: number, host: string): Server;
  }
  export default function express(): App;
}
