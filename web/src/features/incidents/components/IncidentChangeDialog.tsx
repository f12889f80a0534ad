import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { TextArea } from '../../../components/ui/Field';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useChangeIncident, type Incident } from '../api/incidents';

/** A change made with a note: a progress update, or the resolution. */
export type NotedChange = 'note' | 'resolved';

const WORDS: Record<
  NotedChange,
  { title: MessageKey; note: MessageKey; hint: MessageKey; submit: MessageKey }
> = {
  note: {
    title: 'incidents.updateTitle',
    note: 'incidents.progressNote',
    hint: 'incidents.progressHint',
    submit: 'incidents.addUpdate',
  },
  resolved: {
    title: 'incidents.resolveTitle',
    note: 'incidents.note',
    hint: 'incidents.resolveHint',
    submit: 'incidents.resolve',
  },
};

interface Props {
  incident: Incident;
  change: NotedChange;
  onClose(): void;
  /** After the change, with how many of the trip's customers were told. */
  onDone(customersNotified: number): void;
}

/**
 * A progress note (required) or a resolution (its note optional) on an incident: the guide who
 * reported it is told; the trip's customers too when asked, with a message of their own.
 */
export function IncidentChangeDialog({ incident, change, onClose, onDone }: Props) {
  const { t } = useI18n();
  const words = WORDS[change];
  const mutation = useChangeIncident();
  const [note, setNote] = useState('');
  const [notifyCustomers, setNotify] = useState(false);
  const [message, setMessage] = useState('');
  return (
    <Dialog
      title={t(words.title, { ref: incident.ref })}
      description={incident.description}
      open
      onOpenChange={(o) => !o && onClose()}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(
            {
              id: incident.id,
              status: change === 'resolved' ? 'resolved' : undefined,
              note: note.trim() || undefined,
              notifyCustomers,
              message: notifyCustomers ? message : undefined,
            },
            { onSuccess: (result) => onDone(result.customersNotified) },
          );
        }}
      >
        <TextArea
          label={t(words.note)}
          hint={t(words.hint)}
          required={change === 'note'}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={notifyCustomers} onChange={(e) => setNotify(e.target.checked)} />
          {t('incidents.notifyCustomers')}
        </label>
        {notifyCustomers && (
          <TextArea
            label={t('incidents.message')}
            hint={t('incidents.messageHint')}
            required
            maxLength={1000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        )}
        <ErrorAlert error={mutation.error} />
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {t(words.submit)}
        </Button>
      </form>
    </Dialog>
  );
}
