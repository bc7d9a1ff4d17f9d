import { useEffect, useState } from 'react';
import { refusalText } from './client';

/**
 * What a read (an `api.GET`) answered, or why it would not (refusalText); null for both until it has
 * answered. Read again when `key` (what the read is of, e.g. the file's id) changes.
 */
export function useRead<T>(read: () => Promise<{ data?: T; error?: unknown }>, key: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void read().then((r) => (r.data !== undefined ? setData(r.data) : setError(refusalText(r.error))));
    // The read is a new closure each render; what it reads is named by the key.
  }, [key]);
  return { data, error };
}
