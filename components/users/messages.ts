/** The messages the client forms of the users pages use (components/layout/client-messages.tsx). */
export const USERS_MESSAGES = ['users', 'errors', 'roles'] as const;
export const ACCOUNT_MESSAGES = ['account', 'errors'] as const;
