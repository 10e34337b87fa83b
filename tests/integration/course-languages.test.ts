import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { docToSpec, specToDoc } from '$lib/course-spec/doc';
import { multilingualSpec } from '$lib/course-spec/fixtures';
import { textMap } from '$lib/course-spec/layout';
import { getRichText, getText, setMeta } from '$lib/course-spec/mutations';
import { CloseEvents } from '$lib/server/realtime';
import { changeCourseDoc } from '$lib/server/course-docs';
import {
	addCourseLanguage,
	courseLanguages,
	makeCoursePrimaryLanguage,
	removeCourseLanguage,
	setCourseArchived
} from '$lib/server/courses';
import { applySpec } from '$lib/course-spec/apply-spec';
import { loadDocState } from '$lib/server/realtime/persistence';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { domainErrorOf } from '$tests/support/review';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// The languages of a course as owners set them in Settings: each change is a server-side change to the
// live document, seen at once by people editing it through real y-websocket clients.

const { db } = await createTestDatabase();
let server: TestRealtimeServer;
let owner: Awaited<ReturnType<typeof buildUser>>;
let editor: Awaited<ReturnType<typeof buildUser>>;
let commenter: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let editorToken: string;
const providers: WebsocketProvider[] = [];


beforeAll(async () => {
	owner = await buildUser(db, { name: 'Liisa Lecturer' });
	editor = await buildUser(db, { name: 'Pekka Partner' });
	commenter = await buildUser(db, { name: 'Sanna Student' });
	outsider = await buildUser(db, { name: 'Olli Outsider' });
	editorToken = await buildSession(db, editor.id);
	server = await startRealtimeServer(db);
});
afterEach(() => {
	for (const provider of providers.splice(0)) provider.destroy();
});
afterAll(async () => {
	await server?.close();
});

/** A course written in Finnish (primary), Swedish and English, with an editor and a commenter. */
async function multilingualCourse(): Promise<string> {
	const { id } = await buildCourse(db, owner, 'Kiertotalouden tuotesuunnittelu');
	await addMember(db, id, editor.id, 'editor');
	await addMember(db, id, commenter.id, 'commenter');
	await changeCourseDoc(server.ctx, id, owner.id, (doc) => applySpec(doc, multilingualSpec()));
	return id;
}

async function connectEditor(courseId: string): Promise<Y.Doc> {
	return (await connect(courseId, editorToken)).doc;
}

async function connect(courseId: string, token: string): Promise<WebsocketProvider> {
	const provider = connectProvider(server.collabUrl, courseId, { token, origin: server.origin });
	providers.push(provider);
	await waitForSynced(provider);
	return provider;
}

/** The spec of the live room as the server holds it. */
async function liveSpec(courseId: string) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await server.realtime.snapshot(courseId));
	return docToSpec(doc);
}

async function storedSpec(courseId: string) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await loadDocState(db, courseId));
	return docToSpec(doc);
}

describe('languages of a course', () => {
	it('lists them primary first, with how many texts each has', async () => {
		const id = await multilingualCourse();
		const listed = await courseLanguages(server.ctx, owner, id);
		expect(listed.canChange).toBe(true);
		expect(listed.languages.map(({ code, primary, texts }) => ({ code, primary, texts }))).toEqual([
			{ code: 'fi', primary: true, texts: 17 },
			{ code: 'sv', primary: false, texts: 17 },
			// The fixture's module descriptions are in English only.
			{ code: 'en', primary: false, texts: 20 }
		]);
		expect(listed.languages.map(({ code, titled }) => [code, titled])).toEqual([['fi', true], ['sv', true], ['en', true]]);
		expect((await courseLanguages(server.ctx, editor, id)).canChange).toBe(false);
	});

	it('adding one creates its empty texts in the live document; an open editor has them before anyone types', async () => {
		const id = await multilingualCourse();
		const live = await connectEditor(id);
		await addCourseLanguage(server.ctx, owner, id, 'de');
		await waitFor(() => docToSpec(live).languages.includes('de'));
		expect(docToSpec(live).languages).toEqual(['fi', 'sv', 'en', 'de']);
		// Created by the server, not by the browser: typing into it cannot race another peer's creation.
		expect(textMap(live, 'title').get('de')).toBeInstanceOf(Y.Text);
		expect((await storedSpec(id)).languages).toEqual(['fi', 'sv', 'en', 'de']);
		expect((await courseLanguages(server.ctx, owner, id)).languages.at(-1)).toMatchObject({ code: 'de', primary: false, texts: 0, titled: false });
	});

	it('removing one with texts changes nothing until the owner confirms how many texts go', async () => {
		const id = await multilingualCourse();
		const live = await connectEditor(id);
		expect(await removeCourseLanguage(server.ctx, owner, id, 'sv', null)).toEqual({ removed: false, texts: 17 });
		expect((await storedSpec(id)).title.sv).toBe('Cirkulär produktdesign');

		// Someone writes more in Swedish after the owner was asked: the owner is asked again.
		const description = getRichText(live, 'moduleDescription', 'sv', docToSpec(live).modules[0].id)!;
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText('Grunderna i cirkulär design.')]);
		description.insert(0, [paragraph]);
		await waitFor(async () => (await courseLanguages(server.ctx, owner, id)).languages[1].texts === 18);
		expect(await removeCourseLanguage(server.ctx, owner, id, 'sv', 17)).toEqual({ removed: false, texts: 18 });

		expect(await removeCourseLanguage(server.ctx, owner, id, 'sv', 18)).toEqual({ removed: true });
		await waitFor(() => !docToSpec(live).languages.includes('sv'));
		const spec = docToSpec(live);
		expect(spec.languages).toEqual(['fi', 'en']);
		expect(spec.title).toEqual({ fi: 'Kiertotalouden tuotesuunnittelu', en: 'Circular Product Design' });
		expect(spec.learningOutcomes.every((o) => !('sv' in o.text))).toBe(true);
		expect((await storedSpec(id)).languages).toEqual(['fi', 'en']);
	});

	it('removing a language without texts needs no confirmation', async () => {
		const id = await multilingualCourse();
		await addCourseLanguage(server.ctx, owner, id, 'de');
		expect(await removeCourseLanguage(server.ctx, owner, id, 'de', null)).toEqual({ removed: true });
		expect((await storedSpec(id)).languages).toEqual(['fi', 'sv', 'en']);
	});

	it('changing the primary language is explicit: it moves first, and the course’s title follows', async () => {
		const id = await multilingualCourse();
		const live = await connectEditor(id);
		await makeCoursePrimaryLanguage(server.ctx, owner, id, 'sv');
		await waitFor(() => docToSpec(live).languages[0] === 'sv');
		expect(docToSpec(live).languages).toEqual(['sv', 'fi', 'en']);
		const row = await db.selectFrom('courses').select('title').where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.title).toBe('Cirkulär produktdesign');
		// The old primary can now be removed (after confirming), the new one cannot.
		expect(await domainErrorOf(removeCourseLanguage(server.ctx, owner, id, 'sv', 99))).toMatchObject({ code: 'conflict', field: 'language' });
	});

	it('refuses bad input with a message next to the language field', async () => {
		const id = await multilingualCourse();
		// Each call starts only when its turn comes: started together, a refusal nobody awaits yet is an
		// unhandled rejection, which fails the whole run.
		const cases: [() => Promise<unknown>, string, RegExp][] = [
			[() => addCourseLanguage(server.ctx, owner, id, 'xx'), 'invalid', /Choose a language from the list/],
			[() => addCourseLanguage(server.ctx, owner, id, 'sv'), 'conflict', /Swedish is already a language/],
			[() => removeCourseLanguage(server.ctx, owner, id, 'fi', 99), 'conflict', /primary language/],
			[() => removeCourseLanguage(server.ctx, owner, id, 'de', null), 'invalid', /German is not a language/],
			[() => makeCoursePrimaryLanguage(server.ctx, owner, id, 'de'), 'invalid', /Add German/]
		];
		for (const [work, code, message] of cases) {
			const err = await domainErrorOf(work());
			expect(err).toMatchObject({ code, field: 'language' });
			expect(err?.message).toMatch(message);
		}
		expect((await storedSpec(id)).languages).toEqual(['fi', 'sv', 'en']);
	});

	it('is the owners’ alone: editors, commenters and outsiders are refused, and an archived course is read-only', async () => {
		const id = await multilingualCourse();
		for (const who of [editor, commenter]) {
			expect(await domainErrorOf(addCourseLanguage(server.ctx, who, id, 'de'))).toMatchObject({ code: 'forbidden' });
			expect(await domainErrorOf(removeCourseLanguage(server.ctx, who, id, 'sv', 99))).toMatchObject({ code: 'forbidden' });
			expect(await domainErrorOf(makeCoursePrimaryLanguage(server.ctx, who, id, 'sv'))).toMatchObject({ code: 'forbidden' });
		}
		// Someone outside the team does not learn that the course exists.
		expect(await domainErrorOf(addCourseLanguage(server.ctx, outsider, id, 'de'))).toMatchObject({ code: 'not_found' });
		expect(await domainErrorOf(courseLanguages(server.ctx, outsider, id))).toMatchObject({ code: 'not_found' });
		await setCourseArchived(server.ctx, owner, id, true);
		expect(await domainErrorOf(addCourseLanguage(server.ctx, owner, id, 'de'))).toMatchObject({ code: 'forbidden' });
		expect((await courseLanguages(server.ctx, owner, id)).canChange).toBe(false);
		expect((await storedSpec(id)).languages).toEqual(['fi', 'sv', 'en']);
	});

	it('over the socket too: an editor’s client that changes the languages is refused, an owner’s is not', async () => {
		const id = await multilingualCourse();
		const provider = await connect(id, editorToken);
		const closes: number[] = [];
		provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
		// Writing in any language is editing, and goes through.
		getText(provider.doc, 'title', 'sv').insert(0, 'Ny ');
		await waitFor(async () => (await liveSpec(id)).title.sv === 'Ny Cirkulär produktdesign');
		// The owner adds a language meanwhile; the editor's client, reconnecting, sends its whole delete
		// set (the replaced list among it) and is not refused for that.
		await addCourseLanguage(server.ctx, owner, id, 'de');
		await waitFor(() => docToSpec(provider.doc).languages.includes('de'));
		provider.disconnect();
		provider.connect();
		await waitForSynced(provider);
		getText(provider.doc, 'title', 'de').insert(0, 'Kreislauf');
		await waitFor(async () => (await liveSpec(id)).title.de === 'Kreislauf');
		expect(closes).not.toContain(CloseEvents.BadMessage.code);
		setMeta(provider.doc, 'languages', ['sv', 'fi', 'en']);
		await waitFor(() => closes.includes(CloseEvents.BadMessage.code));
		provider.destroy();
		expect((await liveSpec(id)).languages).toEqual(['fi', 'sv', 'en', 'de']);

		const ownerProvider = await connect(id, await buildSession(db, owner.id));
		setMeta(ownerProvider.doc, 'languages', ['fi', 'en']);
		await waitFor(async () => (await liveSpec(id)).languages.length === 2);
		expect((await liveSpec(id)).languages).toEqual(['fi', 'en']);
	});

	it('works on a course whose document is not open in any room (stored document)', async () => {
		const id = await multilingualCourse();
		await addCourseLanguage(server.ctx, owner, id, 'et');
		const doc = specToDoc(await storedSpec(id));
		expect(docToSpec(doc).languages).toEqual(['fi', 'sv', 'en', 'et']);
	});
});
