import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.ts';

/** SHA-256 (hex) of the rulebook's canonical JSON: what a run pins so its results can be reproduced. */
export function contentHash(rulebook: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(rulebook))));
}
