import { listPublishedCourses } from '$lib/server/public-pages';
import { listPublicPathways } from '$lib/server/pathways';
import type { RequestHandler } from './$types';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Public: the catalogue, every published course's page (its latest version) and every published pathway.
export const GET: RequestHandler = async ({ url, locals }) => {
	const [courses, pathways] = await Promise.all([listPublishedCourses(locals.db), listPublicPathways(locals.db)]);
	const entry = (loc: string, lastmod?: Date) =>
		`<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
	const body = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		entry(`${url.origin}/catalogue`),
		...courses.map((c) => entry(`${url.origin}/c/${encodeURIComponent(c.slug)}`, c.lastPublishedAt)),
		...pathways.map((p) => entry(`${url.origin}/p/${encodeURIComponent(p.slug)}`, p.updatedAt)),
		'</urlset>'
	].join('\n');
	return new Response(body, {
		headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }
	});
};
