// Pieces every path of the OpenAPI document uses.

export const error = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

export const cached = {
	ETag: { description: 'Validator for If-None-Match.', schema: { type: 'string' } },
	'Cache-Control': { description: 'How long shared caches may keep the answer.', schema: { type: 'string' } }
};

export const notModified = { description: 'The If-None-Match ETag is still current; no body.' };

export const ifNoneMatch = { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } };
