import JSZip from 'jszip';

/**
 * The diagnostics package as a ZIP (jszip): deflated, UTF-8 names, every entry stamped with the moment
 * of the export, no separate folder entries. Readable by Windows Explorer, unzip and 7-Zip.
 */
export function zip(entries: { name: string; data: Buffer }[], at = new Date()): Promise<Buffer> {
  const archive = new JSZip();
  for (const e of entries) archive.file(e.name, e.data, { date: at, createFolders: false });
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
