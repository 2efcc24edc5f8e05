import { z } from 'zod';
import type { Role } from '../domain/staff.js';
import * as s from './schemas.js';
import * as rp from './releasePassSchemas.js';
import { requiredText } from './fields.js';

/**
 * Every procedure of the desk, declared once. Main/desk server register handlers against this map;
 * the preload and the HTTP client expose `call(name, input)` typed from it.
 * `access`: 'public' needs no sign-in; a role name is the least role allowed.
 */
type Access = 'public' | Role;
const proc = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access) => ({
  input,
  output,
  access,
});

export const contract = {
  'setup:status': proc(s.Empty, s.SetupStatus, 'public'),
  'setup:complete': proc(s.SetupInput, s.SessionInfo, 'public'),

  'auth:signIn': proc(s.SignInInput, s.SessionInfo, 'public'),
  'auth:session': proc(s.Empty, s.SessionInfo.nullable(), 'public'),
  'auth:signOut': proc(s.Empty, z.null(), 'public'),
  'auth:lock': proc(s.Empty, z.null(), 'public'),
  'auth:changePin': proc(s.ChangePinInput, z.null(), 'receptionist'),

  'staff:list': proc(s.Empty, z.array(s.StaffSummary), 'receptionist'),
  'staff:create': proc(s.CreateStaffInput, s.StaffSummary, 'admin'),

  'settings:get': proc(s.Empty, s.Settings, 'receptionist'),
  'settings:update': proc(s.Settings.partial(), s.Settings, 'manager'),

  'status:get': proc(s.Empty, s.DeskStatus, 'receptionist'),

  'directory:import': proc(s.DirectoryImportInput, s.DirectoryImportResult, 'manager'),
  'directory:search': proc(s.DirectorySearchInput, z.array(s.HostMatch), 'receptionist'),
  'directory:stats': proc(s.Empty, s.DirectoryStats, 'receptionist'),

  'visits:checkIn': proc(s.CheckInInput, s.CheckInResult, 'receptionist'),
  'visits:checkOut': proc(s.CheckOutInput, s.Visit, 'receptionist'),
  'visits:onSite': proc(s.Empty, z.array(s.Visit), 'receptionist'),
  'visits:notReturned': proc(s.Empty, z.array(s.Visit), 'receptionist'),
  'visits:search': proc(s.VisitSearchInput, z.array(s.Visit), 'receptionist'),
  'visits:recall': proc(s.RecallInput, s.VisitorProfile.nullable(), 'receptionist'),

  'deny:list': proc(s.Empty, z.array(s.DenyEntry), 'receptionist'),
  'deny:add': proc(s.DenyEntryInput, s.DenyEntry, 'shift_leader'),
  'deny:revoke': proc(z.object({ id: z.string(), reason: requiredText(200) }), z.null(), 'shift_leader'),

  // Release passes: the desk issues, lists and cancels; the gate (and anyone above) verifies and records.
  'passes:unitInfo': proc(rp.UnitInfoInput, rp.UnitInfo, 'receptionist'),
  'passes:issue': proc(rp.IssuePassInput, rp.IssuePassResult, 'receptionist'),
  'passes:cancel': proc(rp.CancelPassInput, rp.ReleasePass, 'receptionist'),
  'passes:list': proc(rp.PassListInput, z.array(rp.ReleasePass), 'receptionist'),
  'passes:search': proc(rp.PassSearchInput, z.array(rp.ReleasePass), 'receptionist'),
  'passes:verify': proc(rp.VerifyPassInput, rp.PassCheck, 'guard'),
  'passes:release': proc(rp.ReleaseGoodsInput, rp.PassCheck, 'guard'),
  'passes:refuse': proc(rp.RefuseGoodsInput, rp.PassCheck, 'guard'),

  'print:request': proc(s.PrintRequest, s.PrintJob, 'receptionist'),
  'print:html': proc(z.object({ jobId: z.string() }), z.object({ html: z.string(), job: s.PrintJob }), 'receptionist'),
  'print:markPrinted': proc(z.object({ jobId: z.string() }), z.null(), 'receptionist'),
  'print:pdf': proc(z.object({ jobId: z.string() }), z.object({ fileName: z.string(), base64: z.string() }), 'receptionist'),
  'print:recent': proc(s.Empty, z.array(s.PrintJob), 'receptionist'),
} as const;

export type Contract = typeof contract;
export type ProcName = keyof Contract;
export type ProcInput<N extends ProcName> = z.input<Contract[N]['input']>;
export type ProcParsed<N extends ProcName> = z.output<Contract[N]['input']>;
export type ProcOutput<N extends ProcName> = z.output<Contract[N]['output']>;

/** Server-pushed notifications (IPC or Server-Sent Events). */
export type DeskNotice =
  { kind: 'visits-changed' } | { kind: 'passes-changed' } | { kind: 'print-queued'; jobId: string } | { kind: 'locked' };
