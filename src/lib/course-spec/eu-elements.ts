// Elements of a micro-credential from Annex I of the EU Council Recommendation 2022/C 243/02 that
// a course spec carries (see shared/standards/README.md). M1 learner, M5 issue date and O3 grade
// are only known when a credential is issued, so they are not here.

export const EU_ELEMENTS = {
	M2: { label: 'Title of the micro-credential', hint: 'Give the course a title' },
	M3: { label: 'Country of the issuer', hint: "Choose the awarding body's country" },
	M4: { label: 'Awarding body', hint: 'Name the awarding body' },
	M6: { label: 'Learning outcomes', hint: 'Write at least one learning outcome' },
	M7: { label: 'Notional workload', hint: 'Give the ECTS credits or the workload in hours' },
	M8: { label: 'Level (EQF)', hint: 'Choose an EQF level, or "not applicable" if no level applies' },
	M9: { label: 'Type of assessment', hint: 'Add an assessment and choose its type' },
	M10: { label: 'Form of participation', hint: 'Choose the form of participation' },
	M11: { label: 'Type of quality assurance', hint: 'Choose the type of quality assurance' },
	O1: { label: 'Prerequisites', hint: 'Say what learners need before enrolling' },
	O2: { label: 'Supervision and identity verification', hint: 'Say how assessment is supervised' },
	O4: { label: 'Integration / stackability options', hint: 'Say whether the credential stands alone or stacks' },
	O5: { label: 'Further information', hint: 'Add a summary or further information' }
} as const satisfies Record<string, { label: string; hint: string }>;

export type EuElementCode = keyof typeof EU_ELEMENTS;
