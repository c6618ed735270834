import { useSyncExternalStore } from 'react';
import { liveStatus } from '../api';
import { keyOf, useT } from '../i18n';

/** "Live" or "Reconnecting…", announced to screen readers as it changes. */
export function LiveBadge() {
  const t = useT();
  const status = useSyncExternalStore(liveStatus.subscribe, liveStatus.get);
  return (
    <span role="status" aria-live="polite" className={`live ${status}`} data-testid="live-status" data-status={status}>
      {t(keyOf('live', status))}
    </span>
  );
}
