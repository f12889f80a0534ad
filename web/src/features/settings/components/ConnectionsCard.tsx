import { useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { DataTable } from '../../../components/ui/DataTable';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useConnections, useRemoveConnection, useTestConnection, type Connection } from '../api/connections';
import { ConnectionDialog } from './ConnectionDialog';
import { lastTest, nameOf, numberOf, QUALITY_TONES, STATUS_TONES } from './connectionHealth';
import { TestResult } from './TestResult';

/**
 * The tenant's WhatsApp numbers and their health (manager): status, WhatsApp's display number and
 * verified name, quality, messaging tier, the last test; "Test" asks the provider again. Live
 * through `connection.health` events. Numbers are added with their credentials, changed and
 * removed here, except those the server's environment sets.
 */
export function ConnectionsCard() {
  const { t } = useI18n();
  const format = useFormat();
  const connections = useConnections();
  const test = useTestConnection();
  const tested = test.data && connections.data?.find((c) => c.id === test.data.id);
  const testing = test.isPending ? test.variables : undefined;
  const remove = useRemoveConnection();
  const [editing, setEditing] = useState<Connection | 'new'>();
  const [removing, setRemoving] = useState<Connection>();
  const [saved, setSaved] = useState<Connection>();
  return (
    <section className="card" aria-labelledby="connections">
      <div className="page-header">
        <h2 id="connections">{t('connections.title')}</h2>
        <Button onClick={() => setEditing('new')}>{t('connections.add')}</Button>
      </div>
      <ErrorAlert error={connections.error ?? test.error ?? remove.error} />
      {saved && <Notice>{t('connections.saved', { number: nameOf(saved) })}</Notice>}
      {test.data && tested && <TestResult number={nameOf(tested)} result={test.data.result} />}
      <DataTable<Connection>
        label={t('connections.title')}
        rows={connections.data}
        rowKey={(c) => c.id}
        loading={connections.isPending}
        empty={t('connections.none')}
        columns={[
          {
            header: t('connections.number'),
            cell: (c) => (
              <>
                {numberOf(c)}
                <span className="muted"> · {c.provider}</span>
              </>
            ),
          },
          {
            header: t('common.status'),
            cell: (c) => (
              <Badge tone={STATUS_TONES[c.status]}>{t(`connections.status.${c.status}` as MessageKey)}</Badge>
            ),
          },
          { header: t('connections.verifiedName'), cell: (c) => c.verifiedName ?? '—', secondary: true },
          {
            header: t('connections.quality'),
            cell: (c) => (
              <Badge tone={QUALITY_TONES[c.qualityRating]}>
                {t(`connections.quality.${c.qualityRating}` as MessageKey)}
              </Badge>
            ),
          },
          { header: t('connections.tier'), cell: (c) => c.messagingLimitTier ?? '—', secondary: true },
          {
            header: t('connections.lastTest'),
            cell: (c) => {
              const last = lastTest(c);
              if (!last) return t('connections.neverTested');
              return (
                <>
                  <Badge tone={last.ok ? 'good' : 'bad'}>
                    {last.ok ? t('connections.works') : t('connections.fails')}
                  </Badge>{' '}
                  {format.dateTime(last.checkedAt)}
                  {last.error && <div className="hint">{last.error}</div>}
                </>
              );
            },
          },
          {
            header: t('common.actions'),
            cell: (c) => (
              <span className="actions">
                <Button
                  variant="ghost"
                  onClick={() => test.mutate(c.id)}
                  disabled={test.isPending}
                  aria-label={t('connections.testNumber', { number: nameOf(c) })}
                >
                  {testing === c.id ? t('connections.testing') : t('connections.test')}
                </Button>
                {c.source === 'environment' ? (
                  <span className="hint">{t('connections.fromEnvironment')}</span>
                ) : (
                  <>
                    <Button
                      variant="ghost"
                      onClick={() => setEditing(c)}
                      aria-label={t('connections.editNumber', { number: nameOf(c) })}
                    >
                      {t('connections.edit')}
                    </Button>
                    <Button
                      variant="ghost"
                      onClick={() => setRemoving(c)}
                      aria-label={t('connections.removeNumber', { number: nameOf(c) })}
                    >
                      {t('connections.remove')}
                    </Button>
                  </>
                )}
              </span>
            ),
          },
        ]}
      />
      {editing && (
        <ConnectionDialog
          connection={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(connection) => {
            setEditing(undefined);
            setSaved(connection);
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('connections.removeTitle')}
          description={t('connections.removeConfirm', { number: nameOf(removing) })}
          confirm={t('connections.remove')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate(removing.id, { onSettled: () => setRemoving(undefined) })}
          onCancel={() => setRemoving(undefined)}
        />
      )}
    </section>
  );
}
