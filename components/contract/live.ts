import { lazy } from 'react';

// The components of live-preview.tsx (what the forms show once the customer has typed or sent
// something) as lazy ones: FlowForm starts loading them once the page is interactive
// (`loadLivePreview`), so they are ready before they are needed and are not part of the page's
// first load. Without JavaScript the server renders them as usual.
export const loadLivePreview = () => import('./live-preview');

type Live = Awaited<ReturnType<typeof loadLivePreview>>;
const part = <K extends keyof Live>(name: K) => lazy(() => loadLivePreview().then((m) => ({ default: m[name] })));

export const LiveViolations = part('LiveViolations');
export const LiveCancellationSummary = part('LiveCancellationSummary');
export const LiveFeeSummary = part('LiveFeeSummary');
export const LiveChangeSummary = part('LiveChangeSummary');
export const LiveReview = part('LiveReview');
export const LiveRefusal = part('LiveRefusal');
