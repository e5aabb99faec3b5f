'use client';

import { useState, useSyncExternalStore } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Button } from '@/components/ui/button';

const noSubscription = () => () => {};

/**
 * Copies the new key to the clipboard. Rendered only once JavaScript runs (the server and a
 * browser without it render nothing): without it the key is still selectable text beside.
 */
export function CopyKey({ value }: { value: string }) {
  const t = useTranslations('apiKeys');
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [answer, setAnswer] = useState<'copied' | 'copyFailed' | null>(null);
  if (!scripted) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setAnswer('copied');
    } catch {
      setAnswer('copyFailed');
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" onClick={copy} data-testid="copy-api-key">
        {t('copy')}
      </Button>
      <span role="status" className="text-sm text-slate-700">
        {answer ? t(answer) : ''}
      </span>
    </div>
  );
}
