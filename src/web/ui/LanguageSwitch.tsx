import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Toggles between bokmål and English; i18n remembers the choice and sets <html lang>. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = t('language.switchToLang');
  return (
    <Button variant="tertiary" data-size="sm" lang={other} onClick={() => void i18n.changeLanguage(other)}>
      {t('language.switchTo')}
    </Button>
  );
}
