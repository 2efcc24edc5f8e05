import { Space } from 'antd';
import { ConflictList } from './ConflictList';
import { RejectionList } from './RejectionList';

/** The site's "rejections and conflicts" tab: what HQ refused, and what two desks did to one record. */
export function RejectionsTab({ siteId }: { siteId: string }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <ConflictList siteId={siteId} />
      <RejectionList siteId={siteId} />
    </Space>
  );
}
