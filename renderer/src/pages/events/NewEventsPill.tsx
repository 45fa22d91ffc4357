import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';

export function NewEventsPill({ count, onShow }: { count: number; onShow: () => void }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <button type="button" className="pill" onClick={onShow} data-testid="new-events-pill">
      <Icon name="arrowUp" size={15} />
      {t('events.newEvents', { count })}
    </button>
  );
}
