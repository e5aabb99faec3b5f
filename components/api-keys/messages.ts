/** The messages the API keys page's client form uses (components/layout/client-messages.tsx). */
export const API_KEYS_MESSAGES = ['apiKeys', 'errors'] as const;
