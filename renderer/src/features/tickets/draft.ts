import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { v4 as uuidv4 } from 'uuid';
import type { HostMatch } from '../../../../shared/api/schemas';
import type { Severity, TicketChannel, TicketKind, Urgency } from '../../../../shared/domain/tickets';

/** What the intake form holds; yuan as typed, turned into fen when sent. */
export interface TicketDraft {
  requestId: string;
  kind: TicketKind | null;
  channel: TicketChannel;
  occupant: HostMatch | null;
  customer: { name: string; unitCode: string; phone: string };
  anonymous: boolean;
  location: string;
  concerned: string;
  description: string;
  wants: string;
  place: string;
  category: string;
  problem: string;
  severity: Severity | null;
  urgency: Urgency | null;
  paid: boolean;
  chargeYuan: string;
  chargeAgreed: boolean;
  convenientTime: string;
  leakTestDate: string;
  promisedReplyAt: string;
  target: HostMatch | null;
}

export const emptyDraft = (): TicketDraft => ({
  requestId: uuidv4(),
  kind: null,
  channel: 'walk_in',
  occupant: null,
  customer: { name: '', unitCode: '', phone: '' },
  anonymous: false,
  location: '',
  concerned: '',
  description: '',
  wants: '',
  place: '',
  category: '',
  problem: '',
  severity: null,
  urgency: null,
  paid: false,
  chargeYuan: '',
  chargeAgreed: false,
  convenientTime: '',
  leakTestDate: '',
  promisedReplyAt: '',
  target: null,
});

interface DraftState {
  draft: TicketDraft;
  patch(p: Partial<TicketDraft>): void;
  clear(): void;
}

/**
 * The intake draft, kept in localStorage: a walk-in complaint is typed while the customer speaks,
 * and survives leaving the page (or a reload) until it is submitted or cleared.
 */
export const useTicketDraft = create<DraftState>()(
  persist(
    (set, get) => ({
      draft: emptyDraft(),
      patch: (p) => set({ draft: { ...get().draft, ...p } }),
      clear: () => set({ draft: emptyDraft() }),
    }),
    { name: 'lobbydesk.ticketDraft' },
  ),
);

const fen = (yuan: string) => (yuan.trim() === '' ? 0 : Math.round(Number(yuan) * 100));
const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The draft as `tickets:create` takes it. */
export function toCreateInput(d: TicketDraft, confirmDuplicate = false) {
  return {
    requestId: d.requestId,
    kind: d.kind as TicketKind,
    channel: d.channel,
    occupantId: d.occupant?.occupantId ?? null,
    customer: { name: d.customer.name, unitCode: d.customer.unitCode, company: '', phone: d.customer.phone },
    anonymous: d.kind === 'complaint' && d.anonymous,
    location: d.location,
    concerned: d.concerned,
    description: d.description,
    wants: d.wants,
    place: d.place,
    category: d.category,
    problem: d.problem,
    severity: d.kind === 'complaint' ? d.severity : null,
    urgency: d.kind === 'repair' ? d.urgency : null,
    paid: d.kind === 'repair' && d.paid,
    chargeFen: d.kind === 'repair' ? fen(d.chargeYuan) : 0,
    chargeAgreed: d.kind === 'repair' && d.paid && d.chargeAgreed,
    convenientTime: d.convenientTime,
    leakTestDate: d.kind === 'repair' ? orNull(d.leakTestDate) : null,
    promisedReplyAt: d.kind === 'inquiry' && d.promisedReplyAt ? new Date(d.promisedReplyAt).toISOString() : null,
    targetOccupantId: d.kind === 'message' ? (d.target?.occupantId ?? null) : null,
    confirmDuplicate,
  };
}
