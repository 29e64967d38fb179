import { Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies text to the clipboard and says so (to screen readers too). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation('company');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="company-buttons">
      <Button variant="secondary" data-size="sm" onClick={() => void copy()}>
        {label}
      </Button>
      <span role="status">{state === 'idle' ? '' : t(`services.${state}`)}</span>
    </span>
  );
}
