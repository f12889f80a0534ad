import { useSession } from '../../../app/session/useSession';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { ConnectionsCard } from './ConnectionsCard';
import { ConnectWhatsappCard } from './ConnectWhatsappCard';
import { AutoResponderCard } from './AutoResponderCard';
import { PanicModeCard } from './PanicModeCard';
import { ClickToChatCard, PlanUsageCard } from './PlanUsageCard';
import { SessionsCard } from './SessionsCard';
import { UsersCard } from './UsersCard';
import { WebhooksCard } from './WebhooksCard';

/** What exists to configure today: panic mode, the WhatsApp numbers and connecting another, plan and usage, click-to-chat, staff and their API keys, webhook subscriptions, the auto-responder, console sessions. */
export default function SettingsPage() {
  const { t } = useI18n();
  const manager = useSession().data?.user.role === 'manager';
  return (
    <>
      <PageHeader title={t('nav.settings')} />
      {manager && <PanicModeCard />}
      {manager && <ConnectionsCard />}
      {manager && <ConnectWhatsappCard />}
      {manager && <PlanUsageCard />}
      <ClickToChatCard />
      {manager && <UsersCard />}
      {manager && <WebhooksCard />}
      {manager && <AutoResponderCard />}
      <SessionsCard />
    </>
  );
}
