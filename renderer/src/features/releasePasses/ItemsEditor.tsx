import { Button, Input, InputNumber, Space, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { KeyboardEvent } from 'react';
import { Controller, useFieldArray, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { QUICK_ITEMS } from '../../../../shared/domain/releasePass';
import { tError } from '../../i18n';
import type { PassFormValues } from './passForm';

/**
 * The goods, one line each: description and quantity. Quick picks add a line (or count one more of the
 * same); Enter in the last quantity starts a new line, Enter on an empty new line leaves the list.
 */
export function ItemsEditor(props: { control: Control<PassFormValues>; errors: FieldErrors<PassFormValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove, update } = useFieldArray({ control: props.control, name: 'items' });
  const rows = useWatch({ control: props.control, name: 'items' });

  const focus = (i: number, part: 'desc' | 'qty') =>
    setTimeout(() => document.querySelector<HTMLInputElement>(`[data-testid=item-${part}-${i}]`)?.focus(), 0);

  const quickPick = (word: string) => {
    const label = t(`passItem.${word}`);
    const same = rows.findIndex((r) => r.description === label);
    const sameRow = rows[same];
    if (sameRow) {
      update(same, { description: label, quantity: (sameRow.quantity || 0) + 1 });
      return focus(same, 'qty');
    }
    const blank = rows.findIndex((r) => !r.description.trim());
    if (blank >= 0) {
      update(blank, { description: label, quantity: 1 });
      return focus(blank, 'qty');
    }
    append({ description: label, quantity: 1 }, { shouldFocus: false });
    focus(rows.length, 'qty');
  };

  const onQtyKey = (e: KeyboardEvent, i: number) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || i !== fields.length - 1) return;
    e.preventDefault();
    e.stopPropagation();
    append({ description: '', quantity: 1 }, { shouldFocus: false });
    focus(i + 1, 'desc');
  };
  const onDescKey = (e: KeyboardEvent, i: number) => {
    // An empty last line after at least one item: the list is done, drop the line and move on.
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || i === 0 || i !== fields.length - 1 || rows[i]?.description.trim()) return;
    e.preventDefault();
    e.stopPropagation();
    remove(i);
    setTimeout(() => document.querySelector<HTMLElement>('[data-testid=pass-reason] input')?.focus(), 0);
  };

  const listError = props.errors.items?.message ?? props.errors.items?.root?.message;
  return (
    <div className="items-editor" data-testid="items-editor">
      {fields.map((f, i) => {
        const err = props.errors.items?.[i];
        return (
          <div key={f.id} className="item-row">
            <span className="item-no">{i + 1}</span>
            <Controller
              name={`items.${i}.description`}
              control={props.control}
              render={({ field }) => (
                <Input
                  {...field}
                  status={err?.description ? 'error' : undefined}
                  placeholder={t('pass.itemHint')}
                  data-testid={`item-desc-${i}`}
                  autoComplete="off"
                  onKeyDown={(e) => onDescKey(e, i)}
                />
              )}
            />
            <Controller
              name={`items.${i}.quantity`}
              control={props.control}
              render={({ field }) => (
                <InputNumber
                  {...field}
                  status={err?.quantity ? 'error' : undefined}
                  style={{ width: 110 }}
                  placeholder={t('pass.qty')}
                  data-testid={`item-qty-${i}`}
                  onKeyDown={(e) => onQtyKey(e, i)}
                />
              )}
            />
            <Button
              icon={<DeleteOutlined />}
              type="text"
              tabIndex={-1}
              disabled={fields.length === 1}
              onClick={() => remove(i)}
              aria-label={t('pass.removeItem')}
            />
            {(err?.description || err?.quantity) && (
              <span className="item-error" data-testid={`item-error-${i}`}>
                {tError(err.description?.message ?? err.quantity?.message)}
              </span>
            )}
          </div>
        );
      })}
      {listError && (
        <div className="item-error" data-testid="items-error">
          {tError(listError)}
        </div>
      )}
      <Space wrap size={[6, 6]} style={{ marginTop: 6 }}>
        <Button size="small" icon={<PlusOutlined />} tabIndex={-1} onClick={() => append({ description: '', quantity: 1 })}>
          {t('pass.addItem')}
        </Button>
        {Object.entries(QUICK_ITEMS).map(([group, words]) => (
          <Space key={group} size={4}>
            <Tag bordered={false}>{t(`passItemGroup.${group}`)}</Tag>
            {words.map((w) => (
              <Button
                key={w}
                size="small"
                tabIndex={-1}
                autoInsertSpace={false}
                onClick={() => quickPick(w)}
                data-testid={`quick-${w}`}
              >
                {t(`passItem.${w}`)}
              </Button>
            ))}
          </Space>
        ))}
      </Space>
    </div>
  );
}
