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
