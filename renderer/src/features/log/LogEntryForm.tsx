import { useEffect, useRef, useState } from 'react';
import { Alert, App, AutoComplete, Button, Form, Input, Radio, Switch, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { v4 as uuidv4 } from 'uuid';
import { useTranslation } from 'react-i18next';
import { LogEntryInput, type LogEntry } from '../../../../shared/api/logSchemas';
import { ATTACHMENT_MAX_BYTES, LOG_CATEGORIES, type LogCategory } from '../../../../shared/domain/log';
import { run } from '../../api/useDesk';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';

interface Values {
  entryId: string;
  category: LogCategory;
  high: boolean;
  tag: string;
  text: string;
  photo: { fileName: string; contentBase64: string } | null;
}

const toInput = (v: Values, correctsId?: string) => ({
  entryId: v.entryId,
  category: v.category,
  priority: v.high ? ('high' as const) : ('normal' as const),
  tag: v.tag,
  text: v.text,
  attachment: v.photo ?? undefined,
  correctsId,
});
const FIELDS = ['category', 'priority', 'tag', 'text', 'attachment', 'correctsId'];

const fresh = (from?: LogEntry): Values => ({
  entryId: uuidv4(),
  category: from?.category ?? 'anomaly',
  high: from?.priority === 'high',
  tag: from?.tag ?? '',
  text: '',
  photo: null,
});

/**
 * A new post-log entry (or a correction of one): category, importance, an optional unit/company tag
 * from the directory, the text and a photo. Time and author are stamped by the desk.
 */
export function LogEntryForm(props: { correcting?: LogEntry; onDone: (e: LogEntry) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const resolver = zodResolver(
    z.preprocess((v) => toInput(v as Values, props.correcting?.id), LogEntryInput) as never,
    undefined,
    {
      raw: true,
    },
  ) as unknown as Resolver<Values>;
  const { control, handleSubmit, setError, formState, reset, setValue } = useForm<Values>({
    resolver,
    defaultValues: fresh(props.correcting),
  });
  const e = formState.errors as Record<string, { message?: string } | undefined>;
  const [formError, setFormError] = useState<string | null>(null);
  const [tags, setTags] = useState<{ value: string; label: string }[]>([]);
  const [photoName, setPhotoName] = useState('');
  const textRef = useRef<TextAreaRef>(null);
  useEffect(() => {
    if (props.autoFocus) textRef.current?.focus();
  }, [props.autoFocus]);

  const submit = () =>
    handleSubmit(async (values) => {
      const r = await run('log:add', toInput(values, props.correcting?.id));
      if (!r.ok) return setFormError(applyServerErrors(setError, r.error, FIELDS));
      setFormError(null);
      reset(fresh());
      setPhotoName('');
      message.success(t('log.saved'));
      props.onDone(r.value);
    })();

  const searchTags = async (q: string) => {
    const r = q ? await run('log:tags', { q }) : null;
    setTags(r?.ok ? r.value.map((x) => ({ value: x.value, label: `${x.value} · ${t(`log.tagKind.${x.kind}`)}` })) : []);
  };
  const pickPhoto = (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setError('photo', { type: 'client', message: 'err.log.photoTooLarge' });
      return false;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const base64 = String(reader.result).replace(/^data:[^,]*,/, '');
      setValue('photo', { fileName: file.name, contentBase64: base64 });
      setPhotoName(file.name);
    };
    reader.readAsDataURL(file);
    return false; // never uploads anywhere: the bytes go with the entry
  };

  return (
    <Form
      layout="vertical"
      component="div"
      data-form
      onKeyDown={(ev) => formKeyDown(ev, () => void submit())}
      data-testid="log-form"
    >
      {formError && <Alert type="error" message={formError} style={{ marginBottom: 12 }} showIcon />}
      {props.correcting && (
        <Alert type="info" message={t('log.correcting', { text: props.correcting.text })} style={{ marginBottom: 12 }} />
      )}
      <Field label={t('log.category')} error={e.category} required>
        <Controller
          name="category"
          control={control}
          render={({ field }) => (
            <Radio.Group {...field} optionType="button" buttonStyle="solid" data-testid="log-category">
              {LOG_CATEGORIES.map((c) => (
                <Radio.Button key={c} value={c}>
                  {t(`log.cat.${c}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          )}
        />
      </Field>
      <Field label={t('log.text')} error={e.text} required testId="log-text">
        <Controller
          name="text"
          control={control}
          render={({ field: { ref: _ref, ...field } }) => (
            <Input.TextArea
              {...field}
              ref={textRef}
              rows={3}
              maxLength={2000}
              placeholder={t('log.textHint')}
              data-testid="log-text"
            />
          )}
        />
      </Field>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Field label={t('log.tag')} error={e.tag} testId="log-tag">
          <Controller
            name="tag"
            control={control}
            render={({ field }) => (
              <AutoComplete
                {...field}
                options={tags}
                onSearch={(q) => void searchTags(q)}
                style={{ width: 240 }}
                placeholder={t('log.tagHint')}
                data-testid="log-tag"
              />
            )}
          />
        </Field>
        <Field label={t('log.priority')}>
          <Controller
            name="high"
            control={control}
            render={({ field }) => (
              <Switch
                checked={field.value}
                onChange={field.onChange}
                checkedChildren={t('log.high')}
                unCheckedChildren={t('log.normal')}
                data-testid="log-high"
              />
            )}
          />
        </Field>
        <Field label={t('log.photo')} error={e.photo ?? e.attachment}>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            showUploadList={false}
            beforeUpload={pickPhoto}
            data-testid="log-photo"
          >
            <Button icon={<CameraOutlined />}>{photoName || t('log.pickPhoto')}</Button>
          </Upload>
        </Field>
      </div>
      <Button type="primary" onClick={() => void submit()} loading={formState.isSubmitting} data-testid="log-submit">
        {props.correcting ? t('log.saveCorrection') : t('log.save')} <span className="kbd">Ctrl+Enter</span>
      </Button>
    </Form>
  );
}
