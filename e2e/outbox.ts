import { expect, type APIRequestContext } from '@playwright/test';

/**
 * The one-time link of the latest e-mail of `type` to `email`, read from the outbox through the
 * e2e server's test route (app/api/e2e/outbox), as the recipient would read it in the e-mail. The
 * proxy sends requests without a session cookie to the sign-in page, so the request carries a
 * dummy one (the route itself signs in nobody). Returns the link's path.
 */
export async function outboxLink(request: APIRequestContext, type: string, email: string): Promise<string> {
  let link = '';
  await expect
    .poll(async () => {
      const response = await request.get(`/api/e2e/outbox?type=${encodeURIComponent(type)}&email=${encodeURIComponent(email)}`, {
        headers: { cookie: 'authjs.session-token=e2e' },
        maxRedirects: 0,
      });
      if (!response.ok()) return null;
      link = ((await response.json()) as { link: string }).link;
      return link;
    })
    .toBeTruthy();
  return new URL(link).pathname;
}
