import { m } from '$lib/paraglide/messages';

// Elements of a micro-credential from Annex I of the EU Council Recommendation 2022/C 243/02 that
// a course spec carries (see shared/standards/README.md). M1 learner, M5 issue date and O3 grade
// are only known when a credential is issued, so they are not here. Names and hints are messages:
// each is a getter, so it reads in the language of whoever reads it.

const MESSAGES = {
	M2: [m.eu_m2, m.eu_m2_hint],
	M3: [m.eu_m3, m.eu_m3_hint],
	M4: [m.eu_m4, m.eu_m4_hint],
	M6: [m.eu_m6, m.eu_m6_hint],
	M7: [m.eu_m7, m.eu_m7_hint],
	M8: [m.eu_m8, m.eu_m8_hint],
	M9: [m.eu_m9, m.eu_m9_hint],
	M10: [m.eu_m10, m.eu_m10_hint],
	M11: [m.eu_m11, m.eu_m11_hint],
	O1: [m.eu_o1, m.eu_o1_hint],
	O2: [m.eu_o2, m.eu_o2_hint],
	O4: [m.eu_o4, m.eu_o4_hint],
	O5: [m.eu_o5, m.eu_o5_hint]
} as const;

export type EuElementCode = keyof typeof MESSAGES;

export const EU_ELEMENTS = {} as Record<EuElementCode, { readonly label: string; readonly hint: string }>;
for (const code of Object.keys(MESSAGES) as EuElementCode[]) {
	const [label, hint] = MESSAGES[code];
	EU_ELEMENTS[code] = {
		get label(): string {
			return label();
		},
		get hint(): string {
			return hint();
		}
	};
}
