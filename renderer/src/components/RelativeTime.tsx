import { useFormat } from '../format/useFormat.js';
import { useNow } from './useNow.js';

/** "3 minutes ago", kept current, with the exact time on hover and for screen readers. */
export function RelativeTime({ value }: { value: string }) {
  const format = useFormat();
  const now = useNow(5000);
  return (
    <time dateTime={value} title={format.dateTime(value)}>
      {format.relative(value, now)}
    </time>
  );
}
