import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import SignaturePad from 'signature_pad';
import { useTranslation } from 'react-i18next';

/**
 * A signature drawn on screen (mouse, pen or touch). `onChange` gets a PNG as base64, or null when
 * the box is empty; the image is stored as an attachment and referenced by its hash in the event.
 */
export function SignatureBox(props: { onChange: (pngBase64: string | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const { onChange } = props;

  useEffect(() => {
    if (!canvas.current) return;
    const p = new SignaturePad(canvas.current, { backgroundColor: 'rgb(255,255,255)', penColor: '#000' });
    p.addEventListener('endStroke', () => {
      const url = p.toDataURL('image/png');
      onChange(p.isEmpty() ? null : url.slice(url.indexOf(',') + 1));
    });
    pad.current = p;
    return () => p.off();
  }, [onChange]);

  return (
    <div>
      <canvas
        ref={canvas}
        width={420}
        height={140}
        style={{ border: '1px dashed #999', borderRadius: 4, touchAction: 'none', display: 'block' }}
        data-testid="mail-signature"
      />
      <Button
        size="small"
        style={{ marginTop: 4 }}
        onClick={() => {
          pad.current?.clear();
          onChange(null);
        }}
      >
        {t('mail.clearSignature')}
      </Button>
    </div>
  );
}
