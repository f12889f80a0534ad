import { useSession } from '../../../app/session/useSession';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { AutoResponderCard } from './AutoResponderCard';
import { PanicModeCard } from './PanicModeCard';
import { ClickToChatCard, PlanUsageCard } from './PlanUsageCard';
import { SessionsCard } from './SessionsCard';
import { UsersCard } from './UsersCard';

/** What exists to configure today: panic mode, plan and usage, click-to-chat, staff and their API keys, the auto-responder, console sessions. */
export default function SettingsPage() {
  const { t } = useI18n();
  const manager = useSession().data?.user.role === 'manager';
  return (
    <>
      <PageHeader title={t('nav.settings')} />
      {manager && <PanicModeCard />}
      {manager && <PlanUsageCard />}
      <ClickToChatCard />
      {manager && <UsersCard />}
      {manager && <AutoResponderCard />}
      <SessionsCard />
    </>
  );
}
