// jsdom test environments lack the encoding API every browser has: take Node's.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });
