// What the API test mocks (test/helpers/api-mocks.ts) read: the database of the current test and
// the message sources. Imports nothing of the app, so the mocks can load it before the app.
import type { Db } from '@/db/client';
import backofficeEn from '@/lib/i18n/messages/backoffice.en.json';
import backofficeJa from '@/lib/i18n/messages/backoffice.ja.json';
import en from '@/lib/i18n/messages/en.json';
import ja from '@/lib/i18n/messages/ja.json';

export const sourceMessages = { ja: { ...ja, ...backofficeJa }, en: { ...en, ...backofficeEn } };

export const apiHarness = { db: null as Db | null };
