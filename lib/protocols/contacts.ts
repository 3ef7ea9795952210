// How a contact's number is dialled and read: the number alone in the call link, its menu options apart
// ("0300 123 5012, then option 3, option 2"), never run together into one long number.
import type { Contact } from './schema';

/** A number with its menu options written after it, as first-edition files may have it: "01925 443322 (option 1)". */
const WRITTEN_MENU = /\s*\((?:opt(?:ion)?\.?\s*\d+[\s,]*)+\)\s*$/i;

/** The number as written, without options a first-edition file wrote after it. */
export function numberOnly(phone: string): string {
  return phone.replace(WRITTEN_MENU, '').trim();
}

/** The menu options to choose after dialling, in order: the contact's `menu`, or those written after a first-edition number. */
export function menuOptions(contact: Pick<Contact, 'phone' | 'menu'>): string[] {
  if (contact.menu) return contact.menu;
  const written = contact.phone ? WRITTEN_MENU.exec(contact.phone)?.[0] : undefined;
  return written ? [...written.matchAll(/\d+/g)].map((m) => m[0]) : [];
}

/** The `tel:` link that dials the number only (a menu option dialled with it would reach a wrong number). */
export function dialHref(phone: string): string {
  return `tel:${numberOnly(phone).replace(/[^0-9+]/g, '')}`;
}
