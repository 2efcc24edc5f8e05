import { useEffect, useRef, useState } from 'react';
import { Alert, App, AutoComplete, Button, Form, Input, Radio, Switch, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { Controller } from 'react-hook-form';
import { v4 as uuidv4 } from 'uuid';
import { useTranslation } from 'react-i18next';
import { LogEntryInput, type LogEntry } from '../../../../shared/api/logSchemas';
import { ATTACHMENT_MAX_BYTES, LOG_CATEGORIES } from '../../../../shared/domain/log';
import { run } from '../../api/useDesk';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { useSchemaForm } from '../../forms/useSchemaForm';

/** A blank entry (a correction keeps the corrected entry's category and importance). */
const fresh = (from?: LogEntry): LogEntryInput => ({
  entryId: uuidv4(),
  category: from?.category ?? 'anomaly',
  priority: from?.priority === 'high' ? 'high' : 'normal',
  tag: from?.tag ?? '',
  text: '',
  attachment: undefined,
  correctsId: from?.id,
});

/**
 * A new post-log entry (or a correction of one): category, importance, an optional unit/company tag
 * from the directory, the text and a photo. Time and author are stamped by the desk.
 */
export function LogEntryForm(props: { correcting?: LogEntry; onDone: (e: LogEntry) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The form holds the procedure's own input and is validated by its schema: the two never disagree.
  const { control, handleSubmit, setError, formState, reset, setValue, serverErrors } = useSchemaForm(LogEntryInput, {
    defaultValues: fresh(props.correcting),
  });
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const [tags, setTags] = useState<{ value: string; label: string }[]>([]);
  const [photoName, setPhotoName] = useState('');
  const textRef = useRef<TextAreaRef>(null);
  useEffect(() => {
    if (props.autoFocus) textRef.current?.focus();
  }, [props.autoFocus]);

  const submit = () =>
    handleSubmit(async (values) => {
      const r = await run('log:add', values);
      if (!r.ok) return setFormError(serverErrors(r.error));
      setFormError(null);
      reset({ ...fresh(), correctsId: props.correcting?.id });
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
      setError('attachment', { type: 'client', message: 'err.log.photoTooLarge' });
      return false;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const base64 = String(reader.result).replace(/^data:[^,]*,/, '');
      setValue('attachment', { fileName: file.name, contentBase64: base64 });
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
            name="priority"
            control={control}
            render={({ field }) => (
              <Switch
                checked={field.value === 'high'}
                onChange={(high) => field.onChange(high ? 'high' : 'normal')}
                checkedChildren={t('log.high')}
                unCheckedChildren={t('log.normal')}
                data-testid="log-high"
              />
            )}
          />
        </Field>
        <Field label={t('log.photo')} error={e.attachment}>
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
