import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { DataTable } from '../../../components/ui/DataTable';
import { Dialog } from '../../../components/ui/Dialog';
import { TextArea, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import {
  useDeleteQuickReply,
  useQuickReplies,
  useSaveQuickReply,
  type QuickReply,
} from '../api/quickReplies';

/** The shortcut and text of a new quick reply, or of one being changed. */
function QuickReplyForm({ reply, onSaved }: { reply?: QuickReply; onSaved?(): void }) {
  const { t } = useI18n();
  const save = useSaveQuickReply();
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '');
  const [text, setText] = useState(reply?.text ?? '');
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { id: reply?.id, body: { shortcut, text } },
          {
            onSuccess: () => {
              if (!reply) {
                setShortcut('');
                setText('');
              }
              onSaved?.();
            },
          },
        );
      }}
    >
      <TextField
        label={t('quickReplies.shortcut')}
        hint={t('quickReplies.shortcutHint')}
        required
        maxLength={33}
        autoCapitalize="none"
        value={shortcut}
        onChange={(e) => setShortcut(e.target.value)}
      />
      <TextArea
        label={t('quickReplies.text')}
        required
        rows={3}
        maxLength={4096}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ErrorAlert error={save.error} />
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {reply ? t('common.save') : t('quickReplies.add')}
      </Button>
    </form>
  );
}

/** The tenant's quick replies, shared by everyone who answers customers: add, change, delete. */
export function QuickRepliesCard() {
  const { t } = useI18n();
  const replies = useQuickReplies();
  const remove = useDeleteQuickReply();
  const [editing, setEditing] = useState<QuickReply>();
  const [deleting, setDeleting] = useState<QuickReply>();
  return (
    <section className="card" aria-labelledby="quick-replies">
      <h2 id="quick-replies">{t('quickReplies.title')}</h2>
      <p className="hint">{t('quickReplies.intro')}</p>
      <QuickReplyForm />
      <ErrorAlert error={replies.error ?? remove.error} />
      <DataTable
        label={t('quickReplies.saved')}
        paged={replies}
        rowKey={(r) => r.id}
        empty={t('quickReplies.none')}
        columns={[
          { header: t('quickReplies.shortcut'), cell: (r) => <code>/{r.shortcut}</code> },
          { header: t('quickReplies.text'), cell: (r) => <span className="clip">{r.text}</span> },
          {
            header: t('common.actions'),
            cell: (r) => (
              <span className="actions">
                <Button
                  variant="ghost"
                  onClick={() => setEditing(r)}
                  aria-label={t('quickReplies.editOne', { shortcut: r.shortcut })}
                >
                  {t('quickReplies.edit')}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => setDeleting(r)}
                  aria-label={t('quickReplies.deleteOne', { shortcut: r.shortcut })}
                >
                  {t('common.delete')}
                </Button>
              </span>
            ),
          },
        ]}
      />
      {editing && (
        <Dialog
          title={t('quickReplies.editOne', { shortcut: editing.shortcut })}
          open
          onOpenChange={(open) => !open && setEditing(undefined)}
        >
          <QuickReplyForm reply={editing} onSaved={() => setEditing(undefined)} />
        </Dialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('quickReplies.deleteTitle')}
          description={t('quickReplies.deleteConfirm', { shortcut: deleting.shortcut })}
          confirm={t('common.delete')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate(deleting.id, { onSettled: () => setDeleting(undefined) })}
          onCancel={() => setDeleting(undefined)}
        />
      )}
    </section>
  );
}
