import { useState } from 'react';
import { Card, Space } from 'antd';
import { GateVerdict } from './GateVerdict';
import { GateItems, GateLog, GatePassFacts, GateRefuseModal, GateReleaseBar, GateScan } from './GateParts';
import { useGate } from './useGate';

/**
 * 门岗核对: scan the pass's QR (the scanner types the number and Enter) or type it. The verdict is
 * big and coloured; for a valid pass the guard counts each line, explains any difference, and records
 * "released" (Ctrl+Enter) or "refused" with a reason. Built for a guard post: large type, one screen.
 */
export function GatePage() {
  const { scanRef, ...gate } = useGate();
  const [refusing, setRefusing] = useState(false);
  const p = gate.check?.pass;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="gate-post">
      <GateScan scanRef={scanRef} error={gate.scanError} onScan={gate.verify} />
      {p && gate.check && (
        <Card
          data-testid="gate-pass"
          onKeyDown={(ev) => {
            if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && gate.canAct) {
              ev.preventDefault();
              void gate.release();
            }
          }}
        >
          <GateVerdict pass={p} justReleased={gate.justReleased} />
          <GatePassFacts pass={p} />
          <GateItems gate={gate} pass={p} />
          {gate.canAct && <GateReleaseBar gate={gate} onRefuse={() => setRefusing(true)} />}
          <GateLog checks={gate.check.checks} />
        </Card>
      )}
      <GateRefuseModal gate={gate} open={refusing} onClose={() => setRefusing(false)} />
    </Space>
  );
}
