import { z } from 'zod';
import { normalizePhone, phoneProblem } from '../domain/phone.js';
import { OCCUPANT_ROLES } from './schemas.js';
import { printable } from './fields.js';

/**
 * The directory import format (README: "Directory import"). One row per occupant; units are
 * created from the unit column. Headers may be Chinese or English; order does not matter.
 */
export const DIRECTORY_COLUMNS = {
  unit: ['单元', '單元', '房号', '房號', '房屋', '单元号', 'unit', 'unit_code'],
  building: ['楼栋', '樓棟', '楼宇', 'building'],
  area: ['面积', '面積', '建筑面积', 'area', 'area_m2'],
  name: ['姓名', '住户', '住戶', '联系人', 'name', 'occupant'],
  phone: ['电话', '電話', '手机', '手機', '联系电话', 'phone', 'mobile'],
  role: ['身份', '身分', '类型', 'role'],
  company: ['公司', '单位名称', '企业', 'company'],
} as const;
export type DirectoryColumn = keyof typeof DIRECTORY_COLUMNS;

const ROLE_WORDS: Record<string, (typeof OCCUPANT_ROLES)[number]> = {
  业主: 'owner',
  業主: 'owner',
  owner: 'owner',
  租户: 'tenant',
  租戶: 'tenant',
  租客: 'tenant',
  tenant: 'tenant',
  家属: 'family',
  家屬: 'family',
  成员: 'family',
  family: 'family',
  公司: 'company',
  企业: 'company',
  员工: 'company',
  company: 'company',
  staff: 'company',
};

/** Maps a header cell to its column, or undefined for a column the import ignores. */
export function columnOf(header: string): DirectoryColumn | undefined {
  const h = header.trim().toLowerCase();
  return (Object.keys(DIRECTORY_COLUMNS) as DirectoryColumn[]).find((c) =>
    (DIRECTORY_COLUMNS[c] as readonly string[]).some((alias) => alias.toLowerCase() === h),
  );
}

export const DirectoryRow = z
  .object({
    unit: z.string().trim().toUpperCase().min(1, { message: 'err.import.unitRequired' }).max(30, { message: 'err.tooLong' }),
    building: z.string().trim().max(30, { message: 'err.tooLong' }).default(''),
    area: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || (Number.isFinite(Number(v)) && Number(v) > 0 && Number(v) < 100_000), {
        message: 'err.import.area',
      })
      .transform((v) => (v === '' ? null : Number(v))),
    name: printable(z.string().trim().max(40, { message: 'err.tooLong' })).default(''),
    phone: z
      .string()
      .default('')
      .superRefine((v, ctx) => {
        const problem = v.trim() === '' ? null : phoneProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform(normalizePhone),
    role: z
      .string()
      .trim()
      .default('')
      .transform((v, ctx) => {
        if (v === '') return undefined;
        const role = ROLE_WORDS[v.toLowerCase()];
        if (!role) ctx.addIssue({ code: 'custom', message: 'err.import.role' });
        return role;
      }),
    company: printable(z.string().trim().max(60, { message: 'err.tooLong' })).default(''),
  })
  .superRefine((r, ctx) => {
    if (!r.name && !r.company) ctx.addIssue({ code: 'custom', path: ['name'], message: 'err.import.nameRequired' });
  })
  .transform((r) => ({
    unit: r.unit,
    building: r.building,
    areaM2: r.area,
    // A company row without a person names the company itself as the host.
    name: r.name || r.company,
    phone: r.phone,
    role: r.role ?? (r.company ? ('company' as const) : ('owner' as const)),
    company: r.company,
  }));
export type DirectoryRow = z.output<typeof DirectoryRow>;

export interface ImportProblem {
  line: number;
  column: string;
  message: string;
}
