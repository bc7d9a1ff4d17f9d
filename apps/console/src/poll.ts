import { useEffect } from 'react';
import { session } from './api/client';

/**
 * Loads now and again every `everyMs` while the page is open: one load at a time (the next is counted
 * from when the last one answered), none while the tab is hidden or nobody is signed in any more
 * (the session expired), none after the page is left. For pages people leave open (the round during
 * the vote, the notification centre).
 */
export function usePolling(load: () => Promise<unknown>, everyMs: number): void {
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (!document.hidden && session()) await load();
      if (live) timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [load, everyMs]);
}
