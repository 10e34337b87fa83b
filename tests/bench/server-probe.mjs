// Preloaded into the production server by `npm run bench:realtime:process` (node --expose-gc
// --import): answers the bench over IPC with the server's own heap after forced GCs, which no
// outside view of the process can give. Not part of the app.
const gc = /** @type {() => void} */ (globalThis.gc);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

process.on('message', async (/** @type {{ id: number, command: string }} */ message) => {
	if (message?.command !== 'memory') return;
	for (let i = 0; i < 4; i++) {
		gc();
		await sleep(50);
	}
	const { heapUsed, rss } = process.memoryUsage();
	process.send?.({ id: message.id, heap: heapUsed, rss });
});
// The IPC channel must not keep a server alive that was asked to stop.
process.channel?.unref();
