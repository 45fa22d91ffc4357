// Forwarding: where farm events are sent on (HTTP, Telegram, Discord, Slack, Teams, MQTT), how each
// destination is doing, and per destination its settings, a test send, replay and the delivery log.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHashItem } from '../../app/useHashItem.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { PageHeader } from '../../components/PageHeader.js';
import { DestinationEditor } from './DestinationEditor.js';
import { DestinationPanel } from './DestinationPanel.js';
import { DestinationTable } from './DestinationTable.js';
import { useForwarding } from './useForwarding.js';

export function ForwardingPage() {
  const { t } = useTranslation();
  const data = useForwarding();
  // The open destination is in the address (`#/forwarding/<id>`), so links can point at its log.
  const [selectedId, select] = useHashItem('forwarding');
  const [editing, setEditing] = useState<'none' | 'new' | 'selected'>('none');
  const selected = data.rows.find((row) => row.destination.id === selectedId)?.destination;

  const open = (id: string | null) => {
    setEditing('none');
    select(id);
  };

  return (
    <div className="page page-forwarding">
      <PageHeader
        title={t('forwarding.title')}
        subtitle={t('forwarding.subtitle')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={editing === 'new'} data-testid="destination-add">
            {t('forwarding.add')}
          </button>
        }
      />
      {data.error ? <ErrorNote error={data.error} onRetry={data.reload} /> : null}
      <Card className="card-flush">
        {data.loaded && data.rows.length === 0 ? (
          <EmptyState title={t('forwarding.empty')}>
            <p>{t('forwarding.emptyHint')}</p>
          </EmptyState>
        ) : (
          <DestinationTable rows={data.rows} selectedId={selectedId} onSelect={open} />
        )}
      </Card>
      {editing === 'new' ? (
        <DestinationEditor
          onSaved={(saved) => {
            data.reload();
            open(saved.id);
          }}
          onCancel={() => setEditing('none')}
        />
      ) : null}
      {editing === 'selected' && selected ? (
        <DestinationEditor
          key={selected.id}
          destination={selected}
          onSaved={() => {
            data.reload();
            setEditing('none');
          }}
          onCancel={() => setEditing('none')}
        />
      ) : null}
      {editing === 'none' && selected ? (
        <DestinationPanel
          key={selected.id}
          destination={selected}
          refreshSignal={data.version}
          onEdit={() => setEditing('selected')}
          onChanged={data.reload}
          onDeleted={() => {
            open(null);
            data.reload();
          }}
          onClose={() => open(null)}
        />
      ) : null}
    </div>
  );
}
