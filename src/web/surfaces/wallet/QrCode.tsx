import QRCode from 'qrcode';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';

const QUIET_ZONE = 4;

/**
 * A QR code as SVG (issue 13): every module a whole unit square of one path, a 4-module quiet
 * zone, black on white, crisp at any size (no bitmap scaling). Alphanumeric mode for the ticket
 * code's base45 text, error correction M.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(320);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(Math.min(element.clientWidth || 320, 400));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const qr = useMemo(() => {
    try {
      const alphanumeric = /^[0-9A-Z $%*+\-./:]*$/.test(value);
      return QRCode.create(alphanumeric ? [{ data: value, mode: 'alphanumeric' }] : value, {
        errorCorrectionLevel: 'M',
      });
    } catch {
      return null;
    }
  }, [value]);
  if (!qr) return <div className="wallet-qr wallet-qr-placeholder" ref={box} />;
  const size = qr.modules.size;
  const full = size + 2 * QUIET_ZONE;
  // Whole device pixels per module, so no module is drawn smeared across a pixel boundary.
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const modulePx = Math.max(1, Math.floor((width * ratio) / full)) / ratio;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (qr.modules.get(x, y)) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return (
    <div className="wallet-qr" ref={box}>
      <svg
        role="img"
        aria-label={label}
        width={modulePx * full}
        height={modulePx * full}
        viewBox={`0 0 ${full} ${full}`}
        shapeRendering="crispEdges"
        data-testid="ticket-qr"
        data-version={qr.version}
      >
        <rect width={full} height={full} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
    </div>
  );
}
