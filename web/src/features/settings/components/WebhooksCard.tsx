import { useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { TextField } from '../../../components/ui/Field';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { EVENT_TYPES, type EventType } from '../../../lib/api/eventTypes';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import {
  useCreateWebhookSubscription,
  useRemoveWebhookSubscription,
  useSetWebhookStatus,
  useWebhookSubscriptions,
  type WebhookSubscription,
} from '../api/webhooks';
import { WebhookDeliveriesDialog } from './WebhookDeliveriesDialog';

/** The subscription's state: active, failing (retried until three days pass), or disabled. */
function SubscriptionStatus({ subscription: s }: { subscription: WebhookSubscription }) {
  const { t } = useI18n();
  const format = useFormat();
  if (s.status === 'disabled')
    return (
      <>
        <Badge tone="bad">{t('webhooks.disabled')}</Badge>
        {s.disabledReason && <span className="muted small"> {s.disabledReason}</span>}
      </>
    );
  if (s.failingSince)
    return <Badge tone="warn">{t('webhooks.failingSince', { at: format.dateTime(s.failingSince) })}</Badge>;
  return <Badge tone="good">{t('settings.active')}</Badge>;
}

/**
 * Outbound webhooks (Standard Webhooks): subscribe a URL to events, see its deliveries, turn it off
 * or back on (from the next event), remove it.
 */
export function WebhooksCard() {
  const { t } = useI18n();
  const subscriptions = useWebhookSubscriptions();
  const create = useCreateWebhookSubscription();
  const remove = useRemoveWebhookSubscription();
  const setStatus = useSetWebhookStatus();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<ReadonlySet<EventType>>(new Set());
  const [showing, setShowing] = useState<WebhookSubscription>();
  const [removing, setRemoving] = useState<WebhookSubscription>();
  const toggle = (event: EventType, on: boolean) =>
    setEvents((current) => {
      const next = new Set(current);
      if (on) next.add(event);
      else next.delete(event);
      return next;
    });
  return (
    <section className="card" aria-labelledby="webhooks">
      <h2 id="webhooks">{t('webhooks.title')}</h2>
      <p className="muted">{t('webhooks.intro')}</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { url: url.trim(), events: EVENT_TYPES.filter((event) => events.has(event)) },
            {
              onSuccess: () => {
                setUrl('');
                setEvents(new Set());
              },
            },
          );
        }}
      >
        <TextField
          label={t('webhooks.url')}
          type="url"
          required
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <fieldset className="stack settings-group">
          <legend>{t('webhooks.events')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={events.size === EVENT_TYPES.length}
              onChange={(e) => setEvents(new Set(e.target.checked ? EVENT_TYPES : []))}
            />
            {t('webhooks.allEvents')}
          </label>
          <div className="checks">
            {EVENT_TYPES.map((event) => (
              <label key={event} className="checkbox">
                <input
                  type="checkbox"
                  checked={events.has(event)}
                  onChange={(e) => toggle(event, e.target.checked)}
                />
                {t(`webhooks.event.${event}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t('webhooks.subscribe')}
        </Button>
      </form>
      <ErrorAlert error={create.error ?? remove.error ?? setStatus.error ?? subscriptions.error} />
      {create.data && (
        <Notice>
          {t('webhooks.secretOnce')} <code className="secret">{create.data.secret}</code>
        </Notice>
      )}
      <DataTable
        label={t('webhooks.subscriptions')}
        paged={subscriptions}
        rowKey={(s) => s.id}
        empty={t('webhooks.none')}
        columns={[
          { header: t('webhooks.url'), cell: (s) => <span className="clip">{s.url}</span> },
          {
            header: t('webhooks.events'),
            cell: (s) =>
              s.events.length === EVENT_TYPES.length ? t('webhooks.allEvents') : s.events.join(', '),
            secondary: true,
          },
          { header: t('common.status'), cell: (s) => <SubscriptionStatus subscription={s} /> },
          {
            header: t('common.actions'),
            cell: (s) => (
              <span className="actions">
                <Button
                  variant="ghost"
                  onClick={() => setShowing(s)}
                  aria-label={t('webhooks.deliveriesOf', { url: s.url })}
                >
                  {t('webhooks.deliveries')}
                </Button>
                <Button
                  variant="ghost"
                  disabled={setStatus.isPending}
                  onClick={() =>
                    setStatus.mutate({ id: s.id, status: s.status === 'disabled' ? 'active' : 'disabled' })
                  }
                  aria-label={t(s.status === 'disabled' ? 'webhooks.turnOnUrl' : 'webhooks.turnOffUrl', {
                    url: s.url,
                  })}
                >
                  {t(s.status === 'disabled' ? 'webhooks.turnOn' : 'webhooks.turnOff')}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => setRemoving(s)}
                  aria-label={t('webhooks.removeUrl', { url: s.url })}
                >
                  {t('webhooks.remove')}
                </Button>
              </span>
            ),
          },
        ]}
      />
      {showing && <WebhookDeliveriesDialog subscription={showing} onClose={() => setShowing(undefined)} />}
      {removing && (
        <ConfirmDialog
          title={t('webhooks.removeTitle')}
          description={t('webhooks.removeConfirm', { url: removing.url })}
          confirm={t('webhooks.remove')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate(removing.id, { onSettled: () => setRemoving(undefined) })}
          onCancel={() => setRemoving(undefined)}
        />
      )}
    </section>
  );
}
