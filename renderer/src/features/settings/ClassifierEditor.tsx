import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierTree } from '../../../../shared/api/ticketSchemas';
import { CALLBACK_CLASSES } from '../../../../shared/domain/ticketDeadlines';
import {
  newCategoryNode as newCategory,
  newPlaceNode,
  newProblemNode as newProblem,
  OFFICE_CLASSIFIER,
  RESIDENTIAL_CLASSIFIER,
} from '../../../../shared/domain/ticketClassifier';
import { tError } from '../../i18n';

type Tree = ClassifierTree;
type Errors = Record<string, unknown> | undefined;

/** The message zod put at a path of the tree's errors (react-hook-form mirrors the value's shape). */
function errorAt(errors: Errors, path: (string | number)[]): string | undefined {
  let at: unknown = errors;
  for (const key of path) at = (at as Record<string | number, unknown> | undefined)?.[key];
  return (at as { message?: string } | undefined)?.message;
}

/**
 * The intake classifier place → category → problem as an editable outline (设置 → 工单分类). Every
 * control is a plain input, select or button, so Tab walks the tree. Codes stay fixed; tickets already
 * taken keep the labels they were taken with.
 */
export function ClassifierEditor(props: { value: Tree; onChange: (tree: Tree) => void; errors: Errors; disabled: boolean }) {
  const { t } = useTranslation();
  const tree = props.value ?? [];
  const set = (next: Tree) => props.onChange(structuredClone(next));
  const edit = (mutate: (draft: Tree) => void) => {
    const draft = structuredClone(tree);
    mutate(draft);
    props.onChange(draft);
  };
  const names = (
    path: (string | number)[],
    node: { zh: string; en: string },
    testId: string,
    apply: (k: 'zh' | 'en', v: string) => void,
  ) =>
    (['zh', 'en'] as const).map((k) => {
      const error = errorAt(props.errors, [...path, k]) ?? (k === 'zh' ? errorAt(props.errors, [...path, 'code']) : undefined);
      return (
        <span key={k} style={{ display: 'inline-block', verticalAlign: 'top' }}>
          <Input
            size="small"
            value={node[k]}
            autoFocus={node.zh === '' && node.en === '' && k === 'zh'}
            disabled={props.disabled}
            aria-label={t(`settings.classifierName.${k}`)}
            placeholder={t(`settings.classifierName.${k}`)}
            status={error ? 'error' : undefined}
            style={{ width: 116 }}
            data-testid={`${testId}-${k}`}
            onChange={(e) => apply(k, e.target.value)}
          />
          {error && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{tError(error)}</div>}
        </span>
      );
    });
  const remove = (label: string, testId: string, onClick: () => void) => (
    <Button size="small" danger disabled={props.disabled} onClick={onClick} data-testid={testId} aria-label={label}>
      {t('settings.classifierRemove')}
    </Button>
  );
  const rootError = errorAt(props.errors, []) ?? errorAt(props.errors, ['root']);
  return (
    <div data-testid="classifier-editor">
      <div style={{ maxHeight: 520, overflowY: 'auto', border: '1px solid #f0f0f0', padding: 8 }}>
        {tree.map((place, i) => (
          <div key={place.code} data-testid={`classifier-place-${i}`} style={{ marginBottom: 8 }}>
            <Space align="start" size={6} wrap>
              <b>{t('settings.classifierPlace')}</b>
              {names([i], place, `classifier-place-${i}`, (k, v) => edit((d) => void (d[i]![k] = v)))}
              <Button
                size="small"
                disabled={props.disabled}
                data-testid={`classifier-add-category-${i}`}
                onClick={() => edit((d) => void d[i]!.categories.push(newCategory()))}
              >
                {t('settings.classifierAddCategory')}
              </Button>
              {remove(t('settings.classifierRemove'), `classifier-remove-place-${i}`, () => edit((d) => void d.splice(i, 1)))}
            </Space>
            {errorAt(props.errors, [i, 'categories']) && (
              <div style={{ color: '#ff4d4f', fontSize: 12 }}>{tError(errorAt(props.errors, [i, 'categories'])!)}</div>
            )}
            {place.categories.map((cat, j) => (
              <div key={cat.code} style={{ marginLeft: 16, marginTop: 4 }} data-testid={`classifier-category-${i}-${j}`}>
                <Space align="start" size={6} wrap>
                  <span>{t('settings.classifierCategory')}</span>
                  {names([i, 'categories', j], cat, `classifier-category-${i}-${j}`, (k, v) =>
                    edit((d) => void (d[i]!.categories[j]![k] = v)),
                  )}
                  <Button
                    size="small"
                    disabled={props.disabled}
                    data-testid={`classifier-add-problem-${i}-${j}`}
                    onClick={() => edit((d) => void d[i]!.categories[j]!.problems.push(newProblem()))}
                  >
                    {t('settings.classifierAddProblem')}
                  </Button>
                  {remove(t('settings.classifierRemove'), `classifier-remove-category-${i}-${j}`, () =>
                    edit((d) => void d[i]!.categories.splice(j, 1)),
                  )}
                </Space>
                {errorAt(props.errors, [i, 'categories', j, 'problems']) && (
                  <div style={{ color: '#ff4d4f', fontSize: 12 }}>
                    {tError(errorAt(props.errors, [i, 'categories', j, 'problems'])!)}
                  </div>
                )}
                {cat.problems.map((pr, k) => (
                  <div key={pr.code} style={{ marginLeft: 16, marginTop: 4 }} data-testid={`classifier-problem-${i}-${j}-${k}`}>
                    <Space align="start" size={6} wrap>
                      <span>{t('settings.classifierProblem')}</span>
                      {names([i, 'categories', j, 'problems', k], pr, `classifier-problem-${i}-${j}-${k}`, (key, v) =>
                        edit((d) => void (d[i]!.categories[j]!.problems[k]![key] = v)),
                      )}
                      <Select
                        size="small"
                        value={pr.callback}
                        disabled={props.disabled}
                        aria-label={t('settings.classifierCallback')}
                        style={{ width: 136 }}
                        popupMatchSelectWidth={false}
                        data-testid={`classifier-problem-${i}-${j}-${k}-callback`}
                        options={CALLBACK_CLASSES.map((c) => ({ value: c, label: t(`callbackClass.${c}`) }))}
                        onChange={(v) => edit((d) => void (d[i]!.categories[j]!.problems[k]!.callback = v))}
                      />
                      {remove(t('settings.classifierRemove'), `classifier-remove-problem-${i}-${j}-${k}`, () =>
                        edit((d) => void d[i]!.categories[j]!.problems.splice(k, 1)),
                      )}
                    </Space>
                  </div>
                ))}
              </div>
            ))}
          </div>
        ))}
      </div>
      {rootError && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{tError(rootError)}</div>}
      <Space style={{ marginTop: 8 }} wrap>
        <Button
          size="small"
          disabled={props.disabled}
          data-testid="classifier-add-place"
          onClick={() => edit((d) => void d.push(newPlaceNode()))}
        >
          {t('settings.classifierAddPlace')}
        </Button>
        <Button
          size="small"
          disabled={props.disabled}
          data-testid="classifier-reset-residential"
          onClick={() => set(RESIDENTIAL_CLASSIFIER)}
        >
          {t('settings.classifierResetResidential')}
        </Button>
        <Button
          size="small"
          disabled={props.disabled}
          data-testid="classifier-reset-office"
          onClick={() => set(OFFICE_CLASSIFIER)}
        >
          {t('settings.classifierResetOffice')}
        </Button>
      </Space>
    </div>
  );
}
