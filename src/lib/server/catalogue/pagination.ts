import { queryParams, type CatalogueQuery } from './query';

export interface PageLink {
	number: number;
	href: string;
	current: boolean;
}

export interface Pagination {
	pages: (PageLink | 'gap')[];
	previous: string | null;
	next: string | null;
	/** "21–40" of the total. */
	from: number;
	to: number;
}

/** Links to the pages of a result, each carrying the whole query: the first, the last, and two either side. */
export function paginate(path: string, query: CatalogueQuery, total: number): Pagination {
	const last = Math.max(1, Math.ceil(total / query.pageSize));
	const href = (number: number) => {
		const params = queryParams(query, { page: number }).toString();
		return params ? `${path}?${params}` : path;
	};
	const pages: (PageLink | 'gap')[] = [];
	for (let n = 1; n <= last; n++) {
		if (n === 1 || n === last || Math.abs(n - query.page) <= 2) pages.push({ number: n, href: href(n), current: n === query.page });
		else if (pages.at(-1) !== 'gap') pages.push('gap');
	}
	const from = total === 0 ? 0 : Math.min(total, (query.page - 1) * query.pageSize + 1);
	return {
		pages: last > 1 ? pages : [],
		previous: query.page > 1 ? href(Math.min(query.page - 1, last)) : null,
		next: query.page < last ? href(query.page + 1) : null,
		from,
		to: Math.min(total, query.page * query.pageSize)
	};
}
