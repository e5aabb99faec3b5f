import { createApiRouter } from '@/lib/api/router';

// The public API: one router over every endpoint (lib/api/endpoints).
const router = createApiRouter();
type Context = { params: Promise<{ path: string[] }> };
const handle = async (request: Request, { params }: Context) => router.handle(request, (await params).path);

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
