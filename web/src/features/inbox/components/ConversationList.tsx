import { useState } from 'react';
import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { SelectField, TextField } from '../../../components/ui/Field';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useConversations, type Conversation } from '../api/inbox';
import { lastMessageText } from './messageText';

/** Conversations with search and filters, newest activity first, paged 50 at a time. */
export function ConversationList({ selected }: { selected?: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('open');
  const [unread, setUnread] = useState(false);
  const list = useConversations({ q, status, unread });
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
          <label className="checkbox">
            <input type="checkbox" checked={unread} onChange={(e) => setUnread(e.target.checked)} />
            {t('inbox.unreadOnly')}
          </label>
        </div>
      </form>
      <ErrorAlert error={list.error} />
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.rows?.length === 0 && <p className="empty">{t('inbox.empty')}</p>}
      <ul className="conversations" aria-label={t('inbox.conversations')}>
        {list.rows?.map((c) => (
          <li key={c.id}>
            <Link
              href={`/${c.id}`}
              className={c.id === selected ? 'conversation selected' : 'conversation'}
              aria-current={c.id === selected ? 'true' : undefined}
            >
              <span className="row-between">
                <strong>{c.customerName ?? c.customerPhone}</strong>
                <time className="muted small" dateTime={c.lastMessage?.at ?? c.createdAt}>
                  {format.dateTime(c.lastMessage?.at ?? c.lastMessageAt ?? c.createdAt)}
                </time>
              </span>
              <span className="row-between">
                <span className="clip muted">{preview(c, t)}</span>
                {c.unreadCount > 0 && (
                  <span className="unread" aria-label={t('inbox.unreadCount', { n: c.unreadCount })}>
                    {c.unreadCount}
                  </span>
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {list.hasMore && (
        <Button onClick={list.loadMore} disabled={list.loadingMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </section>
  );
}

function preview(c: Conversation, t: ReturnType<typeof useI18n>['t']): string {
  if (!c.lastMessage) return '';
  const text = lastMessageText(c.lastMessage, t);
  return c.lastMessage.direction === 'OUTBOUND' ? `${t('inbox.you')}: ${text}` : text;
}
