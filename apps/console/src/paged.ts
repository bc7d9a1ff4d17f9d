import { useCallback, useEffect, useRef, useState } from 'react';
import { refusalText } from './api/client';

/** What the API answers for a page of a list (`{ items, total, page, pageSize }`), or its refusal. */
export interface PageAnswer<T> {
  data?: { items: T[]; total: number };
  error?: unknown;
}

/**
 * A list the API pages, for an antd Table: the first page again whenever `fetchPage` changes (a new
 * query), the page and its size as the pager sets them, and `reload` to read the same page again
 * after a change (its rows stay shown meanwhile, so rows opened stay open). A refusal is in `error`.
 */
export function usePagedList<T>(fetchPage: (page: number, pageSize: number) => Promise<PageAnswer<T>>, initialPageSize: number) {
  const [at, setAt] = useState({ page: 1, pageSize: initialPageSize });
  const [result, setResult] = useState<{ items: T[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const reloading = useRef(false);
  useEffect(() => setAt((a) => (a.page === 1 ? a : { ...a, page: 1 })), [fetchPage]);
  useEffect(() => {
    let current = true;
    if (!reloading.current) setResult(null);
    reloading.current = false;
    void fetchPage(at.page, at.pageSize).then(({ data, error: refusal }) => {
      if (!current) return; // a later query or page was asked for meanwhile
      setError(data ? null : refusalText(refusal));
      setResult(data ?? { items: [], total: 0 });
    });
    return () => void (current = false);
  }, [fetchPage, at, reloads]);
  const reload = useCallback(() => {
    reloading.current = true;
    setReloads((n) => n + 1);
  }, []);
  const pagination = {
    current: at.page,
    pageSize: at.pageSize,
    total: result?.total ?? 0,
    onChange: (page: number, pageSize: number) => setAt({ page, pageSize }),
  };
  return { result, error, pagination, reload };
}
