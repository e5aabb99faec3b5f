'use client';

import { createContext, useContext, type ReactNode } from 'react';

// app/error.tsx is a client component on every page. It needs one sentence, so the root layout
// hands it that sentence through this context rather than shipping next-intl to every page.
const ErrorTextContext = createContext('');

export function ErrorTextProvider({ generic, children }: { generic: string; children: ReactNode }) {
  return <ErrorTextContext value={generic}>{children}</ErrorTextContext>;
}

/** The translated "something went wrong, nothing was changed" (errors.generic). */
export const useGenericErrorText = () => useContext(ErrorTextContext);
