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

/**
 * The browser's BarcodeDetector where it has one that reads QR codes; otherwise the
 * `barcode-detector` ponyfill over zxing-wasm, whose .wasm is served by the product itself (Vite
 * copies it into the build), so scanning works offline and without any CDN (issue 13).
 */
async function detectorClass(): Promise<BarcodeDetectorClass> {
  const native = (
    globalThis as {
      BarcodeDetector?: BarcodeDetectorClass & { getSupportedFormats?: () => Promise<string[]> };
    }
  ).BarcodeDetector;
  const formats: string[] = (await native?.getSupportedFormats?.().catch(() => [] as string[])) ?? [];
  if (native && formats?.includes('qr_code')) return native;
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
    },
  });
  return BarcodeDetector as unknown as BarcodeDetectorClass;
}

/** Scans a QR code with the camera (BarcodeDetector, or the WebAssembly decoder where it is missing). */
export function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation('inspect');
  const video = useRef<HTMLVideoElement>(null);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<'denied' | null>(null);
  const supported = Boolean(navigator.mediaDevices?.getUserMedia);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | undefined;
    let frame = 0;
    let active = true;
    let detector: BarcodeDetectorLike | undefined;
    const tick = async () => {
      if (!active || !video.current || !detector) return;
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
        const Detector = await detectorClass();
        detector = new Detector({ formats: ['qr_code'] });
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
  }, [scanning, onCode]);

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
