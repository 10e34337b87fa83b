import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { docToSpec } from '$lib/course-spec/doc';
import { replaceText } from '$lib/course-spec/layout';
import { addOutcome, getRichText, getText, setMeta } from '$lib/course-spec/mutations';
import { writeRichText } from '$lib/course-spec/rich-text-yjs';
import { recordBasis, recordBasisOnEdit, translationProgress, translationState, translationUnit } from '$lib/course-spec/translation';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, docFromUpdate, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// Side-by-side translation with real y-websocket clients through the realtime server: a Finnish
// author and a Swedish translator at once. Each client records a translation's basis as the editor
// does (recordBasisOnEdit), so "source changed" is decided by what really travels between them.

const { db } = await createTestDatabase();
let server: TestRealtimeServer;
let courseId: string;
let tokens: { author: string; translator: string };
const open: { provider: WebsocketProvider; stop: () => void }[] = [];

beforeAll(async () => {
	const owner = await buildUser(db);
	const translator = await buildUser(db);
	courseId = (await buildCourse(db, owner, 'Kiertotalous')).id;
	await addMember(db, courseId, translator.id, 'editor', 'lecturer');
	tokens = { author: await buildSession(db, owner.id), translator: await buildSession(db, translator.id) };
	server = await startRealtimeServer(db);
});
afterAll(async () => {
	for (const { provider, stop } of open) {
		stop();
		provider.destroy();
	}
	await server?.close();
});

async function connect(token: string, on = server) {
	const provider = connectProvider(on.collabUrl, courseId, { token, origin: on.origin });
	await waitForSynced(provider);
	const peer = { provider, stop: recordBasisOnEdit(provider.doc) };
	open.push(peer);
	return provider;
}

const stateOf = (provider: WebsocketProvider, field: 'title' | 'summary' | 'outcomeText', lang: string, itemId?: string) =>
	translationState(provider.doc, translationUnit(provider.doc, field, itemId)!, lang);

describe('translating side by side through the realtime server', () => {
	it('two clients co-edit a translation, plain and rich, and converge', async () => {
		const author = await connect(tokens.author);
		const translator = await connect(tokens.translator);
		setMeta(author.doc, 'languages', ['fi', 'sv']);
		replaceText(getText(author.doc, 'title', 'fi'), 'Kiertotalouden tuotesuunnittelu');
		const outcome = addOutcome(author.doc, { fi: 'Osaa vertailla materiaaleja.' });
		await waitFor(() => getText(translator.doc, 'outcomeText', 'sv', outcome), { message: 'the outcome with its Swedish entry' });

		// Both type into the Swedish title at once: one starts it, the other adds to it.
		getText(translator.doc, 'title', 'sv').insert(0, 'Cirkulär produktdesign');
		getText(author.doc, 'title', 'sv').insert(0, 'Kurs: ');
		getText(translator.doc, 'outcomeText', 'sv', outcome)!.insert(0, 'Kan jämföra material.');
		writeRichText(getRichText(translator.doc, 'summary', 'sv'), {
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Utforma produkter för återanvändning.' }] }]
		});

		// The spec and the translation basis alike (the basis of each edit follows it in a transaction of its own).
		const json = (p: WebsocketProvider) => JSON.stringify([docToSpec(p.doc), p.doc.getMap('translationBasis').toJSON()]);
		await waitFor(() => json(author) === json(translator) && docToSpec(author.doc).summary.sv, { message: 'both clients to converge' });
		const spec = docToSpec(author.doc);
		expect(spec.title.sv).toContain('Cirkulär produktdesign');
		expect(spec.title.sv).toContain('Kurs: ');
		expect(spec.title.fi).toBe('Kiertotalouden tuotesuunnittelu');
		expect(spec.learningOutcomes[0].text).toEqual({ fi: 'Osaa vertailla materiaaleja.', sv: 'Kan jämföra material.' });
		// The server holds the same, basis included.
		const stored = await waitFor(async () => {
			const doc = docFromUpdate(await server.realtime.snapshot(courseId));
			return JSON.stringify([docToSpec(doc), doc.getMap('translationBasis').toJSON()]) === json(author) ? doc : null;
		}, { message: 'the server to hold the same' });
		expect(docToSpec(stored)).toEqual(spec);
		expect(translationProgress(author.doc, 'sv')).toMatchObject({ translated: 3, sourceChanged: 0 });
	});

	it('marks a translation "source changed" when another client edits the source, until it is confirmed', async () => {
		const [author, translator] = open.map((o) => o.provider);
		replaceText(getText(author.doc, 'title', 'fi'), 'Kiertotalouden tuotesuunnittelu pk-yrityksille');
		const changed = await waitFor(() => {
			const state = stateOf(translator, 'title', 'sv');
			return state.kind === 'sourceChanged' ? state : null;
		}, { message: "the translator's client to mark the Swedish title" });
		expect(changed).toEqual({
			kind: 'sourceChanged',
			then: 'Kiertotalouden tuotesuunnittelu',
			now: 'Kiertotalouden tuotesuunnittelu pk-yrityksille'
		});
		expect(stateOf(author, 'title', 'sv').kind).toBe('sourceChanged');
		expect(translationProgress(author.doc, 'sv').sourceChanged).toBe(1);

		// "Still correct" on the translator's side clears it for everyone.
		recordBasis(translator.doc, translationUnit(translator.doc, 'title')!, 'sv');
		await waitFor(() => stateOf(author, 'title', 'sv').kind === 'current', { message: 'the confirm to reach the author' });
		expect(translationProgress(author.doc, 'sv').sourceChanged).toBe(0);
	});

	it('an edit of the translation clears the mark too, and the mark survives a server restart', async () => {
		const [author, translator] = open.map((o) => o.provider);
		const outcome = docToSpec(author.doc).learningOutcomes[0].id;
		replaceText(getText(author.doc, 'outcomeText', 'fi', outcome)!, 'Osaa vertailla materiaaleja elinkaaren perusteella.');
		replaceText(getText(author.doc, 'title', 'fi'), 'Kiertotalous pk-yrityksille');
		await waitFor(() => stateOf(translator, 'outcomeText', 'sv', outcome).kind === 'sourceChanged', { message: 'the outcome marked' });
		getText(translator.doc, 'outcomeText', 'sv', outcome)!.insert('Kan jämföra material'.length, ' utifrån livscykeln');
		await waitFor(() => stateOf(author, 'outcomeText', 'sv', outcome).kind === 'current', { message: 'the edit to clear the mark' });
		await waitFor(() => stateOf(translator, 'title', 'sv').kind === 'sourceChanged', { message: 'the title marked' });

		for (const { provider, stop } of open.splice(0)) {
			stop();
			provider.destroy();
		}
		await server.close();
		server = await startRealtimeServer(db);
		const again = await connect(tokens.translator);
		expect(stateOf(again, 'outcomeText', 'sv', outcome).kind).toBe('current');
		expect(stateOf(again, 'title', 'sv')).toEqual({
			kind: 'sourceChanged',
			then: 'Kiertotalouden tuotesuunnittelu pk-yrityksille',
			now: 'Kiertotalous pk-yrityksille'
		});
	});
});
