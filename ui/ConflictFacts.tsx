import { Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { Conflict, ConflictSide } from '../shared/api/conflictSchemas';
import { subjectText, whatText } from '../shared/i18n/conflictText';

/**
 * A conflict as the desk's inbox and HQ's console both show it. `t` speaks the desk's words (the console
 * reads them from its desk namespace); `testId` names the card (`conflict-<kind>`).
 */
interface ConflictFactsProps {
  conflict: Conflict;
  t: TFunction;
  testId: string;
}

/** The card's title: the kind of conflict and the record it is about. */
export function ConflictTitle({ conflict: c, t, testId }: ConflictFactsProps) {
  return (
    <span>
      <Tag color="orange">{t(`conflicts.kind.${c.kind}`)}</Tag>
      <span data-testid={`${testId}-subject`}>{subjectText(t, c)}</span>
    </span>
  );
}

/**
 * Why it is a conflict, and both sides: which desk, who, when, what, and which one the records show.
 * `unknownPerson` is said for a person the reader's records do not hold (a desk not synced yet, HQ).
 */
export function ConflictSides(props: ConflictFactsProps & { time: (iso: string) => string; unknownPerson: string }) {
  const { conflict: c, t } = props;
  return (
    <>
      <Typography.Paragraph type="secondary">{t(`conflicts.explain.${c.kind}`)}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="eventId"
        pagination={false}
        dataSource={c.sides}
        data-testid={`${props.testId}-sides`}
        columns={[
          { title: t('conflicts.desk'), dataIndex: 'deskCode', width: 110, render: (v: string) => v || t('conflicts.otherDesk') },
          { title: t('conflicts.who'), dataIndex: 'actorName', render: (v: string) => v || props.unknownPerson },
          { title: t('conflicts.when'), dataIndex: 'at', render: props.time, width: 170 },
          { title: t('conflicts.what'), key: 'what', render: (_: unknown, s: ConflictSide) => whatText(t, c, s) },
          {
            title: t('conflicts.standing'),
            dataIndex: 'won',
            width: 120,
            render: (won: boolean) => (won ? <Tag color="green">{t('conflicts.kept')}</Tag> : <Tag>{t('conflicts.lost')}</Tag>),
          },
        ]}
      />
    </>
  );
}
