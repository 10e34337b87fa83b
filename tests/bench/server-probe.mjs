// Preloaded into the production server by `npm run bench:realtime:process` (node --expose-gc
// --import): answers the bench over IPC with the server's own heap after forced GCs, which no
// outside view of the process can give, and writes heap snapshots when asked. Not part of the app.
import v8 from 'node:v8';

const gc = /** @type {() => void} */ (globalThis.gc);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function settle() {
	for (let i = 0; i < 4; i++) {
		gc();
		await sleep(50);
	}
}

process.on('message', async (/** @type {{ id: number, command: string, file?: string }} */ message) => {
	if (message?.command === 'memory') {
		await settle();
		const { heapUsed, rss } = process.memoryUsage();
		// Compiled code, bytecode and their metadata (type feedback, source positions) are part of the
		// heap too: they grow as code runs for the first time, which is warm-up, not retained data.
		const codeStats = v8.getHeapCodeStatistics();
		const code = codeStats.code_and_metadata_size + codeStats.bytecode_and_metadata_size;
		process.send?.({ id: message.id, heap: heapUsed, rss, code });
	} else if (message?.command === 'heapSnapshot' && message.file) {
		await settle();
		v8.writeHeapSnapshot(message.file);
		process.send?.({ id: message.id });
	}
});
// The IPC channel must not keep a server alive that was asked to stop.
process.channel?.unref();
