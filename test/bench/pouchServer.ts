/**
 * The PouchDB baseline's server side in its own process, as our HQ runs in its own (sync.ts):
 * express-pouchdb on loopback over LevelDB in the folder given as argv[2]. Prints `listening <port>`.
 */
import { join } from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-node';

const dir = process.argv[2];
const ServerPouch = PouchDB.defaults({ prefix: `${dir}/` });
const app = express();
app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', logPath: join(dir, 'log.txt') }));
const server = app.listen(0, '127.0.0.1');
server.on('listening', () => process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
