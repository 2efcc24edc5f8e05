import { v7 as uuidv7 } from 'uuid';
import { desk } from '../api/desk';
import { run } from '../api/useDesk';
import type { ProcInput } from '../../../shared/api/contract';

/**
 * Browser mode prints the job's HTML through the print dialog (Electron prints silently in main).
 * The job is marked printed after the dialog closes; the same job is never printed twice.
 */
export async function printJobInBrowser(jobId: string): Promise<boolean> {
  if (desk.mode === 'electron') return true;
  const r = await run('print:html', { jobId });
  if (!r.ok) return false;
  // Printing must not take the keyboard: the receptionist is already typing the next visitor.
  const focused = document.activeElement as HTMLElement | null;
  await new Promise<void>((resolve) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
    frame.setAttribute('data-testid', 'print-frame');
    frame.tabIndex = -1;
    frame.srcdoc = r.value.html;
    frame.onload = () => {
      frame.contentWindow?.print();
      setTimeout(() => {
        frame.remove();
        resolve();
      }, 500);
    };
    document.body.appendChild(frame);
  });
  // Only give the focus back if printing lost it; if the receptionist moved on meanwhile, stay out of the way.
  const lost = !document.activeElement || document.activeElement === document.body;
  if (lost && focused?.isConnected) focused.focus();
  await run('print:markPrinted', { jobId });
  return true;
}

/** Asks for a print (a reprint when the document printed before) and prints it. */
export async function requestPrint(doc: Omit<ProcInput<'print:request'>, 'jobId'>): Promise<string | null> {
  const r = await run('print:request', { ...doc, jobId: uuidv7() });
  if (!r.ok) return null;
  await printJobInBrowser(r.value.id);
  return r.value.id;
}

/** Saves a job as PDF through the desk (Electron printToPDF, or the desk server's headless Chromium). */
export async function downloadPdf(jobId: string): Promise<string | null> {
  const r = await run('print:pdf', { jobId });
  if (!r.ok) return r.error.message;
  savePdf(r.value);
  return null;
}

/** Hands a PDF the desk made to the browser as a download. */
export function savePdf(pdf: { fileName: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = pdf.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 导出 PDF of a document not yet printed: the job is queued like a print, then saved as PDF (error key or null). */
export async function exportDocPdf(doc: Omit<ProcInput<'print:request'>, 'jobId'>): Promise<string | null> {
  const r = await run('print:request', { ...doc, jobId: uuidv7() });
  if (!r.ok) return r.error.issues?.[0]?.message ?? r.error.message;
  return downloadPdf(r.value.id);
}
