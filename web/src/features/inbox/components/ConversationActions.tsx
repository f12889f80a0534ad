import { useSession } from '../../../app/session/useSession';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { SelectField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useStaffList, useStaffNames } from '../../../lib/useStaffNames';
import { useUpdateConversation, type Conversation } from '../api/inbox';

/** Assign (to me, to someone, to nobody), close, archive, mark as spam, reopen. */
export function ConversationActions({ conversation }: { conversation: Conversation }) {
  const { t } = useI18n();
  const me = useSession().data?.user.id;
  const staff = useStaffList();
  const staffName = useStaffNames();
  const update = useUpdateConversation(conversation.id);
  const assignees = staff?.filter((u) => u.role !== 'field_staff') ?? [];
  const options = [
    { value: '', label: t('common.unassigned') },
    ...(me && !assignees.some((u) => u.id === me) ? [{ value: me, label: t('common.me') }] : []),
    ...assignees.map((u) => ({ value: u.id, label: u.id === me ? t('common.me') : u.name })),
    ...(conversation.assignedTo &&
    conversation.assignedTo !== me &&
    !assignees.some((u) => u.id === conversation.assignedTo)
      ? [{ value: conversation.assignedTo, label: staffName(conversation.assignedTo) }]
      : []),
  ];
  const open = conversation.status === 'open';
  return (
    <div className="thread-actions">
      <SelectField
        label={t('common.assignedTo')}
        value={conversation.assignedTo ?? ''}
        onChange={(e) => update.mutate({ assignedTo: e.target.value || null })}
        options={options}
      />
      <div className="actions">
        {open ? (
          <>
            <Button onClick={() => update.mutate({ status: 'closed' })}>{t('inbox.close')}</Button>
            <Button onClick={() => update.mutate({ status: 'archived' })}>{t('inbox.archive')}</Button>
            <Button variant="ghost" onClick={() => update.mutate({ status: 'spam' })}>
              {t('inbox.spam')}
            </Button>
          </>
        ) : (
          <Button onClick={() => update.mutate({ status: 'open' })}>{t('inbox.reopen')}</Button>
        )}
      </div>
      <ErrorAlert error={update.error} />
    </div>
  );
}
