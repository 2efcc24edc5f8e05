import { Input, Space } from 'antd';
import { Controller, type Control, type FieldErrors, type Path } from 'react-hook-form';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';

/** The first administrator, typed twice for the PIN; both setup forms carry these fields. */
export interface AdminValues {
  admin: { staffNo: string; name: string; pin: string };
  pinAgain: string;
}

/** The PIN typed twice must match (checked on the form; the backend sees one PIN). */
export const withPinAgain = <S extends z.ZodType<{ admin: { pin: string } }>>(schema: S) =>
  schema.and(z.object({ pinAgain: z.string() })).superRefine((v, ctx) => {
    if (v.admin.pin !== v.pinAgain) ctx.addIssue({ code: 'custom', path: ['pinAgain'], message: 'err.pin.mismatch' });
  });

export const ADMIN_FIELDS = ['admin.staffNo', 'admin.name', 'admin.pin'];

export function AdminFields<T extends AdminValues>(props: {
  control: Control<T>;
  errors: FieldErrors<AdminValues>;
  autoFocus?: boolean;
}) {
  const { control, errors } = props;
  const { t } = useTranslation();
  const name = (n: string) => n as Path<T>;
  return (
    <>
      <Space.Compact block style={{ gap: 12 }}>
        <Field label={t('staff.staffNo')} error={errors.admin?.staffNo} required>
          <Controller
            name={name('admin.staffNo')}
            control={control}
            render={({ field }) => (
              <Input {...field} value={field.value as string} autoFocus={props.autoFocus} data-testid="setup-staffNo" />
            )}
          />
        </Field>
        <Field label={t('staff.name')} error={errors.admin?.name} required>
          <Controller
            name={name('admin.name')}
            control={control}
            render={({ field }) => <Input {...field} value={field.value as string} data-testid="setup-name" />}
          />
        </Field>
      </Space.Compact>
      <Space.Compact block style={{ gap: 12 }}>
        <Field label={t('staff.pin')} error={errors.admin?.pin} required extra={t('staff.adminPinHint')}>
          <Controller
            name={name('admin.pin')}
            control={control}
            render={({ field }) => (
              <Input.Password {...field} value={field.value as string} data-testid="setup-pin" inputMode="numeric" />
            )}
          />
        </Field>
        <Field label={t('staff.pinAgain')} error={errors.pinAgain} required>
          <Controller
            name={name('pinAgain')}
            control={control}
            render={({ field }) => (
              <Input.Password {...field} value={field.value as string} data-testid="setup-pinAgain" inputMode="numeric" />
            )}
          />
        </Field>
      </Space.Compact>
    </>
  );
}
