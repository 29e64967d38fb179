import { Alert, ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { type ComponentRef, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

function errorText(error: unknown, t: TFunction, exists: (key: string) => boolean): string {
  if (error instanceof ApiError) {
    const key = `common:errors.${error.code}`;
    if (exists(key)) return t(key as 'errors.unknown');
    return error.message || t('errors.unknown');
  }
  return t('errors.unknown');
}

/** Seconds left of a 429's wait, counted down each second; null when the error has no wait. */
function useRetryCountdown(error: unknown): number | null {
  const wait = error instanceof ApiError && error.status === 429 ? error.retryAfterSeconds : undefined;
  const [left, setLeft] = useState<number | null>(wait ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new 429 (even with the same wait) restarts the count
  useEffect(() => {
    if (wait === undefined) {
      setLeft(null);
      return;
    }
    const until = Date.now() + wait * 1000;
    setLeft(wait);
    const timer = setInterval(() => {
      const seconds = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(seconds);
      if (seconds === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [wait, error]);
  return left;
}

/**
 * Shows an error (ApiError or anything thrown) as a Designsystemet alert; nothing if no error.
 * Issue 15 item 6, for every form at once: a new error takes the focus (it is the result of the
 * action); a 429 says in how many seconds to try again, counts down and disappears when the wait
 * is over; an error that names fields listed in `fields` (field path → the input's id) is shown
 * as an error summary linking to them (the form shows each message at its field too, via
 * `fieldMessagesOf`).
 */
export function ErrorMessage({
  error,
  fields,
  codes,
}: {
  error: unknown;
  /** Field path → the id of its input, for the fields the form shows server messages at. */
  fields?: Record<string, string>;
  /** Error codes about one field (EMAIL_TAKEN → contact.email). */
  codes?: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const left = useRetryCountdown(error);
  useEffect(() => {
    if (error) (summaryRef.current ?? ref.current)?.focus();
  }, [error]);
  if (!error || left === 0) return null;
  const named =
    error instanceof ApiError && fields
      ? Object.entries(error.fieldMessages(codes)).filter(([path]) => fields[path] !== undefined)
      : [];
  if (named.length > 0) {
    return (
      <ErrorSummary ref={summaryRef} tabIndex={-1} data-result>
        <ErrorSummary.Heading>{t('errors.summary')}</ErrorSummary.Heading>
        <ErrorSummary.List>
          {named.map(([path, message]) => (
            <ErrorSummary.Item key={path}>
              <ErrorSummary.Link href={`#${fields![path]}`}>{message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    );
  }
  return (
    <Alert data-color="danger" role="alert" ref={ref} tabIndex={-1} data-result>
      <Paragraph>
        {left !== null
          ? t('errors.retryIn', { count: left })
          : errorText(error, t, (key) => i18n.exists(key))}
      </Paragraph>
    </Alert>
  );
}
