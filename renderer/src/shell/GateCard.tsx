import type { ReactNode } from 'react';
import { Alert, Button, Card, Space } from 'antd';
import { LanguageSwitch } from './LanguageSwitch';

/** The card on the blue gate screens (first-run setup, sign-in, unlock): title, language, intro, error. */
export function GateCard(props: { title: ReactNode; intro: ReactNode; error: string | null; children: ReactNode }) {
  return (
    <div className="gate">
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <div className="gate-title">{props.title}</div>
          <LanguageSwitch />
        </Space>
        <p style={{ color: '#666', marginTop: 0 }}>{props.intro}</p>
        {props.error && <Alert type="error" message={props.error} style={{ marginBottom: 12 }} />}
        {props.children}
      </Card>
    </div>
  );
}

/** A gate screen's one big action; Enter in the form's last field presses it too (`data-submit`). */
export function GateSubmit(props: { onClick: () => void; loading: boolean; testId: string; children: ReactNode }) {
  return (
    <Button
      type="primary"
      size="large"
      block
      onClick={props.onClick}
      loading={props.loading}
      data-submit
      data-testid={props.testId}
    >
      {props.children}
    </Button>
  );
}
