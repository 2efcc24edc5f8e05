// `npm run icon`: renders build/icon.svg (the one source) into the icons electron-builder packs:
// icon.png (1024 px, Linux and the fallback), icon.ico (Windows: 16–256 px) and icon.icns (macOS: 16–1024 px).
// Uses what the repository already has: playwright-core driving the system's Chromium (LOBBYDESK_CHROMIUM
// or /usr/bin/chromium) to rasterise; ICO and ICNS both hold PNG images, so no other encoder is needed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dir = new URL('.', import.meta.url).pathname;
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');

/** An ICO file of PNG images (Windows Vista and later read PNG entries). */
export function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

/** An ICNS file of PNG images, by Apple's type codes for each size. */
export function icns(pngs) {
  const TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const chunks = pngs.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(TYPES[size], 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

const browser = await chromium.launch({
  executablePath: process.env.LOBBYDESK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage();
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
    );
    return { size, png: await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }) };
  };
  const all = [];
  for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) all.push(await render(size));
  const pick = (sizes) => all.filter((p) => sizes.includes(p.size));
  writeFileSync(join(dir, 'icon.png'), pick([1024])[0].png);
  writeFileSync(join(dir, 'icon.ico'), ico(pick([16, 32, 48, 64, 128, 256])));
  writeFileSync(join(dir, 'icon.icns'), icns(pick([16, 32, 64, 128, 256, 512, 1024])));
  console.log('wrote build/icon.png, build/icon.ico, build/icon.icns from build/icon.svg');
} finally {
  await browser.close();
}
