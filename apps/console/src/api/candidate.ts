import { useCallback, useEffect, useState } from 'react';
import { api, refusalText, type Schemas } from './client';

export type CandidateView = Schemas['CandidateViewDto'];

/** A candidate's file as the API shows it to the caller (GET /candidates/:id), or why it would not. */
export function useCandidate(id: string) {
  const [file, setFile] = useState<CandidateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const { data, error: refusal } = await api.GET('/candidates/{id}', { params: { path: { id } } });
    if (data) setFile(data);
    else setError(refusalText(refusal));
  }, [id]);
  useEffect(() => void load(), [load]);
  return { file, setFile, error, reload: load };
}
