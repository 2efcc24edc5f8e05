import { Button, Space } from 'antd';
import type { TFunction } from 'i18next';
import { newCategoryNode, newPlaceNode, OFFICE_CLASSIFIER, RESIDENTIAL_CLASSIFIER } from '../../shared/domain/ticketClassifier';
import { ClassifierCategory } from './ClassifierCategory';
import { ClassifierNames } from './ClassifierNames';
import { errorAt, errorStyle, type Tree, type TreeErrors } from './classifierTree';

/**
 * The site's intake classifier place → category → problem as an editable outline, at the desk (设置 →
 * 工单分类) and in HQ's console: plain inputs, selects and buttons, so Tab walks the tree. Codes stay fixed; tickets
 * already taken keep the labels they were taken with.
 */
export function ClassifierEditor(props: {
  /** The desk's words (the console: its desk namespace). */
  t: TFunction;
  value: Tree;
  onChange: (tree: Tree) => void;
  errors: TreeErrors;
  disabled: boolean;
}) {
  const { t } = props;
  const tree = props.value ?? [];
  const edit = (mutate: (draft: Tree) => void) => {
    const draft = structuredClone(tree);
    mutate(draft);
    props.onChange(draft);
  };
  const { errors, disabled } = props;
  const rootError = errorAt(t, errors, []) ?? errorAt(t, errors, ['root']);
  return (
    <div data-testid="classifier-editor">
      <div style={{ maxHeight: 520, overflowY: 'auto', border: '1px solid #f0f0f0', padding: 8 }}>
        {tree.map((place, i) => (
          <div key={place.code} data-testid={`classifier-place-${i}`} style={{ marginBottom: 8 }}>
            <Space align="start" size={6} wrap>
              <b>{t('settings.classifierPlace')}</b>
              <ClassifierNames
                t={t}
                path={[i]}
                node={place}
                testId={`classifier-place-${i}`}
                errors={errors}
                disabled={disabled}
                onChange={(k, v) => edit((d) => void (d[i]![k] = v))}
              />
              <Button
                size="small"
                disabled={disabled}
                data-testid={`classifier-add-category-${i}`}
                onClick={() => edit((d) => void d[i]!.categories.push(newCategoryNode()))}
              >
                {t('settings.classifierAddCategory')}
              </Button>
              <Button
                size="small"
                danger
                disabled={disabled}
                data-testid={`classifier-remove-place-${i}`}
                onClick={() => edit((d) => void d.splice(i, 1))}
              >
                {t('settings.classifierRemove')}
              </Button>
            </Space>
            {errorAt(t, errors, [i, 'categories']) && <div style={errorStyle}>{errorAt(t, errors, [i, 'categories'])}</div>}
            {place.categories.map((category, j) => (
              <ClassifierCategory
                t={t}
                key={category.code}
                i={i}
                j={j}
                category={category}
                edit={edit}
                errors={errors}
                disabled={disabled}
              />
            ))}
          </div>
        ))}
      </div>
      {rootError && (
        <div style={errorStyle} data-testid="classifier-error">
          {rootError}
        </div>
      )}
      <Space style={{ marginTop: 8 }} wrap>
        <Button
          size="small"
          disabled={disabled}
          data-testid="classifier-add-place"
          onClick={() => edit((d) => void d.push(newPlaceNode()))}
        >
          {t('settings.classifierAddPlace')}
        </Button>
        <Button
          size="small"
          disabled={disabled}
          data-testid="classifier-reset-residential"
          onClick={() => props.onChange(structuredClone(RESIDENTIAL_CLASSIFIER))}
        >
          {t('settings.classifierResetResidential')}
        </Button>
        <Button
          size="small"
          disabled={disabled}
          data-testid="classifier-reset-office"
          onClick={() => props.onChange(structuredClone(OFFICE_CLASSIFIER))}
        >
          {t('settings.classifierResetOffice')}
        </Button>
      </Space>
    </div>
  );
}
