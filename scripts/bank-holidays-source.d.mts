export const FIRST_YEAR: number;
export const LAST_YEAR: number;
export const NATIONS: Record<'england-and-wales' | 'scotland' | 'northern-ireland', string>;
export function bankHolidaysFromLibrary(
  first: number,
  last: number,
  nation?: 'england-and-wales' | 'scotland' | 'northern-ireland',
): Record<string, string>;
