import { Alert, Button, Field, Heading, Label, Paragraph, Textarea } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDateTime, localeOf } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { appNow, syncDevClock } from '../wallet/clock';
import { type CheckResult, checkCode } from './check';
import { cachedData, type InspectionData, listTiming, refreshData } from './keys';
import { NumberLookup } from './NumberLookup';
import { ageText, ResultPanel } from './ResultPanel';
import { Scanner } from './Scanner';

/**
 * /kontroll — ticket inspection: scan or paste, verified in the browser (offline too); a logged-in
 * inspector can also type the ticket number (online).
 */
export function InspectPage() {
  const { t, i18n } = useTranslation('inspect');
  const locale = localeOf(i18n.resolvedLanguage);
  usePageTitle(t('title'));
  const [data, setData] = useState<InspectionData | null>(cachedData);
  const [keysError, setKeysError] = useState(false);
  const [credential, setCredential] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const loadKeys = useCallback(async () => {
    try {
      const fresh = await refreshData(appNow());
      setData(fresh);
      setKeysError(false);
      return fresh;
    } catch {
      setKeysError(true);
      return null;
    }
  }, []);

  useEffect(() => {
    void syncDevClock();
    void loadKeys();
  }, [loadKeys]);

  // Issue 13 (M1): while the page is open the list is fetched again every `ttl`, and at once when
  // the network comes back, so revocations reach an inspector who keeps the page open all day.
  const ttlSeconds = data ? listTiming(data).ttlSeconds : null;
  useEffect(() => {
    if (ttlSeconds === null) return;
    const timer = setInterval(() => void loadKeys(), ttlSeconds * 1000);
    const online = () => void loadKeys();
    window.addEventListener('online', online);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [ttlSeconds, loadKeys]);
  const listExpiresAt = data ? listTiming(data).expiresAt : null;
  const listTooOld = listExpiresAt !== null && appNow().getTime() >= listExpiresAt.getTime();

  const check = useCallback(
    async (value: string) => {
      setFailure(null);
      setResult(null);
      if (!value.trim()) return;
      setChecking(true);
      try {
        await syncDevClock();
        let keys = data ?? (await loadKeys());
        if (!keys) return;
        let outcome = await checkCode(value, keys, appNow());
        // A key the cache does not know yet (rotation): fetch the keys once more when online.
        if (outcome.reason === 'unknown_key' && !outcome.online) {
          keys = (await loadKeys()) ?? keys;
          outcome = await checkCode(value, keys, appNow());
        }
        setResult(outcome);
      } catch (error) {
        setFailure(error);
      } finally {
        setChecking(false);
      }
    },
    [data, loadKeys],
  );

  const onScanned = useCallback(
    (code: string) => {
      setCredential(code);
      void check(code);
    },
    [check],
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void check(credential);
  }

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {data ? (
        <Paragraph data-size="sm" data-testid="data-age">
          {t('keys.cached', {
            at: formatDateTime(data.fetchedAt, locale),
            keys: ageText(data.fetchedAt, appNow(), locale),
            list: ageText(data.statusListIssuedAt, appNow(), locale),
          })}
        </Paragraph>
      ) : (
        keysError && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{t('keys.missing')}</Paragraph>
          </Alert>
        )
      )}
      {keysError && data && <Paragraph data-size="sm">{t('keys.offline')}</Paragraph>}
      {listTooOld && (
        <Alert data-color="warning" data-testid="list-too-old">
          <Paragraph>{t('keys.listTooOld')}</Paragraph>
        </Alert>
      )}
      <Scanner onCode={onScanned} />
      <form onSubmit={onSubmit} className="inspect-form">
        <Field>
          <Label>{t('paste.label')}</Label>
          <Textarea
            rows={4}
            value={credential}
            onChange={(e) => setCredential(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </Field>
        <div>
          <Button type="submit" disabled={checking || !data} aria-busy={checking}>
            {t('paste.submit')}
          </Button>
        </div>
      </form>
      {failure ? <ErrorMessage error={failure} /> : null}
      <NumberLookup onResult={setResult} />
      <section aria-live="polite" aria-label={t('result.region')}>
        {result && data && (
          <ResultPanel result={result} data={data} now={appNow()} onClose={() => setResult(null)} />
        )}
      </section>
    </>
  );
}
