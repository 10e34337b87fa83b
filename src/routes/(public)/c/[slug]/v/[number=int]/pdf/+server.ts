import { error } from '@sveltejs/kit';
import { coursePdf } from '$lib/server/public-pages';
import type { RequestHandler } from './$types';

// Public: the PDF of one published version, made on the server, in the language `?lang=` names
// (the primary one without it). A download is never negotiated: each file has one fixed address.
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const lang = url.searchParams.get('lang');
	const pdf = await coursePdf(locals.db, params.slug, Number(params.number), url.origin, lang);
	if (!pdf) error(404, lang ? 'This course has no published version with that number in that language.' : 'This course has no published version with that number.');
	const headers = {
		ETag: pdf.etag,
		// A published version never changes; only its "retired" note can, so caches check back daily.
		'Cache-Control': 'public, max-age=86400',
		'Content-Type': 'application/pdf',
		'Content-Language': pdf.lang,
		'Content-Disposition': `attachment; filename="${pdf.filename}"`
	};
	if (request.headers.get('if-none-match') === pdf.etag) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(pdf.bytes), { headers });
};
