import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textarea,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { queryClient } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useFocusOnShow } from '../../../ui/useFocusOnShow';
import { useCatalog } from '../shared/useCatalog';
import { ZonePicker } from '../shared/ZonePicker';

type Action = 'approve' | 'reject' | 'end' | 'change_zones' | 'change_category';
type EndMode = 'end_of_month' | 'now' | 'date';
type Row = {
  id: string;
  name: string | null;
  outcome: 'done' | 'unchanged' | 'failed' | 'would_do';
  message?: string;
};
type Answer = {
  results: Row[];
  summary: { total: number; done: number; unchanged: number; failed: number; wouldDo: number };
};

/** Rows per request: small enough to show progress on a long selection, large enough to be quick. */
const CHUNK = 25;
const ACTIONS: Action[] = ['approve', 'reject', 'end', 'change_zones', 'change_category'];

/**
 * Issue 16 item 2: the action bar for the selected rows. Preview first (a dry run: what will
 * happen to each row), then run in chunks with a progress bar; the summary names every row that
 * failed and why. Each row is done alone on the server, so a failure leaves no row half-done.
 */
export function BulkActions(props: { selected: string[]; onClear: () => void }) {
  const { t } = useTranslation('company');
  const { categories, categoryName } = useCatalog();
  const [action, setAction] = useState<Action>('approve');
  const [endMode, setEndMode] = useState<EndMode>('end_of_month');
  const [endDate, setEndDate] = useState('');
  const [zoneIds, setZoneIds] = useState<string[]>([]);
  const [categoryId, setCategoryId] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<(Answer & { dryRun: boolean }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Issue 15.6: focus lands on the preview or the summary once it is on the page.
  const summaryRef = useFocusOnShow<HTMLHeadingElement>(result);

  const params = () => {
    switch (action) {
      case 'end':
        return endMode === 'date' ? { effective: 'date', endDate } : { effective: endMode };
      case 'change_zones':
        return { zoneIds, effective: 'next_month' };
      case 'change_category':
        return { categoryId, effective: 'next_month' };
      default:
        return {};
    }
  };
  const ready =
    props.selected.length > 0 &&
    !(action === 'end' && endMode === 'date' && !endDate) &&
    !(action === 'change_zones' && zoneIds.length === 0) &&
    !(action === 'change_category' && !categoryId);

  const run = async (dryRun: boolean) => {
    setError(null);
    setResult(null);
    const ids = props.selected;
    const size = dryRun ? 200 : CHUNK;
    const all: Row[] = [];
    setProgress({ done: 0, total: ids.length });
    try {
      for (let i = 0; i < ids.length; i += size) {
        const answer = await api.post<Answer>('/api/company/subscriptions/bulk', {
          action,
          ids: ids.slice(i, i + size),
          dryRun,
          ...params(),
        });
        all.push(...answer.results);
        setProgress({ done: Math.min(i + size, ids.length), total: ids.length });
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
    const count = (o: Row['outcome']) => all.filter((r) => r.outcome === o).length;
    setResult({
      dryRun,
      results: all,
      summary: {
        total: all.length,
        done: count('done'),
        unchanged: count('unchanged'),
        failed: count('failed'),
        wouldDo: count('would_do'),
      },
    });
    if (!dryRun)
      await queryClient.invalidateQueries({
        predicate: (q) => String(q.queryKey[0]).startsWith('/api/company/'),
      });
  };

  const failed = result?.results.filter((r) => r.outcome === 'failed') ?? [];
  return (
    <section aria-labelledby="bulk-heading" className="company-bulk">
      <Heading level={2} data-size="xs" id="bulk-heading">
        {t('bulk.title', { count: props.selected.length })}
      </Heading>
      <div className="company-row">
        <Field>
          <Label>{t('bulk.action')}</Label>
          <Select value={action} onChange={(e) => setAction(e.target.value as Action)}>
            {ACTIONS.map((a) => (
              <Select.Option key={a} value={a}>
                {t(`bulk.actions.${a}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {action === 'end' && (
          <Field>
            <Label>{t('bulk.when')}</Label>
            <Select value={endMode} onChange={(e) => setEndMode(e.target.value as EndMode)}>
              {(['end_of_month', 'now', 'date'] as const).map((m) => (
                <Select.Option key={m} value={m}>
                  {t(`bulk.endModes.${m}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        {action === 'end' && endMode === 'date' && (
          <Textfield
            label={t('bulk.endDate')}
            type="date"
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
          />
        )}
        {action === 'change_category' && (
          <Field>
            <Label>{t('bulk.category')}</Label>
            <Select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              <Select.Option value="">{t('bulk.chooseCategory')}</Select.Option>
              {categories
                .filter((c) => c.active)
                .map((c) => (
                  <Select.Option key={c.id} value={c.id}>
                    {categoryName(c.id)}
                  </Select.Option>
                ))}
            </Select>
          </Field>
        )}
      </div>
      {action === 'change_zones' && (
        <ZonePicker value={zoneIds} onChange={setZoneIds} legend={t('bulk.zones')} />
      )}
      {(action === 'change_zones' || action === 'change_category') && (
        <Paragraph data-size="sm">{t('bulk.fromNextMonth')}</Paragraph>
      )}
      <div className="company-buttons">
        <Button variant="secondary" disabled={!ready || progress !== null} onClick={() => run(true)}>
          {t('bulk.preview')}
        </Button>
        <Button disabled={!ready || progress !== null} onClick={() => run(false)}>
          {t('bulk.run', { count: props.selected.length })}
        </Button>
        <Button variant="tertiary" onClick={props.onClear} disabled={progress !== null}>
          {t('bulk.clear')}
        </Button>
      </div>
      {progress && (
        <div role="status">
          <label htmlFor="bulk-progress">{t('bulk.progress', progress)}</label>{' '}
          <progress id="bulk-progress" max={progress.total} value={progress.done} />
        </div>
      )}
      <ErrorMessage error={error} />
      {result && (
        <div>
          <Heading level={3} data-size="2xs" tabIndex={-1} ref={summaryRef}>
            {result.dryRun ? t('bulk.previewTitle') : t('bulk.summaryTitle')}
          </Heading>
          <Paragraph role="status">
            {result.dryRun ? t('bulk.previewSummary', result.summary) : t('bulk.summary', result.summary)}
          </Paragraph>
          {failed.length > 0 && (
            <ul aria-label={t('bulk.failedList')}>
              {failed.map((r) => (
                <li key={r.id}>
                  {r.name ?? r.id}: {r.message ?? t('bulk.failed')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Issue 16 item 2: a list pasted from Excel (mobile numbers or employee numbers, one per line)
 * selects those rows; the lines that matched nothing are shown.
 */
export function PasteSelect(props: { onSelect: (ids: string[]) => void }) {
  const { t } = useTranslation('company');
  const [text, setText] = useState('');
  const [unmatched, setUnmatched] = useState<string[] | null>(null);
  const [count, setCount] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ matched: { id: string }[]; unmatched: string[] }>(
        '/api/company/subscriptions/select',
        {
          text,
        },
      );
      const ids = [...new Set(r.matched.map((m) => m.id))];
      setCount(ids.length);
      setUnmatched(r.unmatched);
      props.onSelect(ids);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="company-paste">
      <summary>{t('bulk.pasteTitle')}</summary>
      <Field>
        <Label>{t('bulk.pasteLabel')}</Label>
        <Textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <Button variant="secondary" disabled={busy || text.trim() === ''} onClick={pick}>
        {t('bulk.pasteSelect')}
      </Button>
      <ErrorMessage error={error} />
      {unmatched && (
        <Paragraph role="status">
          {t('bulk.pasteResult', { count })}
          {unmatched.length > 0 && ` ${t('bulk.pasteUnmatched', { lines: unmatched.join(', ') })}`}
        </Paragraph>
      )}
    </details>
  );
}
