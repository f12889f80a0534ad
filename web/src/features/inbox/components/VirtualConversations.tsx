import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n, type Translate } from '../../../lib/i18n/I18nProvider';
import type { Conversation } from '../api/inbox';
import { lastMessageText } from './messageText';

interface Props {
  rows: Conversation[];
  selected?: string;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
}

/** How close to the end of what is loaded the next page is asked for. */
const PREFETCH_ROWS = 20;

/**
 * The conversations, virtualised: only the rows in view (and a few around them) are in the page,
 * whatever the number loaded, and the next page is fetched as the end comes into view. Each item
 * says its position (`aria-posinset`; the size is unknown, -1, while more can be loaded).
 */
export function VirtualConversations({ rows, selected, hasMore, loadingMore, loadMore }: Props) {
  const { t } = useI18n();
  const format = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 62,
    overscan: 8,
    getItemKey: (index) => rows[index].id,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= rows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastShown, rows.length, loadMore]);
  return (
    <div ref={scroller} className="conversations-scroll" tabIndex={0} data-testid="conversations-scroll">
      <ul
        className="conversations"
        aria-label={t('inbox.conversations')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const c = rows[item.index];
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-posinset={item.index + 1}
              aria-setsize={hasMore ? -1 : rows.length}
              style={{ transform: `translateY(${item.start}px)` }}
            >
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
          );
        })}
      </ul>
    </div>
  );
}

function preview(c: Conversation, t: Translate): string {
  if (!c.lastMessage) return '';
  const text = lastMessageText(c.lastMessage, t);
  return c.lastMessage.direction === 'OUTBOUND' ? `${t('inbox.you')}: ${text}` : text;
}
