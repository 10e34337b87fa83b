import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { can } from '../policy';
import { forbidden } from '../errors';

export interface ProviderProfile {
	organisationName: string;
	country: string;
	website: string;
	qaStatement: string;
	hoursPerEcts: number;
}

export async function getProviderProfile(db: Kysely<Database>): Promise<ProviderProfile> {
	const row = await db.selectFrom('provider_profile').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
	return {
		organisationName: row.organisation_name,
		country: row.country,
		website: row.website,
		qaStatement: row.qa_statement,
		hoursPerEcts: row.hours_per_ects
	};
}

export async function updateProviderProfile(db: Kysely<Database>, actor: Actor, profile: ProviderProfile) {
	if (!can(actor, 'admin.settings')) throw forbidden();
	await db
		.updateTable('provider_profile')
		.set({
			organisation_name: profile.organisationName,
			country: profile.country,
			website: profile.website,
			qa_statement: profile.qaStatement,
			hours_per_ects: profile.hoursPerEcts,
			updated_at: new Date()
		})
		.where('id', '=', 1)
		.execute();
}
