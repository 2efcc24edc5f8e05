import { Button, Select, Space } from 'antd';
import type { TFunction } from 'i18next';
import { CALLBACK_CLASSES } from '../../shared/domain/ticketDeadlines';
import { newProblemNode } from '../../shared/domain/ticketClassifier';
import { ClassifierNames } from './ClassifierNames';
import { errorAt, errorStyle, type Tree, type TreeEdit, type TreeErrors } from './classifierTree';

/** One category of a place and its problems, each problem with its callback class. */
export function ClassifierCategory(props: {
  t: TFunction;
  i: number;
  j: number;
  category: Tree[number]['categories'][number];
  edit: TreeEdit;
  errors: TreeErrors;
  disabled: boolean;
}) {
  const { t, i, j, edit, errors, disabled } = props;
  const at = (d: Tree) => d[i]!.categories[j]!;
  const problemsError = errorAt(t, errors, [i, 'categories', j, 'problems']);
  return (
    <div style={{ marginLeft: 16, marginTop: 4 }} data-testid={`classifier-category-${i}-${j}`}>
      <Space align="start" size={6} wrap>
        <span>{t('settings.classifierCategory')}</span>
        <ClassifierNames
          t={t}
          path={[i, 'categories', j]}
          node={props.category}
          testId={`classifier-category-${i}-${j}`}
          errors={errors}
          disabled={disabled}
          onChange={(k, v) => edit((d) => void (at(d)[k] = v))}
        />
        <Button
          size="small"
          disabled={disabled}
          data-testid={`classifier-add-problem-${i}-${j}`}
          onClick={() => edit((d) => void at(d).problems.push(newProblemNode()))}
        >
          {t('settings.classifierAddProblem')}
        </Button>
        <Button
          size="small"
          danger
          disabled={disabled}
          data-testid={`classifier-remove-category-${i}-${j}`}
          onClick={() => edit((d) => void d[i]!.categories.splice(j, 1))}
        >
          {t('settings.classifierRemove')}
        </Button>
      </Space>
      {problemsError && <div style={errorStyle}>{problemsError}</div>}
      {props.category.problems.map((pr, k) => (
        <div key={pr.code} style={{ marginLeft: 16, marginTop: 4 }} data-testid={`classifier-problem-${i}-${j}-${k}`}>
          <Space align="start" size={6} wrap>
            <span>{t('settings.classifierProblem')}</span>
            <ClassifierNames
              t={t}
              path={[i, 'categories', j, 'problems', k]}
              node={pr}
              testId={`classifier-problem-${i}-${j}-${k}`}
              errors={errors}
              disabled={disabled}
              onChange={(key, v) => edit((d) => void (at(d).problems[k]![key] = v))}
            />
            <Select
              size="small"
              value={pr.callback}
              disabled={disabled}
              aria-label={t('settings.classifierCallback')}
              style={{ width: 150 }}
              popupMatchSelectWidth={false}
              data-testid={`classifier-problem-${i}-${j}-${k}-callback`}
              options={CALLBACK_CLASSES.map((c) => ({ value: c, label: t(`callbackClass.${c}`) }))}
              onChange={(v) => edit((d) => void (at(d).problems[k]!.callback = v))}
            />
            <Button
              size="small"
              danger
              disabled={disabled}
              data-testid={`classifier-remove-problem-${i}-${j}-${k}`}
              onClick={() => edit((d) => void at(d).problems.splice(k, 1))}
            >
              {t('settings.classifierRemove')}
            </Button>
          </Space>
        </div>
      ))}
    </div>
  );
}
