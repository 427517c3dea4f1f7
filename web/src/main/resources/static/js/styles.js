// Colours and symbols shared by the map, its legend and the charts. They come from the service
// (/api/ui/config), the same palette as the WMS styles, so QGIS and the browser agree.
let palette = null;

export function usePalette(config) {
  palette = config;
}

export function typeColour(code) {
  return palette.typeColours[code] ?? palette.typeColourFallback;
}

/** Household classes against the catalog range: under min, min–target, target–max, over max. */
export function householdClasses(config) {
  const [under, low, high, over] = config.householdColours;
  return [
    { id: 'under', upTo: config.householdsMin, colour: under },
    { id: 'low', upTo: config.householdsTarget, colour: low },
    { id: 'high', upTo: config.householdsMax + 1, colour: high },
    { id: 'over', upTo: Infinity, colour: over },
  ];
}

export function householdColour(households, config) {
  return householdClasses(config).find((c) => households < c.upTo).colour;
}

export function cellClasses() {
  return palette.cellColours.map((colour, i) => ({ upTo: palette.cellBreaks[i] ?? Infinity, colour }));
}

export function cellColour(households) {
  return cellClasses().find((c) => households < c.upTo).colour;
}

/*
 * Share of households covered, a sequential palette (ColorBrewer YlGnBu, colour-blind safe): pale
 * where few households are within reach, dark where most are. The breaks are display classes; the
 * standard's minimum share, read from the run's checks, is always one of them, so "meets the
 * standard" is exactly the darkest class.
 */
/** Classes {from, to, colour} over 0–100 %, the last one starting at the standard's minimum. */
export function coverageClasses(standardPercent) {
  // Colours and breaks from the service, which draws the WMS layer coverage_communities with them.
  const colours = palette.coverageColours;
  const breaks = [...new Set([...palette.coverageBreaks.filter((b) => !(b >= standardPercent)), standardPercent])]
    .filter((b) => b > 0 && b < 100)
    .sort((a, b) => a - b);
  const last = colours.length - 1;
  // Spread over the whole ramp, so the palest and the darkest colour are always used.
  return [...breaks, 100].map((to, i) => ({
    from: i === 0 ? 0 : breaks[i - 1],
    to,
    colour: colours[Math.round((i * last) / breaks.length)],
  }));
}

export function coverageColour(percent, classes) {
  return (classes.find((c) => percent < c.to) ?? classes[classes.length - 1]).colour;
}

/** Gap areas: warm hatching (the pattern is in index.html) over the cool coverage palette. */
export const GAP_STYLE = { color: '#9b1c1c', weight: 1.5, fillColor: 'url(#gap-hatch)', fillOpacity: 1 };
export const GAP_SWATCH = 'repeating-linear-gradient(135deg, #c2410c 0 2px, rgba(240, 100, 60, .2) 2px 5px)';
/** Suggested sites: numbered squares, unlike the round facility symbols. */
export const SITE_COLOUR = '#b0126b';

/** A plan's community by its status against the plan's bounds: under, in range, over. */
export function planStatusColour(status) {
  const [under, , high, over] = palette.householdColours;
  return { under, in_range: high, over }[status] ?? palette.typeColourFallback;
}
/** Cells a plan moves away from their community of today; the brush's stroke. */
export const MOVED_CELL_COLOUR = '#6d28d9';
export const BRUSH_COLOUR = '#f0b429';
