import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useConversation, useThread, useUpdateConversation } from '../api/inbox';
import { Composer } from './Composer';
import { ConversationActions } from './ConversationActions';
import { MessageBubble } from './MessageBubble';
import { Notes } from './Notes';
import { WindowCountdown } from './WindowCountdown';

/** One conversation: who, the 24-hour window, actions, the messages with their ticks, the composer, notes. */
export function Thread({ id }: { id: string }) {
  const { t } = useI18n();
  const conversation = useConversation(id);
  const thread = useThread(id);
  const update = useUpdateConversation(id);
  const c = conversation.data;
  const markedRead = useRef(false);
  useEffect(() => {
    if (c && c.unreadCount > 0 && !markedRead.current) {
      markedRead.current = true;
      update.mutate({ read: true });
    }
  }, [c, update]);
  // Oldest first; a reply queued in the same transaction as the customer's message comes after it.
  const messages = [...(thread.rows ?? [])].sort(
    (a, b) =>
      a.createdAt.localeCompare(b.createdAt) ||
      (a.direction === 'INBOUND' ? -1 : 1) - (b.direction === 'INBOUND' ? -1 : 1),
  );
  const reactions = messages.filter((m) => m.type === 'reaction');
  return (
    <section className="thread" aria-labelledby="thread-title">
      <p className="back">
        <Link href="~/inbox">← {t('nav.inbox')}</Link>
      </p>
      <ErrorAlert error={conversation.error ?? thread.error} />
      {c && (
        <>
          <header className="thread-header">
            <div>
              <h2 id="thread-title">{c.customerName ?? c.customerPhone}</h2>
              <p className="muted small">{c.customerPhone}</p>
              <WindowCountdown conversation={c} />
            </div>
            <ConversationActions conversation={c} />
          </header>
          {thread.hasMore && (
            <Button variant="ghost" onClick={thread.loadMore} disabled={thread.loadingMore}>
              {t('inbox.earlier')}
            </Button>
          )}
          <ol className="messages" aria-label={t('inbox.messages')}>
            {messages
              .filter((m) => m.type !== 'reaction')
              .map((m) => (
                <MessageBubble key={m.id} message={m} reactions={reactions} />
              ))}
          </ol>
          {c.status === 'open' ? (
            <Composer conversation={c} />
          ) : (
            <p className="muted">
              {t('inbox.ended', {
                status: t(
                  `inbox.status.${c.status === 'expired' ? 'closed' : c.status}` as 'inbox.status.open',
                ),
              })}
            </p>
          )}
          <Notes conversationId={c.id} />
        </>
      )}
    </section>
  );
}
