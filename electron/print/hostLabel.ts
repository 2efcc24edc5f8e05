import { hostLine } from '../../shared/print/hostLine.js';

/** A visit row's host as the paper reads it (`hostLine`). */
export const hostLabel = (v: { host_unit_code: string; host_name: string; host_company: string }) =>
  hostLine(v.host_unit_code, v.host_company, v.host_name);
