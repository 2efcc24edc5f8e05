import { Input } from 'antd';
import type { TFunction } from 'i18next';
import { errorAt, errorStyle, type TreeErrors } from './classifierTree';

/**
 * A node's two names (Chinese, English) with what the desk's rules say about each at its input — a
 * duplicate or missing code shows under the Chinese name, the one people pick by.
 */
export function ClassifierNames(props: {
  t: TFunction;
  path: (string | number)[];
  node: { zh: string; en: string };
  testId: string;
  errors: TreeErrors;
  disabled: boolean;
  onChange: (k: 'zh' | 'en', v: string) => void;
}) {
  const { t } = props;
  return (
    <>
      {(['zh', 'en'] as const).map((k) => {
        const error =
          errorAt(t, props.errors, [...props.path, k]) ??
          (k === 'zh' ? errorAt(t, props.errors, [...props.path, 'code']) : undefined);
        return (
          <span key={k} style={{ display: 'inline-block', verticalAlign: 'top' }}>
            <Input
              size="small"
              value={props.node[k]}
              autoFocus={props.node.zh === '' && props.node.en === '' && k === 'zh'}
              disabled={props.disabled}
              aria-label={t(`settings.classifierName.${k}`)}
              placeholder={t(`settings.classifierName.${k}`)}
              status={error ? 'error' : undefined}
              style={{ width: 124 }}
              data-testid={`${props.testId}-${k}`}
              onChange={(e) => props.onChange(k, e.target.value)}
            />
            {error && (
              <div style={errorStyle} data-testid={`${props.testId}-${k}-error`}>
                {error}
              </div>
            )}
          </span>
        );
      })}
    </>
  );
}
