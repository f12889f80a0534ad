import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { EVENT_TYPES } from '../../lib/api/eventTypes';
import { applyEvent, type StreamEvent } from './eventEffects';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

const StreamContext = createContext<StreamState>('connecting');
export const useStreamState = () => useContext(StreamContext);

/** Invalidations in a burst (a broadcast's progress) are flushed together, a few times a second. */
function batcher(flush: (keys: QueryKey[]) => void) {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    add(key: QueryKey) {
      pending.set(JSON.stringify(key), key);
      timer ??= setTimeout(() => {
        timer = undefined;
        const keys = [...pending.values()];
        pending.clear();
        flush(keys);
      }, 250);
    },
    stop: () => clearTimeout(timer),
  };
}

/**
 * The console's one connection to GET /api/v1/events, feeding the query cache. The browser
 * resumes a dropped stream with Last-Event-ID; when it gives up (the server restarted, a proxy
 * closed it for good), a new stream starts from the last id received, so nothing is missed.
 */
export function EventStream({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    let source: EventSource | undefined;
    let lastId: string | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    const batch = batcher((keys) => keys.forEach((queryKey) => void client.invalidateQueries({ queryKey })));
    const onEvent = (message: MessageEvent<string>) => {
      lastId = message.lastEventId || lastId;
      applyEvent(client, JSON.parse(message.data) as StreamEvent, batch.add);
    };
    const open = () => {
      source = new EventSource(`/api/v1/events${lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : ''}`);
      source.onopen = () => {
        delay = 1000;
        setState('live');
      };
      source.onerror = () => {
        setState('reconnecting');
        if (source?.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, 30_000);
      };
      for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
    };
    open();
    return () => {
      clearTimeout(retry);
      batch.stop();
      source?.close();
    };
  }, [client]);
  return <StreamContext.Provider value={state}>{children}</StreamContext.Provider>;
}
