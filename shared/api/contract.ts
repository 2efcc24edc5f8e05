import { z } from 'zod';
import type { Role } from '../domain/staff.js';
import * as s from './schemas.js';
import * as sh from './shiftSchemas.js';
import * as lg from './logSchemas.js';
import * as rp from './releasePassSchemas.js';
import * as sy from './syncSchemas.js';
import * as fe from './feeSchemas.js';
import * as dr from './drawerSchemas.js';
import * as tk from './ticketSchemas.js';
import * as ml from './mailSchemas.js';
import * as st from './siteSchemas.js';
import * as pv from './privacySchemas.js';
import * as cf from './conflictSchemas.js';
import { requiredText } from './fields.js';

/**
 * Every procedure of the desk, declared once. Main/desk server register handlers against this map;
 * the preload and the HTTP client expose `call(name, input)` typed from it.
 * `access`: 'public' needs no sign-in; a role name is the least role allowed.
 * `gate: 'shift'`: desk work — the caller must be on this desk's open shift, which they joined by
 * acknowledging the last handover with their PIN. Not gated: setup, sign-in, staff, settings, status,
 * the directory import, the shift procedures themselves (reading the handover is the way in) and
 * printing (the evacuation roll call must print whatever state the desk is in; prints only render
 * documents that exist).
 */
type Access = 'public' | Role;
export type Gate = 'none' | 'shift';
const proc = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access, gate: Gate = 'none') => ({
  input,
  output,
  access,
  gate,
});
const work = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access) =>
  proc(input, output, access, 'shift');

export const contract = {
  'setup:status': proc(s.Empty, s.SetupStatus, 'public'),
  'setup:complete': proc(s.SetupInput, s.SessionInfo, 'public'),
  'setup:fromHq': proc(sy.EnrollInput, s.SetupFromHqResult, 'public'),
  'setup:firstAdmin': proc(s.FirstAdminInput, s.SessionInfo, 'public'),

  'auth:signIn': proc(s.SignInInput, s.SessionInfo, 'public'),
  'auth:session': proc(s.Empty, s.SessionInfo.nullable(), 'public'),
  'auth:signOut': proc(s.Empty, z.null(), 'public'),
  'auth:lock': proc(s.Empty, z.null(), 'public'),
  'auth:changePin': proc(s.ChangePinInput, z.null(), 'guard'),

  'staff:list': proc(s.Empty, z.array(s.StaffSummary), 'receptionist'),
  'staff:create': proc(s.CreateStaffInput, s.StaffSummary, 'admin'),
  // A manager reaches these too; the handler limits them to people and roles up to shift leader.
  'staff:update': proc(s.UpdateStaffInput, s.StaffSummary, 'manager'),
  'staff:disable': proc(s.StaffIdInput, s.StaffSummary, 'manager'),
  'staff:enable': proc(s.StaffIdInput, s.StaffSummary, 'manager'),
  'staff:resetPin': proc(s.ResetStaffPinInput, s.StaffSummary, 'manager'),
  // Who is locked out after wrong PINs: a shift leader watches the desk; others do not learn of colleagues' locks.
  'staff:lockouts': proc(s.Empty, s.PinLockouts, 'shift_leader'),

  'settings:get': proc(s.Empty, s.Settings, 'receptionist'),
  'settings:update': proc(s.Settings.partial(), s.Settings, 'manager'),
  'site:details': proc(s.Empty, st.SiteDetailsView, 'guard'),
  'site:updateDetails': proc(st.SiteDetails, st.SiteDetailsView, 'admin'),

  'status:get': proc(s.Empty, s.DeskStatus, 'guard'),

  'sync:status': proc(s.Empty, sy.SyncStatus, 'guard'),
  'sync:now': proc(s.Empty, sy.SyncStatus, 'guard'),
  'sync:enroll': proc(sy.EnrollInput, sy.SyncStatus, 'admin'),
  'sync:rejections': proc(s.Empty, z.array(sy.SyncRejection), 'shift_leader'),

  'directory:import': proc(s.DirectoryImportInput, s.DirectoryImportResult, 'manager'),
  'directory:search': work(s.DirectorySearchInput, z.array(s.HostMatch), 'receptionist'),
  'directory:revealPhone': work(s.RevealPhoneInput, s.RevealedPhone, 'receptionist'),
  'directory:stats': proc(s.Empty, s.DirectoryStats, 'receptionist'),
  'directory:moveOut': proc(s.MoveOutInput, s.HostMatch, 'shift_leader'),

  'visits:checkIn': work(s.CheckInInput, s.CheckInResult, 'receptionist'),
  'visits:checkOut': work(s.CheckOutInput, s.Visit, 'receptionist'),
  'visits:onSite': work(s.Empty, z.array(s.Visit), 'receptionist'),
  'visits:notReturned': work(s.Empty, z.array(s.Visit), 'receptionist'),
  'visits:search': work(s.VisitSearchInput, z.array(s.Visit), 'receptionist'),
  'visits:recall': work(s.RecallInput, s.VisitorProfile.nullable(), 'receptionist'),

  'deny:list': work(s.Empty, z.array(s.DenyEntry), 'receptionist'),
  'deny:add': work(s.DenyEntryInput, s.DenyEntry, 'shift_leader'),
  'deny:revoke': work(z.object({ id: z.string(), reason: requiredText(200) }), z.null(), 'shift_leader'),

  'shift:state': proc(s.Empty, sh.ShiftState, 'receptionist'),
  'shift:handover': proc(sh.HandoverReadInput, sh.HandoverSheet.nullable(), 'receptionist'),
  'shift:open': proc(sh.OpenShiftInput, sh.ShiftState, 'receptionist'),
  'shift:join': proc(sh.JoinShiftInput, sh.ShiftState, 'receptionist'),
  'shift:leave': proc(s.Empty, sh.ShiftState, 'receptionist'),
  'shift:preview': work(s.Empty, sh.HandoverSheet, 'receptionist'),
  'shift:close': work(sh.CloseShiftInput, sh.HandoverSheet, 'receptionist'),
  'shift:overview': proc(s.Empty, sh.ShiftOverview, 'shift_leader'),
  'shift:history': proc(s.Empty, z.array(sh.Shift), 'receptionist'),

  'log:add': work(lg.LogEntryInput, lg.LogEntry, 'receptionist'),
  'log:resolve': work(lg.ResolveInput, lg.LogEntry, 'receptionist'),
  'log:list': work(lg.LogListInput, lg.LogList, 'receptionist'),
  'log:search': work(lg.LogSearchInput, z.array(lg.LogEntry), 'receptionist'),
  'log:attachment': work(z.object({ id: z.string() }), z.object({ mime: z.string(), base64: z.string() }), 'receptionist'),
  'log:tags': work(z.object({ q: z.string().trim().max(40) }), z.array(lg.LogTag), 'receptionist'),

  // Release passes: the desk issues, lists and cancels; the gate (and anyone above) verifies and records.
  'passes:unitInfo': work(rp.UnitInfoInput, rp.UnitInfo, 'receptionist'),
  'passes:issue': work(rp.IssuePassInput, rp.IssuePassResult, 'receptionist'),
  'passes:cancel': work(rp.CancelPassInput, rp.ReleasePass, 'receptionist'),
  'passes:list': work(rp.PassListInput, z.array(rp.ReleasePass), 'receptionist'),
  'passes:search': work(rp.PassSearchInput, z.array(rp.ReleasePass), 'receptionist'),
  'passes:verify': proc(rp.VerifyPassInput, rp.PassCheck, 'guard'),
  'passes:release': proc(rp.ReleaseGoodsInput, rp.PassCheck, 'guard'),
  'passes:refuse': proc(rp.RefuseGoodsInput, rp.PassCheck, 'guard'),

  // Fees (收费): the desk takes money and issues receipts; the drawer is counted at shift end.
  'fees:account': work(fe.AccountInput, fe.Account, 'receptionist'),
  'fees:pay': work(fe.PayInput, fe.PayResult, 'receptionist'),
  'fees:receipt': work(z.object({ receiptId: z.string() }), fe.ReceiptDetail, 'receptionist'),
  'fees:void': work(fe.VoidInput, fe.ReceiptDetail, 'receptionist'),
  'fees:refund': work(fe.RefundInput, z.null(), 'receptionist'),
  // Charges come in by a manager's import, or one at a time from a shift leader up (a form, a paid repair's ticket).
  'fees:raiseCharge': work(fe.RaiseChargeInput, fe.Charge, 'shift_leader'),
  'fees:ticketCharge': work(fe.TicketChargeInput, fe.TicketCharge, 'receptionist'),
  'fees:chargeTicket': work(fe.TicketChargeInput, fe.TicketCharge, 'shift_leader'),
  'fees:importCharges': proc(fe.ChargeImportInput, fe.ChargeImportResult, 'manager'),
  'fees:daily': work(fe.DailyInput, fe.DailyReport, 'receptionist'),
  'fees:dailyExcel': work(fe.DailyInput, fe.ExcelFile, 'receptionist'),
  'fees:arrears': work(s.Empty, fe.ArrearsList, 'receptionist'),
  'fees:remind': work(fe.ReminderInput, z.null(), 'receptionist'),
  'drawer:state': work(s.Empty, fe.DrawerState, 'receptionist'),
  'drawer:float': work(z.object({ amount: fe.yuan }), fe.DrawerState, 'receptionist'),
  'drawer:move': work(dr.DrawerMoveInput, fe.DrawerState, 'receptionist'),
  'drawer:reverse': work(dr.DrawerReverseInput, fe.DrawerState, 'receptionist'),
  'drawer:count': work(fe.DrawerCountInput, fe.DrawerState, 'receptionist'),
  // Intake (咨询/投诉/报修/建议/留言): taken and moved on at the desk; statistics for shift leaders up.
  'tickets:classifier': proc(s.Empty, tk.ClassifierView, 'receptionist'),
  'tickets:create': work(tk.CreateTicketInput, tk.CreateTicketResult, 'receptionist'),
  'tickets:get': work(tk.TicketRef, tk.TicketDetail, 'receptionist'),
  'tickets:search': work(tk.TicketSearchInput, z.array(tk.TicketView), 'receptionist'),
  'tickets:board': work(s.Empty, tk.TicketBoard, 'receptionist'),
  // An anonymous complainant's identity, for a manager, with a reason; every answer is audited.
  'tickets:identity': proc(pv.TicketIdentityInput, pv.TicketIdentity, 'manager'),
  'tickets:dispatch': work(tk.DispatchInput, tk.DispatchResult, 'receptionist'),
  'tickets:step': work(tk.StepInput, tk.TicketDetail, 'receptionist'),
  'tickets:callback': work(tk.CallbackInput, tk.TicketDetail, 'receptionist'),
  'tickets:defer': work(tk.DeferInput, tk.TicketDetail, 'receptionist'),
  'tickets:reopen': work(tk.ReasonInput, tk.TicketDetail, 'receptionist'),
  'tickets:cancel': work(tk.ReasonInput, tk.TicketDetail, 'receptionist'),
  'tickets:note': work(tk.NoteInput, tk.TicketDetail, 'receptionist'),
  'tickets:stats': proc(tk.MonthInput, tk.TicketStats, 'shift_leader'),
  'tickets:export': proc(tk.MonthInput, z.object({ fileName: z.string(), base64: z.string() }), 'shift_leader'),
  // Mail and parcels (报刊函件): the register, the damage register, hand-over and returns.
  'mail:receive': work(ml.ReceiveMailInput, ml.ReceiveResult, 'receptionist'),
  'mail:recordDamage': work(ml.RecordDamageInput, ml.MailDamage, 'receptionist'),
  'mail:confirmDamage': work(ml.ConfirmDamageInput, ml.ConfirmResult, 'receptionist'),
  'mail:notice': work(ml.NoticeInput, ml.MailItem, 'receptionist'),
  'mail:pickUp': work(ml.PickUpInput, ml.MailDetail, 'receptionist'),
  'mail:return': work(ml.ReturnInput, ml.MailDetail, 'receptionist'),
  'mail:countNewspapers': work(ml.NewspaperCountInput, ml.NewspaperCount, 'receptionist'),
  'mail:newspapers': work(s.Empty, z.array(ml.NewspaperCount), 'receptionist'),
  'mail:list': work(ml.MailListInput, z.array(ml.MailItem), 'receptionist'),
  'mail:search': work(ml.MailSearchInput, z.array(ml.MailItem), 'receptionist'),
  'mail:lookup': work(z.object({ trackingNo: ml.trackingNo }), z.array(ml.MailItem), 'receptionist'),
  'mail:detail': work(z.object({ itemId: z.string() }), ml.MailDetail, 'receptionist'),
  'mail:damageList': work(s.Empty, z.array(ml.MailDamage), 'receptionist'),
  'mail:overview': work(s.Empty, ml.MailOverview, 'receptionist'),
  'mail:attachment': work(z.object({ sha256: z.string() }), z.object({ mime: z.string(), base64: z.string() }), 'receptionist'),

  'print:request': proc(s.PrintRequest, s.PrintJob, 'receptionist'),
  'print:html': proc(z.object({ jobId: z.string() }), z.object({ html: z.string(), job: s.PrintJob }), 'receptionist'),
  'print:markPrinted': proc(z.object({ jobId: z.string() }), z.null(), 'receptionist'),
  'print:pdf': proc(z.object({ jobId: z.string() }), z.object({ fileName: z.string(), base64: z.string() }), 'receptionist'),
  'print:recent': proc(s.Empty, z.array(s.PrintJob), 'receptionist'),
  // 设置 → 个人信息访问记录: the audit list of sensitive reads.
  'privacy:reads': proc(pv.PersonalDataReadsInput, z.array(pv.PersonalDataReadRow), 'manager'),
  // 设置 → 个人信息: everything held on one person, a copy (PDF) of it, its erasure.
  'privacy:personSearch': proc(pv.PersonQuery, z.array(pv.PersonRecord), 'manager'),
  'privacy:personExport': proc(pv.PersonQuery, z.object({ fileName: z.string(), base64: z.string() }), 'manager'),
  'privacy:personErase': proc(pv.PersonEraseInput, pv.PersonErased, 'manager'),
  // A full ID number kept sealed at the taking desk (keepFullIdNumbers): a manager's audited reveal.
  'privacy:revealVisitId': proc(pv.RevealVisitIdInput, pv.RevealedVisitId, 'manager'),
  // The conflict inbox: what two desks did to one record while apart, and HQ's rejections, for a leader.
  'conflicts:list': proc(cf.ConflictListInput, z.array(cf.Conflict), 'shift_leader'),
  'conflicts:resolve': proc(cf.ResolveConflictInput, cf.Conflict, 'shift_leader'),
  'conflicts:rejections': proc(s.Empty, z.array(cf.RejectionView), 'shift_leader'),
  'conflicts:handleRejection': proc(cf.HandleRejectionInput, z.null(), 'shift_leader'),
  'conflicts:resendRejection': proc(cf.ResendRejectionInput, cf.ResendOutcome, 'shift_leader'),

  /** 导出诊断包: logs, sync status, versions and settings as a zip for support (no personal data, no secrets). */
  'diagnostics:export': proc(s.Empty, z.object({ fileName: z.string(), base64: z.string() }), 'admin'),
} as const;

export type Contract = typeof contract;
export type ProcName = keyof Contract;
export type ProcInput<N extends ProcName> = z.input<Contract[N]['input']>;
export type ProcParsed<N extends ProcName> = z.output<Contract[N]['input']>;
export type ProcOutput<N extends ProcName> = z.output<Contract[N]['output']>;

/** Server-pushed notifications (IPC or Server-Sent Events). */
export type DeskNotice =
  | { kind: 'visits-changed' }
  | { kind: 'shift-changed' }
  | { kind: 'log-changed' }
  | { kind: 'passes-changed' }
  | { kind: 'fees-changed' }
  | { kind: 'tickets-changed' }
  | { kind: 'mail-changed' }
  | { kind: 'print-queued'; jobId: string }
  | { kind: 'sync-changed' }
  /** A PIN was refused (wrong, locked, desk limit) or reset: the lockout list may have changed. */
  | { kind: 'lockouts-changed' }
  | { kind: 'locked' };
