// Only the parts of Observable Plot the results charts use, so the chunk the results page fetches
// leaves the rest of the library out.
export { barX, barY, dot, plot, ruleX, ruleY, stackX, tickX } from '@observablehq/plot';
