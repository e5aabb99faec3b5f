import { lazy } from 'react';

// The components of live-preview.tsx (what the forms show once the customer has typed or sent
// something) as lazy ones: FlowForm starts loading them once the page is interactive
// (`loadLivePreview`), so they are ready before they are needed and are not part of the page's
// first load. Without JavaScript the server renders them as usual.
export const loadLivePreview = () => import('./live-preview');

export const LiveViolations = lazy(() => loadLivePreview().then((m) => ({ default: m.LiveViolations })));
export const LiveCancellationSummary = lazy(() => loadLivePreview().then((m) => ({ default: m.LiveCancellationSummary })));
export const LiveFeeSummary = lazy(() => loadLivePreview().then((m) => ({ default: m.LiveFeeSummary })));
export const LiveChangeSummary = lazy(() => loadLivePreview().then((m) => ({ default: m.LiveChangeSummary })));
export const LiveReview = lazy(() => loadLivePreview().then((m) => ({ default: m.LiveReview })));
export const LiveRefusal = lazy(() => loadLivePreview().then((m) => ({ default: m.LiveRefusal })));
