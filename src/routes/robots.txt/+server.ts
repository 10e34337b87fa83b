import type { RequestHandler } from './$types';

// The catalogue and course pages are for everyone; the application's own pages are not for indexing.
export const GET: RequestHandler = ({ url }) =>
	new Response(
		[
			'User-agent: *',
			'Disallow: /courses',
			'Disallow: /admin',
			'Disallow: /invite',
			'Disallow: /request-access',
			'Allow: /catalogue',
			'Allow: /c/',
			'',
			`Sitemap: ${url.origin}/sitemap.xml`,
			''
		].join('\n'),
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' } }
	);
