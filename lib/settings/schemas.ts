// What each setting may hold, checked when the settings are resolved (resolve.ts); a page that only shows
// settings takes their types from here, never this module's code (it loads the schema library).
import { z } from 'zod';
import { ContactSchema } from '../protocols/schema';
import { HostAdapterSchema } from '../hosts/schema';
import { listProtocols } from '../protocols';

const protocolIds = () => listProtocols().map((p) => p.id);
const ProtocolId = z.string().refine((id) => protocolIds().includes(id), {
  message: 'is not a protocol this device has (built in, imported or set by your organisation)',
});
/** The organisation's own protocols: each checked on its own (lib/protocols/read.ts), so one bad one loses no other. */
const MAX_ORGANISATION_PROTOCOLS = 20;
const Origin = z.string().regex(/^https?:\/\/(\*\.)?[^/*]+\/\*$/, 'must look like https://mosaic.council.gov.uk/*');
const Day = z.iso.date();

export const SETTING_SCHEMAS = {
  protocols: z.array(z.unknown()).max(MAX_ORGANISATION_PROTOCOLS, `must list at most ${MAX_ORGANISATION_PROTOCOLS} protocols`),
  defaultProtocol: ProtocolId,
  allowedProtocols: z.array(ProtocolId).min(1),
  caseSystemOrigins: z.array(Origin).max(50),
  adapters: z.array(HostAdapterSchema).max(50),
  closureDays: z.record(Day, z.string().min(1).max(100)),
  retentionMonths: z.number().int().min(1).max(120),
  contacts: z.array(ContactSchema).max(50),
  reminders: z.boolean(),
  quietOutsideWorkingHours: z.boolean(),
  panelPlacement: z.enum(['side-panel', 'in-page']),
  chipShowsStatus: z.boolean(),
  showChip: z.boolean(),
  /** Issue 36: protocols the organisation marks superseded (protocol id → why), shown so in the picker. */
  supersededProtocols: z.record(z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be a protocol id'), z.string().min(1).max(300)),
  /** Issue 36: the language of the protocols' own words in the panel ('browser': the browser's). */
  protocolLanguage: z.enum(['browser', 'en', 'cy', 'ga', 'gd']),
} as const;
