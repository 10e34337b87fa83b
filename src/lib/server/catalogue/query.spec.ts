import { describe, expect, it } from 'vitest';
import { parseCatalogueQuery, queryParams } from './query';

const parse = (s: string, allowPageSize = false) => parseCatalogueQuery(new URLSearchParams(s), { allowPageSize });

describe('catalogue query parameters', () => {
	it('reads every filter, and round-trips through the URL', () => {
		const parsed = parse('q=kiertotalous&field=07&topic=LCA&eqf=6&eqf=5&ectsMin=1&ectsMax=5.5&lang=fi&form=online&provider=Aalto&sort=title&page=2&pageSize=50', true);
		expect(parsed.ok).toBe(true);
		expect(parsed.query).toEqual({
			q: 'kiertotalous',
			field: '07',
			topic: 'LCA',
			eqf: [5, 6],
			ectsMin: 1,
			ectsMax: 5.5,
			lang: 'fi',
			form: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe',
			provider: 'Aalto',
			sort: 'title',
			page: 2,
			pageSize: 50
		});
		expect(parse(queryParams(parsed.query).toString(), true).query).toEqual(parsed.query);
	});

	it('defaults to relevance with words and newest without; empty fields count as not given', () => {
		expect(parse('q=design').query.sort).toBe('relevance');
		expect(parse('q=&field=&eqf=&sort=relevance').query).toMatchObject({ q: '', field: null, eqf: [], sort: 'newest' });
		expect(queryParams(parse('q=design&page=1').query).toString()).toBe('q=design');
	});

	it('says what is wrong with each bad parameter', () => {
		const parsed = parse('field=0977&eqf=9&eqf=x&ectsMin=abc&ectsMax=-1&lang=xx&form=telepathy&sort=random&page=0&q=' + 'a'.repeat(201));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.issues.map((i) => i.param).sort()).toEqual(['ectsMax', 'ectsMin', 'eqf', 'eqf', 'field', 'form', 'lang', 'page', 'q', 'sort']);
		expect(parsed.issues.find((i) => i.param === 'form')?.message).toContain('online');
		expect(parse('ectsMin=5&ectsMax=2').ok).toBe(false);
		expect(parse('q=a&q=b').ok).toBe(false);
		expect(parse('q=%00x').ok).toBe(false);
	});

	it('caps the page size, and only the API may choose it', () => {
		expect(parse('pageSize=101', true).ok).toBe(false);
		expect(parse('pageSize=100', true).query.pageSize).toBe(100);
		expect(parse('pageSize=100').query.pageSize).toBe(20);
	});
});
