import { describe, expect, it } from 'vitest';
import { ISCED_F_FIELDS, ISCED_F_TREE, iscedField } from '$lib/course-spec/isced-f';
import { iscedDisplay, searchIscedFields } from './field-of-study-search';

const listed = (query: string) =>
	searchIscedFields(query).groups.flatMap((g) => g.rows.map((r) => `${r.match ? '' : '('}${r.code}${r.match ? '' : ')'}`));

describe('ISCED-F hierarchy', () => {
	it('holds every concept of the vocabulary once, broad → narrow → detailed', () => {
		expect(ISCED_F_TREE).toHaveLength(ISCED_F_FIELDS.concepts.length);
		expect(ISCED_F_TREE.slice(0, 4).map((f) => f.code)).toEqual(['00', '000', '0000', '001']);
		const i = ISCED_F_TREE.findIndex((f) => f.code === '07');
		expect(ISCED_F_TREE.slice(i, i + 3).map((f) => f.code)).toEqual(['07', '070', '0700']);
	});

	it('finds a stored value with its parents', () => {
		expect(iscedField('http://data.europa.eu/snb/isced-f/0788')).toEqual({
			uri: 'http://data.europa.eu/snb/isced-f/0788',
			code: '0788',
			label: 'Inter-disciplinary programmes and qualifications involving engineering, manufacturing and construction',
			level: 'detailed',
			parents: [
				{ code: '07', label: 'Engineering, manufacturing and construction' },
				{ code: '078', label: 'Inter-disciplinary programmes and qualifications involving engineering, manufacturing and construction' }
			]
		});
		expect(iscedField('http://data.europa.eu/snb/isced-f/01')?.parents).toEqual([]);
		expect(iscedField('http://example.org/nope')).toBeUndefined();
		expect(iscedField(null)).toBeUndefined();
	});
});

describe('searchIscedFields', () => {
	it('lists everything, grouped by broad field, for an empty query', () => {
		const result = searchIscedFields('  ');
		expect(result.matches).toBe(220);
		expect(result.groups.map((g) => g.code)).toEqual(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '99']);
		expect(result.groups.every((g) => g.rows[0].code === g.code && g.rows.every((r) => r.code.startsWith(g.code)))).toBe(true);
	});

	it('matches words by their start, in any order, ignoring case and accents, and places them under their parents', () => {
		expect(listed('industrial design')).toEqual(['(02)', '(021)', '0212']);
		expect(listed('DESIGN indus')).toEqual(['(02)', '(021)', '0212']);
		expect(listed('désign')).toEqual(['(02)', '(021)', '0212', '(06)', '(061)', '0612']);
		expect(searchIscedFields('industrial design').matches).toBe(1);
	});

	it('matches codes by their start', () => {
		expect(listed('0212')).toEqual(['(02)', '(021)', '0212']);
		expect(listed('011')).toEqual(['(01)', '011', '0110', '0111', '0112', '0113', '0114', '0119']);
		expect(listed('07 civil')).toEqual(['(07)', '(073)', '0732']);
	});

	it('tells repeated labels apart by code and level', () => {
		const rows = searchIscedFields('field unknown').groups.flatMap((g) => g.rows);
		expect(rows.map((r) => [iscedDisplay(r), r.level])).toEqual([
			['99 Field unknown', 'broad'],
			['999 Field unknown', 'narrow'],
			['9999 Field unknown', 'detailed']
		]);
		const education = listed('education').filter((code) => !code.startsWith('('));
		expect(education.slice(0, 3)).toEqual(['01', '011', '0110']);
	});

	it('finds nothing for words no field has', () => {
		expect(searchIscedFields('zzzz')).toEqual({ groups: [], matches: 0 });
	});
});
