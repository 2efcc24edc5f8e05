import type { ComponentProps, ReactNode } from 'react';
import { Alert, Button, Card, Col, Form, Row, Space } from 'antd';
import { DocumentPanel } from '../print/DocumentPanel';
import { formKeyDown } from './keyboard';

/**
 * The skeleton of a register-and-print page (visitor check-in, release pass, …): the form card with its
 * F-key in the title and the keyboard hint, the error above the form, the fields (Enter moves on,
 * Ctrl+Enter submits), the submit and clear buttons, the printed document beside it and the approval
 * modal the submit may open. The page supplies the fields and what submit and clear do.
 */
export function RegisterPrintShell(props: {
  title: string;
  shortcut?: string;
  hint: string;
  formError: string | null;
  formErrorTestId?: string;
  /** Shown between the error and the fields (a recall banner, an "already on site" warning). */
  notices?: ReactNode;
  /** A new key mounts the fields afresh (a new registration: no suggestion list of the last one stays open). */
  formKey?: string;
  formTestId: string;
  children: ReactNode;
  submitLabel: string;
  submitTestId: string;
  submitting: boolean;
  onSubmit: () => void;
  clearLabel: string;
  onClear: () => void;
  /** The printed document: its panel is keyed by the print job, so each new document starts fresh. */
  preview: ComponentProps<typeof DocumentPanel>;
  /** The second person's approval the submit may ask for. */
  approval?: ReactNode;
}) {
  return (
    <Row gutter={20}>
      <Col xs={24} xl={14}>
        <Card
          title={
            <span>
              {props.title}
              <span className="kbd">{props.shortcut}</span>
            </span>
          }
          extra={<span style={{ color: '#888', fontSize: 13 }}>{props.hint}</span>}
        >
          {props.formError && (
            <Alert
              type="error"
              message={props.formError}
              style={{ marginBottom: 12 }}
              showIcon
              data-testid={props.formErrorTestId}
            />
          )}
          {props.notices}
          <Form
            key={props.formKey}
            layout="vertical"
            component="div"
            data-form
            onKeyDown={(ev) => formKeyDown(ev, props.onSubmit)}
            data-testid={props.formTestId}
          >
            <Row gutter={12}>{props.children}</Row>
            <Space>
              <Button
                type="primary"
                size="large"
                onClick={props.onSubmit}
                loading={props.submitting}
                data-submit
                data-testid={props.submitTestId}
              >
                {props.submitLabel}
                <span className="kbd" style={{ color: '#fff', background: 'transparent', borderColor: '#ffffff88' }}>
                  Ctrl+Enter
                </span>
              </Button>
              <Button size="large" onClick={props.onClear}>
                {props.clearLabel}
              </Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <DocumentPanel key={props.preview.jobId ?? 'none'} {...props.preview} />
      </Col>
      {props.approval}
    </Row>
  );
}
