import { Button, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type NamedItem = {
  id: string;
  names: { key: string; label: string; value: string }[];
  active: boolean;
};

/** One zone or category row: rename in place, (de)activate, and optionally delete. */
export function NamedRow({
  item,
  canWrite,
  busy,
  onSave,
  onToggle,
  onDelete,
}: {
  item: NamedItem;
  canWrite: boolean;
  busy: boolean;
  onSave: (names: Record<string, string>) => void;
  onToggle: () => void;
  onDelete?: () => void;
}) {
  const { t } = useTranslation('operator');
  const [editing, setEditing] = useState<Record<string, string> | null>(null);
  return (
    <Table.Row>
      <Table.Cell>{item.id}</Table.Cell>
      {item.names.map((n) => (
        <Table.Cell key={n.key}>
          {editing ? (
            <Textfield
              aria-label={`${n.label} (${item.id})`}
              value={editing[n.key] ?? ''}
              onChange={(e) => setEditing({ ...editing, [n.key]: e.target.value })}
            />
          ) : (
            n.value
          )}
        </Table.Cell>
      ))}
      <Table.Cell>
        <Tag data-color={item.active ? 'success' : 'neutral'}>
          {item.active ? t('zones.active') : t('zones.inactive')}
        </Tag>
      </Table.Cell>
      {canWrite && (
        <Table.Cell>
          <div className="operator-actions">
            {editing ? (
              <>
                <Button
                  data-size="sm"
                  loading={busy}
                  onClick={() => {
                    onSave(editing);
                    setEditing(null);
                  }}
                >
                  {t('zones.save')}
                </Button>
                <Button data-size="sm" variant="tertiary" onClick={() => setEditing(null)}>
                  {t('detail.cancel')}
                </Button>
              </>
            ) : (
              <Button
                data-size="sm"
                variant="secondary"
                onClick={() => setEditing(Object.fromEntries(item.names.map((n) => [n.key, n.value])))}
              >
                {t('zones.rename')} <span className="ds-sr-only">{item.id}</span>
              </Button>
            )}
            <Button data-size="sm" variant="secondary" onClick={onToggle} loading={busy}>
              {item.active ? t('zones.deactivate') : t('zones.activate')}{' '}
              <span className="ds-sr-only">{item.id}</span>
            </Button>
            {onDelete && (
              <Button data-size="sm" variant="tertiary" data-color="danger" onClick={onDelete}>
                {t('zones.delete')} <span className="ds-sr-only">{item.id}</span>
              </Button>
            )}
          </div>
        </Table.Cell>
      )}
    </Table.Row>
  );
}
