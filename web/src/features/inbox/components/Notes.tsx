import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextArea } from '../../../components/ui/Field';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useStaffNames } from '../../../lib/useStaffNames';
import { useAddNote, useConversationNotes } from '../api/inbox';

/** Staff notes on the conversation (never sent to the customer). */
export function Notes({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const staffName = useStaffNames();
  const notes = useConversationNotes(conversationId);
  const add = useAddNote(conversationId);
  const [text, setText] = useState('');
  return (
    <section className="notes" aria-labelledby="notes-title">
      <h3 id="notes-title">{t('inbox.notes')}</h3>
      <ul className="plain">
        {notes.rows?.map((n) => (
          <li key={n.id}>
            <p className="note">{String((n.content as { text?: string }).text ?? '')}</p>
            <p className="muted small">
              {staffName(n.actor)} · {format.dateTime(n.createdAt)}
            </p>
          </li>
        ))}
      </ul>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(text, { onSuccess: () => setText('') });
        }}
      >
        <TextArea
          label={t('inbox.addNote')}
          hint={t('inbox.noteHint')}
          rows={2}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <ErrorAlert error={add.error} />
        <Button type="submit" disabled={add.isPending}>
          {t('inbox.saveNote')}
        </Button>
      </form>
    </section>
  );
}
