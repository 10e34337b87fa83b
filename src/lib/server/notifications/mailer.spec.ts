import { describe, expect, it } from 'vitest';
import { createMailer, redact, secretsOf } from './mailer';

describe('mail log lines never carry the SMTP credentials', () => {
	it('masks the URL, the password (also URL-encoded) and the user:password pair', () => {
		const url = 'smtps://robot:p%40ss-w0rd@mail.example.org:465';
		const line = `failed for ${url}: auth robot:p%40ss-w0rd / p@ss-w0rd rejected`;
		expect(redact(line, secretsOf(url))).toBe('failed for ***: auth *** / *** rejected');
	});

	it('writes each message to the log when there is no SMTP server', async () => {
		const lines: string[] = [];
		const mailer = createMailer({ log: (line) => lines.push(line) });
		expect(mailer.transport).toBe('log');
		mailer.send([{ to: 'liisa@example.org', subject: 'Hello', text: 'Body' }]);
		await mailer.idle();
		expect(lines).toEqual(['[email] (SMTP_URL not set, not sent)\nFrom: Co-course <no-reply@localhost>\nTo: liisa@example.org\nSubject: Hello\n\nBody']);
	});
});
