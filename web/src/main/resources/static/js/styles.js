// Colours and symbols shared by the map, its legend and the charts.
export const TYPE_COLOURS = {
  community_service_station: '#0b6e4f',
  community_health_station: '#d64545',
  community_health_centre: '#8a041a',
  elderly_day_care: '#9446ed',
  kindergarten: '#f0b429',
  primary_school: '#2680c2',
  middle_school: '#003e6b',
  market: '#e67e22',
  fitness_ground: '#27ab83',
  emergency_shelter: '#616e7c',
};
const FALLBACK_COLOUR = '#52606d';

export function typeColour(code) {
  return TYPE_COLOURS[code] ?? FALLBACK_COLOUR;
}

/** Household classes against the catalog range: under min, min–target, target–max, over max. */
export function householdClasses(config) {
  return [
    { id: 'under', upTo: config.householdsMin, colour: '#6baed6' },
    { id: 'low', upTo: config.householdsTarget, colour: '#c7e9c0' },
    { id: 'high', upTo: config.householdsMax, colour: '#74c476' },
    { id: 'over', upTo: Infinity, colour: '#fb6a4a' },
  ];
}

export function householdColour(households, config) {
  return householdClasses(config).find((c) => households < c.upTo || c.upTo === Infinity).colour;
}

export const CELL_CLASSES = [
  { upTo: 20, colour: '#fee8c8' },
  { upTo: 50, colour: '#fdbb84' },
  { upTo: 100, colour: '#fc8d59' },
  { upTo: Infinity, colour: '#d7301f' },
];

export function cellColour(households) {
  return CELL_CLASSES.find((c) => households < c.upTo).colour;
}
