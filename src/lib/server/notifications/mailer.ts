import { createTransport } from 'nodemailer';

export interface OutgoingEmail {
	to: string;
	subject: string;
	text: string;
}

/**
 * Sends email without holding anyone up: `send` returns at once, failures are logged (never
 * thrown at a request that already committed), and `idle` waits for what is under way, for
 * shutdown and for tests. With SMTP_URL unset, each message is written to the log instead.
 */
export interface Mailer {
	readonly transport: 'smtp' | 'log';
	send(messages: readonly OutgoingEmail[]): void;
	idle(): Promise<void>;
	close(): Promise<void>;
}

export interface MailerOptions {
	/** smtp:// or smtps:// URL, credentials included (SMTP_URL). It may hold a password: never logged. */
	smtpUrl?: string;
	/** The From address (MAIL_FROM). */
	from?: string;
	log?: (line: string) => void;
}

export const DEFAULT_FROM = 'Co-course <no-reply@localhost>';

export function createMailer({ smtpUrl, from = DEFAULT_FROM, log = (line) => console.info(line) }: MailerOptions): Mailer {
	const pending = new Set<Promise<void>>();
	const track = (work: Promise<void>) => {
		pending.add(work);
		void work.finally(() => pending.delete(work));
	};
	const idle = async () => {
		while (pending.size > 0) await Promise.allSettled([...pending]);
	};

	if (!smtpUrl) {
		return {
			transport: 'log',
			send(messages) {
				for (const m of messages) log(`[email] (SMTP_URL not set, not sent)\nFrom: ${from}\nTo: ${m.to}\nSubject: ${m.subject}\n\n${m.text}`);
			},
			idle,
			close: idle
		};
	}

	const transporter = createTransport(smtpUrl, { from });
	const secrets = secretsOf(smtpUrl);
	return {
		transport: 'smtp',
		send(messages) {
			for (const m of messages) {
				track(
					transporter.sendMail({ to: m.to, subject: m.subject, text: m.text }).then(
						() => undefined,
						(err: unknown) => log(`[email] could not send “${m.subject}” to ${m.to}: ${redact(describe(err), secrets)}`)
					)
				);
			}
		},
		idle,
		async close() {
			await idle();
			transporter.close();
		}
	};
}

function describe(err: unknown): string {
	if (!(err instanceof Error)) return String(err);
	const code = (err as { code?: unknown }).code;
	return typeof code === 'string' ? `${code} ${err.message}` : err.message;
}

/** The parts of an SMTP URL that must never reach a log: the whole URL, its user info and password. */
export function secretsOf(smtpUrl: string): string[] {
	const secrets = [smtpUrl];
	try {
		const url = new URL(smtpUrl);
		for (const part of [url.password, decodeURIComponent(url.password), url.username && `${url.username}:${url.password}`]) {
			if (part && part.length >= 3) secrets.push(part);
		}
	} catch {
		// Not a URL nodemailer could use either; the whole string is already covered.
	}
	return secrets.sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) out = out.split(secret).join('***');
	return out;
}
