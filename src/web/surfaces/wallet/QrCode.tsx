import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The credential as a QR code (rendered in the browser to a data URL), on white for scanners. */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 4, width: 320 })
      .then((url) => active && setSrc(url))
      .catch(() => active && setSrc(null));
    return () => {
      active = false;
    };
  }, [value]);
  return (
    <div className="wallet-qr">
      {src ? (
        <img src={src} alt={label} width={320} height={320} />
      ) : (
        <div className="wallet-qr-placeholder" />
      )}
    </div>
  );
}
