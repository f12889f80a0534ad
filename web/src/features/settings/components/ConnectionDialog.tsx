import { useState, type ChangeEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { SelectField, TextField } from '../../../components/ui/Field';
import type { MessageKey } from '../../../lib/i18n/en';
import { useSession } from '../../../app/session/useSession';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { PROVIDERS, useSaveConnection, type Connection } from '../api/connections';
import { connectionChanges, CREDENTIALS, draftOf, newConnection, webhookUrl } from './connectionFields';
import { nameOf } from './connectionHealth';
import { SecretField } from './SecretField';

/**
 * Adds a number with its provider's credentials, or changes one. Secrets are write-only: left
 * empty they are kept, typed in they replace the stored one. The API checks every field.
 */
export function ConnectionDialog({
  connection,
  onClose,
  onSaved,
}: {
  /** The connection to change; none to add one. */
  connection?: Connection;
  onClose(): void;
  onSaved(saved: Connection): void;
}) {
  const { t } = useI18n();
  const save = useSaveConnection();
  const [draft, setDraft] = useState(() => draftOf(connection));
  const tenantId = useSession().data?.tenant.id ?? '';
  const hookUrl = webhookUrl(draft.provider, window.location.origin, tenantId);
  return (
    <Dialog
      title={
        connection ? t('connections.editTitle', { number: nameOf(connection) }) : t('connections.addTitle')
      }
      open
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const request = connection
            ? { id: connection.id, body: connectionChanges(draft, connection) }
            : { body: newConnection(draft) };
          if (connection && Object.keys(request.body).length === 0) return onClose();
          save.mutate(request, { onSuccess: onSaved });
        }}
      >
        {!connection && (
          <SelectField
            label={t('connections.provider')}
            value={draft.provider}
            onChange={(e) => setDraft({ ...draft, provider: e.target.value as Connection['provider'] })}
            options={PROVIDERS.map((p) => ({
              value: p,
              label: t(`connections.provider.${p}` as MessageKey),
            }))}
          />
        )}
        {hookUrl && (
          <p className="hint">
            {t('connections.pointWebhook')} <code>{hookUrl}</code>
          </p>
        )}
        <TextField
          label={t('common.phone')}
          hint={t('connections.phoneHint')}
          type="tel"
          required
          autoComplete="off"
          value={draft.phoneNumber}
          onChange={(e) => setDraft({ ...draft, phoneNumber: e.target.value })}
        />
        {CREDENTIALS[draft.provider].map((field) => {
          const stored = Boolean(field.secret && connection?.[field.secret]);
          const props = {
            label: t(field.label),
            required: field.required && !stored,
            value: draft.values[field.name] ?? '',
            onChange: (e: ChangeEvent<HTMLInputElement>) =>
              setDraft({ ...draft, values: { ...draft.values, [field.name]: e.target.value } }),
          };
          return field.secret ? (
            <SecretField key={field.name} {...props} stored={stored} />
          ) : (
            <TextField key={field.name} {...props} autoComplete="off" />
          );
        })}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.markAsRead}
            onChange={(e) => setDraft({ ...draft, markAsRead: e.target.checked })}
          />
          {t('connections.markAsRead')}
        </label>
        <ErrorAlert error={save.error} />
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {t('connections.save')}
        </Button>
      </form>
    </Dialog>
  );
}
