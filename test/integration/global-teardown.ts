export default async function globalTeardown(): Promise<void> {
  const stops = (globalThis as { __integrationStops?: Array<() => Promise<void>> }).__integrationStops ?? [];
  for (const stop of stops.reverse()) await stop();
}
