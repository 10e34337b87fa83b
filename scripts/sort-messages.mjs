// `npm run messages:sort`: rewrites messages/*.json in the layout src/lib/i18n/messages.spec.ts expects.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMessages } from './messages-format.mjs';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'messages');
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
	const full = path.join(dir, file);
	fs.writeFileSync(full, formatMessages(JSON.parse(fs.readFileSync(full, 'utf8'))));
}
