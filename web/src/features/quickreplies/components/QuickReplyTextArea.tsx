import { useId, useState, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { Field } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useQuickReplyMatches, type QuickReply } from '../api/quickReplies';

/** The shortcut being typed: the whole draft is `/` and letters so far. */
const SLASH = /^\/([\w-]{0,32})$/;

function matchesTyped(reply: QuickReply, typed: string): boolean {
  const q = typed.toLowerCase();
  return reply.shortcut.startsWith(q) || reply.text.toLowerCase().includes(q);
}

type Props = {
  label: string;
  value: string;
  onText(text: string): void;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>;

/**
 * A reply box where `/` opens the tenant's quick replies (as in the WhatsApp Business app): typing
 * narrows them by shortcut or text, ↑/↓ move, Enter or Tab puts the chosen one's text in the box,
 * Escape closes the list. Screen readers hear the active option through aria-activedescendant.
 */
export function QuickReplyTextArea({ label, value, onText, ...textarea }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string>();
  const typed = SLASH.exec(value)?.[1];
  const asking = typed !== undefined && dismissed !== value;
  // While the API answers for what was just typed, the previous answer is still on screen: narrowed
  // here by the API's own rule, so Enter never puts in a reply that no longer matches.
  const matches = (useQuickReplyMatches(asking ? typed : undefined).data ?? []).filter((reply) =>
    matchesTyped(reply, typed ?? ''),
  );
  const open = asking && matches.length > 0;
  const current = Math.min(active, matches.length - 1);
  const choose = (reply: QuickReply) => {
    onText(reply.text);
    setActive(0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % matches.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      choose(matches[current]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(value);
    }
  };
  return (
    <Field label={label} hint={t('quickReplies.hint')}>
      {({ id, describedBy }) => (
        <div className="quick-reply-box">
          <textarea
            id={id}
            aria-describedby={describedBy}
            aria-autocomplete="list"
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? `${listId}-${current}` : undefined}
            value={value}
            onChange={(e) => {
              onText(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            {...textarea}
          />
          {open && (
            <ul id={listId} role="listbox" aria-label={t('quickReplies.title')} className="quick-reply-list">
              {matches.map((reply, index) => (
                <li
                  key={reply.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === current}
                  // Keeps the focus in the box: the click chooses without blurring it.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(reply);
                  }}
                >
                  <strong>/{reply.shortcut}</strong> <span className="muted clip">{reply.text}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}
