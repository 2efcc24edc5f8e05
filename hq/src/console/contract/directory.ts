import { z } from 'zod';
import { read, write } from './define.js';
import { RaiseChargeInput as DeskRaiseChargeInput } from '../../../../shared/api/feeSchemas.js';
import { requiredText } from '../../../../shared/api/fields.js';

/*
 * A site's occupant directory and charges from the console (issue 21 item 3), as the CLI's import-directory
 * and import-charges (hq/src/store/masterImport.ts): the desk's file formats, every bad line listed and
 * nothing imported while there is one. The file travels as base64 inside the JSON body (the console's API
 * takes JSON only) and is refused above IMPORT_MAX_BYTES.
 */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Base64 of IMPORT_MAX_BYTES, rounded up: a longer text is refused before it is decoded. */
const MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;

const siteId = z.string().min(1);

export const ImportInput = z.strictObject({
  siteId,
  fileName: requiredText(200),
  contentBase64: z
    .string({ message: 'err.required' })
    .min(1, { message: 'err.required' })
    .max(MAX_BASE64, { message: 'directory.err.tooLarge' }),
});

export const DirectoryImported = z.strictObject({ units: z.number(), occupants: z.number(), created: z.number() });
export const ChargesImported = z.strictObject({ charges: z.number(), units: z.number(), totalFen: z.number() });

/**
 * A refused import says so at `fileName` (directory.err.rows) and names each bad line in an issue at
 * `line.<n>.<column>` with the desk's message key: the console lists them as a table.
 */
export const LINE_ISSUE = /^line\.(\d+)\.(.*)$/;

export const UnitsInput = z.strictObject({ siteId });
export const SiteUnits = z.array(z.strictObject({ unitId: z.string(), code: z.string(), areaM2: z.number().nullable() }));

/** The desk's one-off charge (shared/api/feeSchemas.ts), for a unit named by its code at the site. */
export const RaiseChargeInput = z.strictObject({
  ...DeskRaiseChargeInput.omit({ unitId: true }).shape,
  siteId,
  unitCode: z.string({ message: 'err.required' }).trim().min(1, { message: 'err.required' }),
});
export const RaisedCharge = z.strictObject({
  chargeId: z.string(),
  unitCode: z.string(),
  item: z.string(),
  period: z.string(),
  amountFen: z.number(),
});

/** Imports and units: the HQ admin and finance (the auditor reads the units); a charge: finance or admin. */
export const directoryProcs = {
  'directory.units': read(UnitsInput, SiteUnits, ['admin', 'finance', 'auditor']),
  'directory.importDirectory': write(ImportInput, DirectoryImported, ['admin']),
  'directory.importCharges': write(ImportInput, ChargesImported, ['admin', 'finance']),
  'directory.raiseCharge': write(RaiseChargeInput, RaisedCharge, ['admin', 'finance']),
};
