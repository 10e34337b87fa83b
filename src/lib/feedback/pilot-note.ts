/** The line under "Updated after pilot feedback": how many points the version answers (a count, no one's words). */
export function addressedLine(addressed: number): string {
	if (addressed === 0) return '';
	return `This version addresses ${addressed} ${addressed === 1 ? 'point' : 'points'} raised by pilot participants.`;
}
