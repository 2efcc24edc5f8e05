import { Col, Row } from 'antd';
import { useConsoleSession } from '../../../stores/session';
import { ImportCard } from './ImportCard';
import { RaiseChargeForm } from './RaiseChargeForm';

/**
 * A site's directory and charges (issue 21 item 3): the imports the CLI does today, from the browser, and
 * a one-off charge. The directory import is the HQ admin's; charges are finance's too.
 */
export function DirectoryTab({ siteId }: { siteId: string }) {
  const role = useConsoleSession((s) => s.user?.role);
  return (
    <Row gutter={[16, 16]} data-testid="directory-tab">
      <Col xs={24} lg={14}>
        <Row gutter={[16, 16]}>
          {role === 'admin' && (
            <Col span={24}>
              <ImportCard siteId={siteId} kind="directory" />
            </Col>
          )}
          <Col span={24}>
            <ImportCard siteId={siteId} kind="charges" />
          </Col>
        </Row>
      </Col>
      <Col xs={24} lg={10}>
        <RaiseChargeForm siteId={siteId} />
      </Col>
    </Row>
  );
}
