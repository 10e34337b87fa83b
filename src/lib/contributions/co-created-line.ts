/** "Co-created with 2 students and 1 company partner": the line the review page, public page and PDF show. */
export function coCreatedLine(students: number, companyPartners: number): string {
	const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
	return `Co-created with ${n(students, 'student')} and ${n(companyPartners, 'company partner')}`;
}
