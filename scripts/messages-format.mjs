// The one layout of messages/*.json: "$schema" first, then keys in code-point order, tab-indented,
// one message per line. Parallel branches then add lines in different places and merge cleanly.
/** @param {Record<string, unknown>} messages */
export function formatMessages(messages) {
	const { $schema, ...rest } = messages;
	const sorted = Object.fromEntries(Object.keys(rest).sort().map((key) => [key, rest[key]]));
	const lines = Object.entries({ $schema: $schema ?? 'https://inlang.com/schema/inlang-message-format', ...sorted }).map(
		([key, value]) => `\t${JSON.stringify(key)}: ${JSON.stringify(value)}`
	);
	return `{\n${lines.join(',\n')}\n}\n`;
}
