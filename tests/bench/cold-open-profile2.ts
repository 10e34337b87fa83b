import * as Y from 'yjs';
import { buildCourseDoc } from './realtime-docs';
import { applyStoredParts } from '$lib/server/realtime/update-guard';
const t = () => performance.now();
export async function profile2(): Promise<void> {
	const doc = buildCourseDoc(1024 * 1024);
	const parts = [doc.state, ...doc.updates];
	for (let i = 0; i < 6; i++) {
		const a = t();
		const d1 = new Y.Doc({ gc: true }); applyStoredParts(d1, parts, () => {}, 1);
		const b = t();
		const d2 = new Y.Doc({ gc: false }); applyStoredParts(d2, parts, () => {}, 1); d2.gc = true;
		const c = t();
		const e1 = Y.encodeStateAsUpdate(d1);
		const d = t();
		const e2 = Y.encodeStateAsUpdate(d2);
		const e = t();
		console.log(`apply gc ${(b - a).toFixed(1)} | apply nogc ${(c - b).toFixed(1)} | enc ${(d - c).toFixed(1)} ${e1.byteLength} | enc nogc ${(e - d).toFixed(1)} ${e2.byteLength}`);
	}
}
