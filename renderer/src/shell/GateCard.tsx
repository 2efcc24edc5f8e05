import type { ReactNode } from 'react';
import { Alert, Card, Space } from 'antd';
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
