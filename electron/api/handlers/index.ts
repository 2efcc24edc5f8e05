import type { HandlerMap } from '../context.js';
import { setupHandlers } from './setup.js';
import { setupFromHqHandlers } from './setupFromHq.js';
import { authHandlers } from './auth.js';
import { staffHandlers } from './staff.js';
import { staffLifecycleHandlers } from './staffLifecycle.js';
import { staffLockoutHandlers } from './staffLockouts.js';
import { settingsHandlers } from './settings.js';
import { siteHandlers } from './site.js';
import { statusHandlers } from './status.js';
import { directoryHandlers } from './directory.js';
import { visitHandlers } from './visits.js';
import { denyHandlers } from './deny.js';
import { printHandlers } from './print.js';
import { shiftHandlers } from './shifts.js';
import { logHandlers } from './log.js';
import { releasePassHandlers } from './releasePasses.js';
import { syncHandlers } from './sync.js';
import { feeHandlers } from './fees.js';
import { feeChargeHandlers } from './feeCharges.js';
import { feeTicketChargeHandlers } from './feeTicketCharge.js';
import { feeReportHandlers } from './feeReports.js';
import { drawerHandlers } from './drawer.js';
import { ticketHandlers } from './tickets.js';
import { mailHandlers } from './mail.js';
import { privacyHandlers } from './privacy.js';
import { personHandlers } from './person.js';
import { conflictHandlers } from './conflicts.js';
import { resendHandlers } from './rejectionResend.js';
import { diagnosticsHandlers } from './diagnostics.js';

/** Every procedure of the contract has exactly one handler; the type makes a missing one an error. */
export const handlers: HandlerMap = {
  ...setupHandlers,
  ...setupFromHqHandlers,
  ...authHandlers,
  ...staffHandlers,
  ...staffLifecycleHandlers,
  ...staffLockoutHandlers,
  ...settingsHandlers,
  ...siteHandlers,
  ...statusHandlers,
  ...directoryHandlers,
  ...visitHandlers,
  ...denyHandlers,
  ...printHandlers,
  ...shiftHandlers,
  ...logHandlers,
  ...releasePassHandlers,
  ...syncHandlers,
  ...feeHandlers,
  ...feeChargeHandlers,
  ...feeTicketChargeHandlers,
  ...feeReportHandlers,
  ...drawerHandlers,
  ...ticketHandlers,
  ...mailHandlers,
  ...privacyHandlers,
  ...personHandlers,
  ...conflictHandlers,
  ...resendHandlers,
  ...diagnosticsHandlers,
};
