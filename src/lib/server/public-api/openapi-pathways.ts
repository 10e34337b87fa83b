// The pathway part of the OpenAPI document (openapi.ts spreads these in).

import { cached, error, ifNoneMatch, notModified } from './openapi-parts';

const slug = { name: 'slug', in: 'path', required: true, description: 'The pathway’s public address (/p/<slug>).', schema: { type: 'string' } };

export const PATHWAY_PATHS = {
	'/pathways': {
		get: {
			operationId: 'listPathways',
			summary: 'Every published pathway (a larger whole that published micro-credentials stack towards)',
			parameters: [ifNoneMatch],
			responses: {
				'200': { description: 'The pathways.', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/PathwayList' } } } },
				'304': notModified,
				'400': error('A query parameter was given; this list takes none (code unknown_parameter).')
			}
		}
	},
	'/pathways/{slug}': {
		get: {
			operationId: 'getPathway',
			summary: 'One published pathway with its parts, each at its latest published version',
			parameters: [slug, ifNoneMatch],
			responses: {
				'200': { description: 'The pathway.', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pathway' } } } },
				'304': notModified,
				'404': error('No published pathway has this slug.')
			}
		}
	},
	'/pathways/{slug}/elm.jsonld': {
		get: {
			operationId: 'getPathwayElm',
			summary: 'The pathway as ELM v3: a LearningOpportunity around a Qualification whose hasPart are its courses (LOQ profile)',
			parameters: [slug, ifNoneMatch],
			responses: {
				'200': { description: 'The JSON-LD document, as a download.', headers: cached, content: { 'application/ld+json': { schema: { type: 'object' } } } },
				'304': notModified,
				'404': error('No published pathway has this slug.')
			}
		}
	}
};

const requirement = {
	type: 'object',
	required: ['kind'],
	description: 'What completing the pathway takes: all parts, or any `count` of them.',
	properties: { kind: { type: 'string', enum: ['all', 'some'] }, count: { type: 'integer', minimum: 1 } }
};

const ects = {
	type: 'object',
	description: 'ECTS credits: min and max are what completing the pathway takes (the smallest and largest choice; equal when all parts are required); allParts is every part together. Parts without ECTS count as 0.',
	properties: { min: { type: 'number' }, max: { type: 'number' }, allParts: { type: 'number' }, partsWithoutEcts: { type: 'integer' } }
};

const summary = {
	slug: { type: 'string' },
	title: { type: 'string' },
	language: { type: 'string', description: 'BCP 47 language of the title and description.' },
	url: { type: 'string', format: 'uri', description: 'The public pathway page.' },
	api: { type: 'string', format: 'uri' },
	requirement,
	ects,
	publishedAt: { type: 'string', format: 'date-time' }
};

export const PATHWAY_SCHEMAS = {
	PathwayList: {
		type: 'object',
		required: ['items', 'total'],
		properties: {
			items: { type: 'array', items: { type: 'object', properties: { ...summary, parts: { type: 'integer', description: 'Number of parts.' } } } },
			total: { type: 'integer' }
		}
	},
	Pathway: {
		type: 'object',
		required: ['slug', 'title', 'parts', 'requirement', 'ects', 'exports'],
		properties: {
			...summary,
			description: { type: 'string' },
			parts: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						position: { type: 'integer', minimum: 1 },
						slug: { type: 'string' },
						title: { type: 'string' },
						version: { type: 'integer', description: 'The latest published version.' },
						ects: { type: ['number', 'null'] },
						eqfLevel: { type: ['integer', 'null'] },
						provider: { type: 'string' },
						retired: { type: 'boolean', description: 'No longer offered; stays in the pathway, marked.' },
						url: { type: 'string', format: 'uri' },
						api: { type: 'string', format: 'uri', description: 'The course in the specs API.' }
					}
				}
			},
			exports: { type: 'object', properties: { elmLearningOpportunity: { type: 'string', format: 'uri' } } }
		}
	}
};
