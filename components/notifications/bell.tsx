import Link from 'next/link';

/**
 * The bell in the customer header: a link to the notifications page whose accessible name says the
 * unread count ("Notifications, 3 unread"); the count is drawn as a badge, hidden from assistive
 * technology because the name already says it. Rendered by the server: no JavaScript.
 */
export function NotificationBell({ count, label }: { count: number; label: string }) {
  return (
    <Link
      href="/notifications"
      aria-label={label}
      data-testid="notification-bell"
      className="relative inline-flex items-center rounded-md border border-slate-300 p-1.5 text-slate-700 hover:bg-slate-100"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span aria-hidden="true" data-testid="notification-count" className="absolute -top-1.5 -right-1.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
