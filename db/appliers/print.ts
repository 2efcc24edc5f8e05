import type { Applier } from './index.js';

export const printAppliers: { PrintJobQueued: Applier<'PrintJobQueued'> } = {
  // Print jobs from other desks are recorded (reprint counts are site-wide) but never printed here.
  async PrintJobQueued(db, { payload: p, recordedAt, deviceId }) {
    await db
      .insertInto('print_jobs')
      .values({
        id: p.jobId,
        doc_type: p.docType,
        doc_id: p.docId,
        layout: p.layout,
        copy_no: p.copyNo,
        device_id: deviceId,
        status: 'queued',
        created_at: recordedAt,
        printed_at: null,
        error: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
};
