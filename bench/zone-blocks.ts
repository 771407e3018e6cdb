/**
 * VTIMEZONE sizes and cost (issue 20): bytes per zone for a 10-year span (2016–2025) and for
 * 1970–2037, and the time to write them, for every zone this runtime knows.
 *   npx tsx bench/zone-blocks.ts
 */
import { vtimezoneBlock } from '../lambda/core/formats/vtimezone';

const zones = Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC');
const stats = (sizes: number[]) => {
  const sorted = [...sizes].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]} B, 90th percentile ${sorted[Math.floor(sorted.length * 0.9)]} B, max ${sorted[sorted.length - 1]} B`;
};
for (const [from, to] of [
  [2016, 2025],
  [1970, 2037],
]) {
  const started = performance.now();
  const sizes = zones.map((z) => Buffer.byteLength(vtimezoneBlock(z, from, to)));
  const ms = performance.now() - started;
  console.log(
    `${from}–${to}: ${zones.length} zones, ${stats(sizes)}; ${(ms / zones.length).toFixed(1)} ms per zone (first time; then cached)`,
  );
}
for (const zone of ['Europe/Paris', 'America/Sao_Paulo', 'America/Mexico_City', 'Africa/Casablanca', 'Asia/Kolkata']) {
  console.log(
    `${zone}: ${Buffer.byteLength(vtimezoneBlock(zone, 2016, 2025))} B for 2016–2025, ${Buffer.byteLength(vtimezoneBlock(zone, 1970, 2037))} B for 1970–2037`,
  );
}
