import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { missingAttachments } from '../../hq/src/store/attachments.js';
import { runCli } from '../../hq/src/cli.js';
import { fileSecretStore } from '../../electron/sync/secret.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { newRequestId, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { importPassDirectory } from '../support/releasePass.js';
import { damage, mailInput, PNG_1x1, pickupInput } from '../support/mail.js';
import { FaultProxy } from './faultProxy.js';

/**
 * Photos and signatures travel on their own channel after the events that name them
 * (docs/sync-protocol.md, "Attachments"): HQ must end up with every picture, byte for byte, once.
 */
const suite = hqSuite();
const desk = async (deviceCode: string) => {
  const d = await suite.openDesk({ deviceCode });
  await importPassDirectory(d);
  return d;
};
/** A picture the desk accepts (it checks the magic bytes), different every call. */
const png = () => Buffer.concat([Buffer.from(PNG_1x1, 'base64').subarray(0, 16), randomBytes(3000)]);
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** What an HQ admin reads from `npm run hq -- attachments HY`. */
const adminReport = async () => {
  const lines: string[] = [];
  expect(await runCli(suite.hq.db, ['attachments', 'HY'], (l) => lines.push(l))).toBe(0);
  return lines;
};

const hqPictures = async () =>
  (await suite.hq.db.selectFrom('attachments').select(['sha256', 'mime', 'size', 'data']).orderBy('sha256').execute()).map(
    (r) => ({
      ...r,
      hashOfBytes: sha(r.data),
    }),
  );

/** A damaged parcel with a photo, a letter handed over with a drawn signature, a post-log entry with a photo. */
async function writePictures(d: TestDesk, photo = png(), signature = Buffer.from(PNG_1x1, 'base64'), logPhoto = jpeg()) {
  await d.ok(
    'mail:receive',
    await mailInput(d, {
      condition: 'damaged',
      damage: damage({ photo: { fileName: 'parcel.png', contentBase64: photo.toString('base64') } }),
    }),
  );
  const { item } = await d.ok('mail:receive', await mailInput(d));
  await d.ok(
    'mail:pickUp',
    pickupInput(item.id, { signature: { fileName: 'signature.png', contentBase64: signature.toString('base64') } }),
  );
  await d.ok('log:add', {
    entryId: newRequestId(),
    category: 'incident',
    text: '大堂地面破损',
    attachment: { fileName: 'floor.jpg', contentBase64: logPhoto.toString('base64') },
  });
  return { photo, signature, logPhoto };
}

describe('photos and signatures reach HQ', () => {
  it('after the events, byte for byte, once — and the same signature from a second desk is one picture', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    const { siteId, clients } = await enrollDesks(suite.hq, [a, b]);
    const [ca, cb] = clients;
    const sent = await writePictures(a);
    expect((await ca.status()).attachmentsWaiting).toBe(3);

    await ca.syncNow();
    const status = await ca.status();
    expect(status).toMatchObject({ waiting: 0, attachmentsWaiting: 0, lastError: null });
    const pictures = await hqPictures();
    expect(pictures.map((p) => p.sha256)).toEqual([sent.photo, sent.signature, sent.logPhoto].map(sha).sort());
    // Each is stored under the hash of its own bytes, with the type the events name.
    for (const p of pictures) expect(p.hashOfBytes).toBe(p.sha256);
    expect(pictures.find((p) => p.sha256 === sha(sent.logPhoto))?.mime).toBe('image/jpeg');
    expect(await missingAttachments(suite.hq.db, siteId)).toEqual([]);

    // The other desk signs a hand-over with the very same picture: HQ keeps one copy.
    await writePictures(b, png(), sent.signature, jpeg());
    await cb.syncNow();
    expect((await cb.status()).attachmentsWaiting).toBe(0);
    expect(await hqPictures()).toHaveLength(5);
    expect(await missingAttachments(suite.hq.db, siteId)).toEqual([]);
    // Nothing is sent twice: a new round finds no picture to upload.
    expect(await ca.uploadAttachments()).toBe(0);
  });

  it('while HQ cannot be reached the pictures wait on the status bar; when it is back they go up', async () => {
    const a = await desk('A1');
    const proxy = new FaultProxy(
      () => suite.hq.port,
      () => suite.hq.restart(),
    );
    const proxyUrl = await proxy.listen();
    try {
      const { siteId, clients } = await enrollDesks(suite.hq, [a], proxyUrl);
      const [ca] = clients;
      await writePictures(a);
      // Events go through; every picture upload is cut off.
      proxy.next = (path) => (path.includes('attachment') ? 'drop' : 'pass');
      await ca.syncNow();
      let s = await ca.status();
      expect(s.waiting).toBe(0);
      expect(s.attachmentsWaiting).toBe(3);
      expect(s.lastError).toMatch(/^network/);
      expect((await missingAttachments(suite.hq.db, siteId)).length).toBe(3);
      const before = await adminReport();
      expect(before[0]).toBe('received: 0\tnot yet received: 3');
      expect(before.slice(1).every((l) => /^missing\t[0-9a-f]{64}$/.test(l))).toBe(true);

      proxy.next = () => 'pass';
      await ca.syncNow();
      s = await ca.status();
      expect(s).toMatchObject({ attachmentsWaiting: 0, lastError: null });
      expect(await missingAttachments(suite.hq.db, siteId)).toEqual([]);
      expect(await adminReport()).toEqual(['received: 3\tnot yet received: 0']);
    } finally {
      await proxy.close();
    }
  });

  it('HQ refuses bytes that do not match their name or type and requests without a credential; nothing is stored', async () => {
    const a = await desk('A1');
    await enrollDesks(suite.hq, [a]);
    const deviceId = a.backend.database.raw.prepare('SELECT device_id FROM sync_state').pluck().get() as string;
    const secret = fileSecretStore(a.dataDir).get()!;
    const upload = (body: object, auth = true) =>
      fetch(`${suite.hq.url}/sync/attachment`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth ? { 'x-device-id': deviceId, authorization: `Bearer ${secret}` } : {}),
        },
        body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...body }),
      });
    const bytes = png();
    const good = { sha256: sha(bytes), mime: 'image/png', contentBase64: bytes.toString('base64') };

    const wrongHash = await upload({ ...good, sha256: sha(png()) });
    expect(wrongHash.status).toBe(400);
    expect(((await wrongHash.json()) as { message: string }).message).toMatch(/do not hash/);
    const wrongType = await upload({ ...good, mime: 'image/jpeg' });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { message: string }).message).toMatch(/not image\/jpeg/);
    const notAPicture = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(
      (await upload({ sha256: sha(notAPicture), mime: 'image/png', contentBase64: notAPicture.toString('base64') })).status,
    ).toBe(400);
    expect((await upload(good, false)).status).toBe(401);
    expect(await hqPictures()).toEqual([]);

    expect(await (await upload(good)).json()).toEqual({ sha256: good.sha256, stored: true });
    expect(await (await upload(good)).json()).toEqual({ sha256: good.sha256, stored: false });
    expect(await hqPictures()).toHaveLength(1);
  });

  it('a picture HQ refuses (its bytes damaged on the desk) is listed for a supervisor and does not hold the others back', async () => {
    const a = await desk('A1');
    const [ca] = (await enrollDesks(suite.hq, [a])).clients;
    const { photo } = await writePictures(a);
    // The disk flipped bits in the stored photo: its bytes no longer hash to the name its event carries.
    const damaged = Buffer.from(photo);
    damaged[100] ^= 0xff;
    a.backend.database.raw.prepare('UPDATE attachments SET data = ? WHERE sha256 = ?').run(damaged, sha(photo));

    await ca.syncNow();
    expect(await ca.status()).toMatchObject({ attachmentsWaiting: 0, rejections: 1, lastError: null });
    expect(a.backend.database.raw.prepare('SELECT event_id, type, reason FROM sync_rejections').all()).toEqual([
      { event_id: `attachment:${sha(photo)}`, type: 'Attachment', reason: 'bad_request' },
    ]);
    expect(await hqPictures()).toHaveLength(2);
  });
});
