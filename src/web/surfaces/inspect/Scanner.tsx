import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

/** Scans a QR code with the camera where the browser has BarcodeDetector; says so where not. */
export function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation('inspect');
  const video = useRef<HTMLVideoElement>(null);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<'denied' | null>(null);
  const Detector = detectorClass();
  const supported = Boolean(Detector && navigator.mediaDevices?.getUserMedia);

  useEffect(() => {
    if (!scanning || !Detector) return;
    let stream: MediaStream | undefined;
    let frame = 0;
    let active = true;
    const detector = new Detector({ formats: ['qr_code'] });
    const tick = async () => {
      if (!active || !video.current) return;
      const codes = await detector.detect(video.current).catch(() => []);
      const code = codes[0]?.rawValue;
      if (code) {
        setScanning(false);
        onCode(code);
      } else frame = requestAnimationFrame(() => void tick());
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (!active || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        void tick();
      })
      .catch(() => {
        setProblem('denied');
        setScanning(false);
      });
    return () => {
      active = false;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning, Detector, onCode]);

  if (!supported) return <Paragraph data-size="sm">{t('scan.unsupported')}</Paragraph>;
  return (
    <div className="inspect-scanner">
      <Button variant="secondary" onClick={() => setScanning((s) => !s)} aria-pressed={scanning}>
        {scanning ? t('scan.stop') : t('scan.start')}
      </Button>
      {problem === 'denied' && <Paragraph data-size="sm">{t('scan.denied')}</Paragraph>}
      {scanning && (
        <video ref={video} className="inspect-video" muted playsInline aria-label={t('scan.video')} />
      )}
    </div>
  );
}
