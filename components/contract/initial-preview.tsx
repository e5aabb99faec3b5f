import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { previewOf, violationsOf } from './outcome';
import type { PreviewResponse } from './preview-query';
import { Violations } from './violations';

/**
 * The preview a flow form opens with, rendered by the page (a server component): what FlowForm
 * shows in its live preview until the customer changes something, without the browser needing
 * the preview's components for it. `render` shows the consequences (CancellationSummary …).
 */
export function InitialPreview<P>({
  response,
  render,
  extra,
  t,
  locale,
}: {
  response: PreviewResponse<P> | undefined;
  render: (preview: P) => ReactNode;
  extra?: (rule: string) => ReactNode;
  t: Translate;
  locale: Locale;
}) {
  const preview = previewOf(response?.outcome);
  if (preview === undefined) return null;
  const violations = violationsOf(response?.outcome);
  return (
    <>
      {violations && <Violations violations={violations} extra={extra} t={t} locale={locale} />}
      {render(preview)}
    </>
  );
}
