import { sql } from 'kysely';
import * as Y from 'yjs';
import { createDatabase, migrateToLatest } from '$lib/server/db';
import { readStoredDoc } from '$lib/server/realtime/persistence';
import { applyStoredParts } from '$lib/server/realtime/update-guard';
import { encodeSyncStep2 } from '$lib/server/realtime/protocol';
import { buildCourseDoc } from './realtime-docs';
import { seedEditor } from './realtime-bench';

const t = () => performance.now();
export async function profileColdOpen(): Promise<void> {
	const url = process.env.PROFILE_PG;
	const handle = await createDatabase(url ? { url } : { pgliteDir: 'memory://' });
	const { db } = handle;
	await migrateToLatest(db);
	const { newCourses, storeDoc } = await seedEditor(db);
	const doc = buildCourseDoc(1024 * 1024);
	const ids = await newCourses(6);
	for (const id of ids) await storeDoc(id, doc);
	for (const id of ids) {
		const a = t();
		const raw = await db.selectFrom('course_doc_state').select(sql<string>`encode(state, 'base64')`.as('d')).where('course_id', '=', id).execute();
		const b = t();
		const rawBytes = await db.selectFrom('course_doc_state').select('state').where('course_id', '=', id).execute();
		const c = t();
		const stored = await readStoredDoc(db, id);
		const d = t();
		const ydoc = new Y.Doc();
		applyStoredParts(ydoc, stored.parts, () => {}, stored.trustedParts);
		const e = t();
		const ydoc2 = new Y.Doc();
		applyStoredParts(ydoc2, stored.parts, () => {}, 0);
		const f = t();
		const reply = encodeSyncStep2(ydoc, new Uint8Array([0]));
		const g = t();
		const ydoc3 = new Y.Doc();
		Y.applyUpdate(ydoc3, stored.parts[0]);
		const h = t();
		console.log(
			`base64 select ${(b - a).toFixed(1)} (${raw[0].d.length}) | bytea select ${(c - b).toFixed(1)} (${(rawBytes[0].state as Uint8Array).byteLength}) | readStoredDoc ${(d - c).toFixed(1)} | apply trusted ${(e - d).toFixed(1)} | apply guarded ${(f - e).toFixed(1)} | encode step2 ${(g - f).toFixed(1)} (${reply.byteLength}) | applyUpdate state only ${(h - g).toFixed(1)}`
		);
	}
	await handle.close();
}
