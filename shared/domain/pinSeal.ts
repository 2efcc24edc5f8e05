/**
 * PIN hashes stay home (issue 16 item 6). The scrypt hash of a PIN (electron/api/pin.ts) is kept in the
 * clear only at the desk where the PIN was set — it must sign that person in offline, also after a restore
 * onto a new PC. What leaves for the site is sealed: HQ seals the hash of every event it stores and
 * forwards (hq/src/store/pinSeal.ts: AES-256-GCM under an HKDF subkey of the site's ID key, `sites.id_key`,
 * which the site's desks receive at enrolment), and a desk keeps what it pulls sealed, opening it with its
 * key ring only to check a PIN (electron/privacy/pinSeal.ts). The staff id is the associated data: a sealed
 * hash copied onto another person does not open. Format: `pin1.` + base64(iv 12 | tag 16 | ciphertext).
 */
export const PIN_EVENTS: readonly string[] = ['StaffCreated', 'StaffPinChanged', 'StaffPinReset'];
export const PIN_SEAL_LABEL = 'lobbydesk/staff-pin-seal/v1';
export const PIN_SEAL_PREFIX = 'pin1.';
export const pinSealAad = (staffId: string) => `staff:${staffId}:pin`;

export const isPlainPinHash = (value: unknown): boolean => typeof value === 'string' && value.startsWith('scrypt$');
