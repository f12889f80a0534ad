import type { ComponentType } from 'react';
import { useSession } from '../../../app/session/useSession';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { QuickRepliesCard } from '../../quickreplies';
import { useSignupOffered } from '../api/onboarding';
import { ConnectionsCard } from './ConnectionsCard';
import { ConnectWhatsappCard } from './ConnectWhatsappCard';
import { AutoResponderCard } from './AutoResponderCard';
import { PanicModeCard } from './PanicModeCard';
import { PaymentsCard } from './PaymentsCard';
import { ClickToChatCard, PlanUsageCard } from './PlanUsageCard';
import { SessionsCard } from './SessionsCard';
import { SmsFallbackCard } from './SmsFallbackCard';
import { UsersCard } from './UsersCard';
import { WebhooksCard } from './WebhooksCard';

interface Section {
  /** The card's heading id, which the page's contents link to. */
  id: string;
  title: MessageKey;
  card: ComponentType;
  /**
   * Who sees it besides managers: everyone, or who answers customers (sales and operations: the
   * `manage_conversations` permission its API asks for).
   */
  everyone?: boolean;
  answering?: boolean;
}

const SECTIONS: Section[] = [
  { id: 'panic-mode', title: 'settings.panicMode', card: PanicModeCard },
  { id: 'connections', title: 'connections.title', card: ConnectionsCard },
  { id: 'connect-whatsapp', title: 'onboarding.title', card: ConnectWhatsappCard },
  { id: 'sms-fallback', title: 'smsFallback.title', card: SmsFallbackCard },
  { id: 'plan-usage', title: 'usage.title', card: PlanUsageCard },
  { id: 'click-to-chat', title: 'usage.clickToChat', card: ClickToChatCard, answering: true },
  { id: 'quick-replies', title: 'quickReplies.title', card: QuickRepliesCard, answering: true },
  { id: 'users', title: 'settings.users', card: UsersCard },
  { id: 'payments', title: 'payments.title', card: PaymentsCard },
  { id: 'webhooks', title: 'webhooks.title', card: WebhooksCard },
  { id: 'auto-responder', title: 'autoResponder.title', card: AutoResponderCard },
  { id: 'sessions', title: 'settings.sessions', card: SessionsCard, everyone: true },
];

/** What a tenant configures, a card each, with the page's contents first (it is long on a phone). */
export default function SettingsPage() {
  const { t } = useI18n();
  const role = useSession().data?.user.role;
  const manager = role === 'manager';
  const answering = role === 'sales' || role === 'operations';
  // The card hides itself when the server offers no Embedded Signup; so does its link.
  const signupOffered = useSignupOffered(manager);
  const shown = SECTIONS.filter(
    (section) =>
      (manager || section.everyone || (answering && section.answering)) &&
      (section.id !== 'connect-whatsapp' || signupOffered),
  );
  return (
    <>
      <PageHeader title={t('nav.settings')} />
      <nav aria-label={t('settings.contents')} className="card">
        <ul className="contents">
          {shown.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t(section.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {shown.map(({ id, card: Card }) => (
        <Card key={id} />
      ))}
    </>
  );
}
