// Unit tests run as the service worker does: the built-ins' earlier versions known from the start
// (lib/protocols/earlier-built-in.ts; pages learn them as they read the stored protocols).
import { knowEarlierBuiltIns } from '../../lib/protocols/earlier-built-in';

knowEarlierBuiltIns();
