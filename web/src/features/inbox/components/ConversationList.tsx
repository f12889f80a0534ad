import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { SelectField, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useSession } from '../../../app/session/useSession';
import { useConversations } from '../api/inbox';
import { VirtualConversations } from './VirtualConversations';

/** Conversations with search and filters, newest first: 50 a page, fetched as the list scrolls. */
export function ConversationList({ selected }: { selected?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('open');
  const [unread, setUnread] = useState(false);
  const [assignee, setAssignee] = useState('');
  const me = useSession().data?.user.id;
  const list = useConversations({ q, status, unread, assignedTo: assignee === 'me' ? (me ?? '') : assignee });
  return (
    <section className="conversation-list" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('nav.inbox')}</h1>
      <form role="search" className="stack" onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('inbox.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <div className="row">
          <SelectField
            label={t('common.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            options={['open', 'closed', 'archived', 'spam', ''].map((s) => ({
              value: s,
              label: s ? t(`inbox.status.${s}` as 'inbox.status.open') : t('common.all'),
            }))}
          />
          <SelectField
            label={t('common.assignedTo')}
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            options={[
              { value: '', label: t('inbox.anyone') },
              { value: 'me', label: t('common.me') },
              { value: 'none', label: t('common.unassigned') },
            ]}
          />
          <label className="checkbox">
            <input type="checkbox" checked={unread} onChange={(e) => setUnread(e.target.checked)} />
            {t('inbox.unreadOnly')}
          </label>
        </div>
      </form>
      <ErrorAlert error={list.error} />
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.rows?.length === 0 && <p className="empty">{t('inbox.empty')}</p>}
      {list.rows && list.rows.length > 0 && (
        <VirtualConversations
          rows={list.rows}
          selected={selected}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          loadMore={list.loadMore}
        />
      )}
      {list.loadingMore && <p className="muted small">{t('common.loading')}</p>}
    </section>
  );
}
