import { LIMITS } from '$lib/course-spec/limits';
import { FORM_SLUGS, MAX_PAGE_SIZE, PAGE_SIZE, SORTS } from '../catalogue';
import { CREDENTIAL_FORMATS, FORMAT_SEGMENTS, formatDescription } from '../credential-exports/formats';
import { cached, error, ifNoneMatch, notModified } from './openapi-parts';
import { PATHWAY_PATHS, PATHWAY_SCHEMAS } from './openapi-pathways';

// The OpenAPI 3.1 description of the read API, served at /api/v1/openapi.json. Parameter limits come
// from the same constants the API checks against.

const slug = { name: 'slug', in: 'path', required: true, description: 'The course’s public address, fixed at its first publication.', schema: { type: 'string' } };
const number = { name: 'number', in: 'path', required: true, description: 'Version number (1, 2, …).', schema: { type: 'integer', minimum: 1 } };

const query = (name: string, description: string, schema: object, extra: object = {}) => ({ name, in: 'query', required: false, description, schema, ...extra });

export function openApiDocument(origin: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Co-course read API',
			version: '1.0.0',
			description:
				'Published micro-credential specifications for issuers and catalogues. Only published versions are served: drafts and unpublished edits never are. ' +
				'Every answer is JSON; errors are { "error": { "code", "message" } }. CORS is open for GET. ' +
				'Answers carry an ETag; send it back in If-None-Match to get 304 Not Modified.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		paths: {
			'/specs': {
				get: {
					operationId: 'listSpecs',
					summary: 'Search published specifications (the latest version of each course)',
					parameters: [
						query('q', 'Words to search for in titles, summaries, outcomes, modules and topics. "quoted words" together, -word excluded, OR between alternatives.', { type: 'string', maxLength: 200 }),
						query('field', 'ISCED-F field of study code; a broad (2 digits) or narrow (3) field includes its detailed fields.', { type: 'string', pattern: '^\\d{2,4}$' }),
						query('topic', 'A topic tag (case-insensitive).', { type: 'string', maxLength: LIMITS.topicLength }),
						query('eqf', 'EQF level; repeat for several.', { type: 'array', items: { type: 'integer', minimum: 1, maximum: 8 } }, { style: 'form', explode: true }),
						query('ectsMin', 'At least this many ECTS credits.', { type: 'number', minimum: 0, maximum: LIMITS.ectsMax }),
						query('ectsMax', 'At most this many ECTS credits.', { type: 'number', minimum: 0, maximum: LIMITS.ectsMax }),
						query('lang', 'A language of instruction (BCP 47 code such as fi, sv, en).', { type: 'string' }),
						query('form', 'Form of participation.', { type: 'string', enum: [...FORM_SLUGS.keys()] }),
						query('provider', 'The awarding body’s name (exact, case-insensitive).', { type: 'string', maxLength: LIMITS.shortTextLength }),
						query('sort', 'Order of results; relevance needs q. Default: relevance with q, newest without.', { type: 'string', enum: [...SORTS] }),
						query('page', 'Page of results, from 1.', { type: 'integer', minimum: 1, maximum: 10000, default: 1 }),
						query('pageSize', 'Results per page.', { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: PAGE_SIZE }),
						ifNoneMatch
					],
					responses: {
						'200': { description: 'Matching courses.', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/SpecList' } } } },
						'304': notModified,
						'400': error('A parameter is unknown or not valid (code invalid_parameter or unknown_parameter; param names it).')
					}
				}
			},
			'/specs/{slug}': {
				get: {
					operationId: 'getLatestSpec',
					summary: 'The latest published version of a course',
					parameters: [slug, ifNoneMatch],
					responses: {
						'200': { description: 'The version.', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/SpecVersion' } } } },
						'304': notModified,
						'404': error('No published course has this slug.')
					}
				}
			},
			'/specs/{slug}/versions': {
				get: {
					operationId: 'listSpecVersions',
					summary: 'Every published version of a course, newest first',
					parameters: [slug, ifNoneMatch],
					responses: {
						'200': { description: 'The versions.', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/VersionList' } } } },
						'304': notModified,
						'404': error('No published course has this slug.')
					}
				}
			},
			'/specs/{slug}/versions/{number}': {
				get: {
					operationId: 'getSpecVersion',
					summary: 'One published version of a course',
					parameters: [slug, number, ifNoneMatch],
					responses: {
						'200': { description: 'The version.', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/SpecVersion' } } } },
						'304': notModified,
						'400': error('The version number is not a whole number from 1 up.'),
						'404': error('No such version.')
					}
				}
			},
			'/specs/{slug}/versions/{number}/exports/{format}': {
				get: {
					operationId: 'getExport',
					summary: 'One credential export of a version, built from its frozen spec: the same bytes every time',
					description: CREDENTIAL_FORMATS.map((f) => `${FORMAT_SEGMENTS[f]}: ${formatDescription(f, 'en').explanation}`).join(' '),
					parameters: [
						slug,
						number,
						{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: CREDENTIAL_FORMATS.map((f) => FORMAT_SEGMENTS[f]) } },
						query('lang', 'A language edition of an Open Badges 3.0 export (one of the spec’s languages); the primary language without it.', { type: 'string' }),
						ifNoneMatch
					],
					responses: {
						'200': {
							description: 'The file, with Content-Disposition naming it.',
							headers: cached,
							content: { 'application/json': { schema: { type: 'object' } }, 'application/ld+json': { schema: { type: 'object' } } }
						},
						'304': notModified,
						'400': error('The version number, an unknown parameter or a language the export has no edition in.'),
						'404': error('No such version or export.')
					}
				}
			},
			'/specs/{slug}/versions/{number}/badge.png': {
				get: {
					operationId: 'getBadgePng',
					summary: 'The badge image of a version, 600×600 PNG (generated, or the one its owners uploaded); the OB 3.0 achievement’s image',
					parameters: [slug, number, ifNoneMatch],
					responses: {
						'200': { description: 'The image.', headers: cached, content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } },
						'304': notModified,
						'404': error('No such version.')
					}
				}
			},
			'/specs/{slug}/versions/{number}/badge.svg': {
				get: {
					operationId: 'getBadgeSvg',
					summary: 'The badge image of a version as SVG; 404 when its owners uploaded a PNG',
					parameters: [slug, number, ifNoneMatch],
					responses: {
						'200': { description: 'The image.', headers: cached, content: { 'image/svg+xml': { schema: { type: 'string' } } } },
						'304': notModified,
						'404': error('No such version, or its badge is a PNG only.')
					}
				}
			},
			'/specs/{slug}/versions/{number}/spec.json': {
				get: {
					operationId: 'getSpecJson',
					summary: 'The spec of one version as canonical JSON (sorted keys, no white space); its SHA-256 is contentHash',
					parameters: [slug, number, ifNoneMatch],
					responses: {
						'200': { description: 'The spec.', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/CourseSpec' } } } },
						'304': notModified,
						'400': error('The version number is not a whole number from 1 up.'),
						'404': error('No such version.')
					}
				}
			},
			...PATHWAY_PATHS
		},
		components: {
			schemas: {
				Error: {
					type: 'object',
					required: ['error'],
					properties: {
						error: {
							type: 'object',
							required: ['code', 'message'],
							properties: {
								code: { type: 'string', enum: ['not_found', 'invalid_parameter', 'unknown_parameter', 'method_not_allowed'] },
								message: { type: 'string' },
								param: { type: 'string', description: 'The parameter in error.' }
							}
						}
					}
				},
				SpecList: {
					type: 'object',
					required: ['items', 'total', 'page', 'pageSize'],
					properties: {
						items: {
							type: 'array',
							items: {
								type: 'object',
								required: ['slug', 'title', 'version', 'publishedAt', 'url', 'ects', 'eqfLevel', 'languages', 'provider'],
								properties: {
									slug: { type: 'string' },
									title: { type: 'string', description: 'In the spec’s primary language.' },
									version: { type: 'integer', description: 'The latest published version.' },
									publishedAt: { type: 'string', format: 'date-time' },
									url: { type: 'string', format: 'uri', description: 'The public course page.' },
									api: { type: 'string', format: 'uri', description: 'This course in the API.' },
									ects: { type: ['number', 'null'] },
									eqfLevel: { type: ['integer', 'null'], minimum: 1, maximum: 8 },
									languages: { type: 'array', items: { type: 'string' } },
									provider: { type: 'string', description: 'The awarding body.' },
									retired: { type: 'boolean', description: 'No longer offered; still published.' }
								}
							}
						},
						total: { type: 'integer' },
						page: { type: 'integer' },
						pageSize: { type: 'integer' }
					}
				},
				SpecVersion: {
					type: 'object',
					required: ['slug', 'version', 'publishedAt', 'contentHash', 'changeNotes', 'spec', 'exports'],
					properties: {
						slug: { type: 'string' },
						version: { type: 'integer' },
						latestVersion: { type: 'integer' },
						publishedAt: { type: 'string', format: 'date-time' },
						retired: { type: 'boolean' },
						retiredAt: { type: ['string', 'null'], format: 'date-time' },
						contentHash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 (hex) of the spec’s canonical JSON.' },
						changeNotes: { type: 'string' },
						url: { type: 'string', format: 'uri', description: 'The public page of this version.' },
						spec: { $ref: '#/components/schemas/CourseSpec' },
						exports: {
							type: 'object',
							description: 'Downloads of this version by format. More formats are added over time; read the keys you know.',
							required: ['spec', 'pdf', ...CREDENTIAL_FORMATS],
							properties: {
								spec: { type: 'string', format: 'uri' },
								pdf: { type: 'string', format: 'uri' },
								...Object.fromEntries(CREDENTIAL_FORMATS.map((f) => [f, { type: 'string', format: 'uri', description: formatDescription(f, 'en').explanation }]))
							},
							additionalProperties: { type: 'string', format: 'uri' }
						},
						badge: {
							type: ['object', 'null'],
							required: ['png', 'svg', 'alt', 'uploaded'],
							properties: {
								png: { type: 'string', format: 'uri' },
								svg: { type: ['string', 'null'], format: 'uri', description: 'Null when the owners uploaded a PNG.' },
								alt: { type: 'string', description: 'Alt text: what the badge says, in words.' },
								uploaded: { type: 'boolean' }
							}
						}
					}
				},
				VersionList: {
					type: 'object',
					required: ['slug', 'versions'],
					properties: {
						slug: { type: 'string' },
						retired: { type: 'boolean' },
						versions: {
							type: 'array',
							items: {
								type: 'object',
								properties: {
									version: { type: 'integer' },
									publishedAt: { type: 'string', format: 'date-time' },
									contentHash: { type: 'string' },
									changeNotes: { type: 'string' },
									api: { type: 'string', format: 'uri' }
								}
							}
						}
					}
				},
				CourseSpec: {
					type: 'object',
					description:
						'The course specification (schemaVersion 1): EU micro-credential elements, texts keyed by BCP 47 language, rich text as ProseMirror JSON, vocabulary values as EU concept URIs. See src/lib/course-spec/types.ts.',
					required: ['schemaVersion', 'title', 'languages', 'learningOutcomes', 'modules', 'assessments'],
					properties: {
						schemaVersion: { const: 1 },
						title: { type: 'object', additionalProperties: { type: 'string' } },
						languages: { type: 'array', items: { type: 'string' } },
						learningOutcomes: { type: 'array', items: { type: 'object' } },
						modules: { type: 'array', items: { type: 'object' } },
						assessments: { type: 'array', items: { type: 'object' } }
					}
				},
				...PATHWAY_SCHEMAS
			}
		}
	};
}
