import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { TextArea } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useResolveIncident, type Incident } from '../api/incidents';

/** Resolves an incident: operations are alerted; the trip's customers too when asked, with a message. */
export function ResolveDialog({ incident, onClose }: { incident: Incident; onClose(): void }) {
  const { t } = useI18n();
  const resolve = useResolveIncident(incident.id);
  const [note, setNote] = useState('');
  const [notifyCustomers, setNotify] = useState(false);
  const [message, setMessage] = useState('');
  return (
    <Dialog
      title={t('incidents.resolveTitle', { ref: incident.ref })}
      description={incident.description}
      open
      onOpenChange={(o) => !o && onClose()}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          resolve.mutate(
            { note: note || undefined, notifyCustomers, message: notifyCustomers ? message : undefined },
            { onSuccess: onClose },
          );
        }}
      >
        <TextArea label={t('incidents.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" checked={notifyCustomers} onChange={(e) => setNotify(e.target.checked)} />
          {t('incidents.notifyCustomers')}
        </label>
        {notifyCustomers && (
          <TextArea
            label={t('incidents.message')}
            required
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        )}
        <ErrorAlert error={resolve.error} />
        <Button type="submit" variant="primary" disabled={resolve.isPending}>
          {t('incidents.resolve')}
        </Button>
      </form>
    </Dialog>
  );
}
