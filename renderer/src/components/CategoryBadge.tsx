import { useTranslation } from 'react-i18next';

export function CategoryBadge({ category }: { category: string }) {
  const { t } = useTranslation();
  return <span className={`cat cat-${category}`}>{t(`categories.${category}`, { defaultValue: category })}</span>;
}
