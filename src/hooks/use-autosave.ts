// Saves a form as the person types: a pause in typing (DELAY) sends the fields; one save at a time, the
// next one carries whatever was typed meanwhile; leaving the page sends what is not saved yet; a failed
// save keeps the text on the page, says why, and is tried again at the next change or with 重试.
// `state` is what the page shows (已保存 / 保存中 / 未保存). See docs/proposals.md.
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export type SaveOutcome = { ok: true } | { ok: false; message: string };

export const AUTOSAVE_DELAY_MS = 800;

export interface Autosave {
  state: SaveState;
  /** The server's words when the last save failed. */
  error: string | null;
  /** Saves now what is not saved yet, and waits for it (before inviting or submitting). True when all is saved. */
  flush: () => Promise<boolean>;
}

/** `saved`: what the server holds when it differs from the fields shown (text restored from the phone). */
export function useAutosave<F>(fields: F, save: (fields: F) => Promise<SaveOutcome>, saved?: F, delay = AUTOSAVE_DELAY_MS): Autosave {
  const key = JSON.stringify(fields);
  const savedKey = useRef(saved === undefined ? key : JSON.stringify(saved));
  const latest = useRef({ fields, key });
  latest.current = { fields, key };
  const saveRef = useRef(save);
  saveRef.current = save;
  const running = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);

  const run = useCallback((): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // One save at a time: after the one under way, save again if the text changed meanwhile.
    if (running.current) return running.current.then(() => (latest.current.key === savedKey.current ? true : run()));
    if (latest.current.key === savedKey.current) return Promise.resolve(true);
    const { fields: sent, key: sentKey } = latest.current;
    setState('saving');
    const attempt = saveRef
      .current(sent)
      .catch((): SaveOutcome => ({ ok: false, message: '网络异常，暂未保存，请稍后重试' }))
      .then((outcome) => {
        running.current = null;
        if (!outcome.ok) {
          setError(outcome.message);
          setState('failed');
          return false;
        }
        savedKey.current = sentKey;
        setError(null);
        if (latest.current.key !== savedKey.current) return run();
        setState('saved');
        return true;
      });
    running.current = attempt;
    return attempt;
  }, []);

  // A change waits for a pause in typing.
  useEffect(() => {
    if (key === savedKey.current) return;
    setState((s) => (s === 'saving' ? s : 'pending'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), delay);
  }, [key, delay, run]);

  // Leaving the page: what is not saved yet is sent at once.
  useEffect(
    () => () => {
      if (latest.current.key !== savedKey.current) void run();
    },
    [run],
  );

  return { state, error, flush: run };
}
