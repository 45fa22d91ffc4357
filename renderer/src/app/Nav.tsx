import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.js';
import { hrefOf, PAGES, type PageId } from './routes.js';

const ICONS: Record<PageId, IconName> = {
  overview: 'overview',
  events: 'events',
  alerts: 'alerts',
  statistics: 'statistics',
  printers: 'printers',
  forwarding: 'forwarding',
  rejections: 'rejections',
  health: 'health',
  setup: 'setup',
};

export function Nav({ current }: { current: PageId }) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {PAGES.map((page) => (
          <li key={page}>
            <a href={hrefOf(page)} aria-current={page === current ? 'page' : undefined} data-page={page}>
              <Icon name={ICONS[page]} />
              <span>{t(`nav.${page}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
