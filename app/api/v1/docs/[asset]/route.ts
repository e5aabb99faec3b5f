import { isReferenceAsset, readReferenceAsset, REFERENCE_ASSETS } from '@/lib/api-reference/assets';

// The reference page's script and stylesheet, from the swagger-ui-dist package (lib/api-reference/assets.ts).
type Context = { params: Promise<{ asset: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { asset } = await params;
  if (!isReferenceAsset(asset)) return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const bytes = await readReferenceAsset(asset);
  return new Response(new Uint8Array(bytes), { headers: { 'content-type': REFERENCE_ASSETS[asset], 'cache-control': 'public, max-age=3600' } });
}
