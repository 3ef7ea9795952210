export const FIRST_YEAR: number;
export const LAST_YEAR: number;
export function bankHolidaysFromLibrary(first: number, last: number): Record<string, string>;
