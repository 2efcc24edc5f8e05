import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { residentIdCheckChar } from '../../shared/domain/idDocument.js';
import { maskIdNumber, maskPhone } from '../../shared/domain/mask.js';
import { ADMIN, checkInInput, type TestDesk } from './desk.js';

const DAY = 24 * 60;
const idNumber = (first17: string) => first17 + residentIdCheckChar(first17);
export const VISITOR = { name: '欧阳明珠', phone: '13912345678', idNumber: idNumber('31010419850312771'), plate: '沪A7Q2K9' };

/** What someone with a copy of the data folder would find: the database file and its WAL, as bytes. */
export function fileHolds(desk: TestDesk, text: string): boolean {
  const file = join(desk.dataDir, 'lobbydesk.sqlite');
  const needle = Buffer.from(text, 'utf8');
  return [file, `${file}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(needle));
}

/**
 * The ID number and phone as the desk keeps them (masked; the full ones are never stored, see
 * idNumbersMinimal.test.ts and visitorPhones.test.ts).
 */
export const personalData = () => [VISITOR.name, maskPhone(VISITOR.phone), maskIdNumber(VISITOR.idNumber), VISITOR.plate];

export async function checkInVisitor(desk: TestDesk) {
  const input = await checkInInput(desk, {
    visitor: { name: VISITOR.name, phone: VISITOR.phone, idType: 'resident_id', idNumber: VISITOR.idNumber },
    plate: VISITOR.plate,
    partySize: 3,
  });
  return (await desk.ok('visits:checkIn', input)).visit;
}

/** Days pass; the desk locked itself meanwhile, and the admin signs in again. */
export async function daysLater(desk: TestDesk, days: number) {
  desk.clock.advance(days * DAY);
  await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
}

/** A 2×1 PNG: a picture other than the signature's, so each is dropped by its own rule. */
export const PNG_2x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGP4z8DwH4QBEfcD/ePF9e8AAAAASUVORK5CYII=';
