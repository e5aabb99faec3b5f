// What the notifications page's forms send, read with zod (lib/action.ts pipeline).
import { z } from 'zod';
import { NOTIFICATION_CATEGORIES } from './events';

export const markReadSchema = z.union([z.object({ all: z.literal(true) }), z.object({ deliveryId: z.uuid() })]);

/** The ticked categories; absent when none is ticked. Unknown names are refused. */
export const preferencesSchema = z.object({ emailOn: z.array(z.enum(NOTIFICATION_CATEGORIES)).max(NOTIFICATION_CATEGORIES.length) });
