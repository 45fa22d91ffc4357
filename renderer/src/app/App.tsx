// The dashboard's frame: navigation, live connection and language on the left, the page on the right.
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../api/ApiContext.js';
import { AlertsPage } from '../pages/alerts/AlertsPage.js';
import { EventsPage } from '../pages/events/EventsPage.js';
import { ForwardingPage } from '../pages/forwarding/ForwardingPage.js';
import { HealthPage } from '../pages/health/HealthPage.js';
import { OverviewPage } from '../pages/overview/OverviewPage.js';
import { PrintersPage } from '../pages/printers/PrintersPage.js';
import { RejectionsPage } from '../pages/rejections/RejectionsPage.js';
import { SetupPage } from '../pages/setup/SetupPage.js';
import { StatisticsPage } from '../pages/statistics/StatisticsPage.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Nav } from './Nav.js';
import { NoToken } from './NoToken.js';
import type { PageId } from './routes.js';
import { useFirstRunSetup } from './useFirstRunSetup.js';
import { useHashRoute } from './useHashRoute.js';

const PAGE_COMPONENTS: Record<PageId, () => React.JSX.Element> = {
  overview: OverviewPage,
  events: EventsPage,
  alerts: AlertsPage,
  statistics: StatisticsPage,
  printers: PrintersPage,
  forwarding: ForwardingPage,
  rejections: RejectionsPage,
  health: HealthPage,
  setup: SetupPage,
};

export function App() {
  const { t } = useTranslation();
  const page = useHashRoute();
  const connection = useConnectionState();
  useFirstRunSetup();
  if (connection === 'unauthorized') return <NoToken rejected />;
  const Page = PAGE_COMPONENTS[page];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          FarmHook
        </div>
        <Nav current={page} />
        <div className="sidebar-foot">
          <ConnectionIndicator />
          <LanguageSwitch />
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1} data-page={page}>
        <Page key={page} />
      </main>
    </div>
  );
}
