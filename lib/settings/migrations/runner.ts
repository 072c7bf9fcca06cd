/**
 * The settings migration runner. Each step is one file, vNNN-to-vMMM.ts, exporting `migrate(old) => new`;
 * index.ts discovers them by name. Pure: no storage, no zod, so it runs on stored settings and imported files
 * alike.
 */
export interface Migration {
  from: number;
  to: number;
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

export interface MigrationModule {
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE = /(?:^|\/)v(\d{3})-to-v(\d{3})\.ts$/;

/**
 * Migrations from a map of file path -> module (import.meta.glob's shape), in order. Each step must go up by
 * one from version 1 with no gaps: a misnamed or missing file stops the build's tests, not a user's settings.
 */
export function collectMigrations(modules: Record<string, MigrationModule>): Migration[] {
  const steps: Migration[] = [];
  for (const [path, mod] of Object.entries(modules)) {
    const match = FILE.exec(path);
    if (!match) throw new MigrationError(`${path}: a migration file is named vNNN-to-vMMM.ts`);
    const [from, to] = [Number(match[1]), Number(match[2])];
    if (to !== from + 1) throw new MigrationError(`${path}: a migration goes up by exactly one version`);
    if (typeof mod.migrate !== 'function') throw new MigrationError(`${path}: exports no migrate function`);
    steps.push({ from, to, migrate: mod.migrate });
  }
  steps.sort((a, b) => a.from - b.from);
  steps.forEach((s, i) => {
    if (s.from !== i + 1) throw new MigrationError(`migrations: version ${i + 1} to ${i + 2} is missing`);
  });
  return steps;
}

/** The version a settings object says it has, or an error naming what is wrong. */
export function versionOf(value: unknown, current: number): number {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MigrationError('the settings are not an object');
  const version = (value as { version?: unknown }).version;
  if (version === undefined) throw new MigrationError('the settings have no version number');
  if (!Number.isInteger(version) || (version as number) < 1)
    throw new MigrationError(`the settings version ${JSON.stringify(version)} is not a version number`);
  if ((version as number) > current)
    throw new MigrationError(
      `the settings are version ${version}, from a newer CDT Lens than this one (version ${current}); update CDT Lens`,
    );
  return version as number;
}

/**
 * Walks a settings object up to `target` one step at a time. Each step gets its own copy and the result's
 * version is set by the runner, so a step cannot forget it.
 */
export function runMigrations(
  value: unknown,
  migrations: readonly Migration[],
  target = migrations.length + 1,
): { value: Record<string, unknown>; from: number } {
  const from = versionOf(value, target);
  let current = structuredClone(value) as Record<string, unknown>;
  for (const step of migrations) {
    if (step.from < from || step.from >= target) continue;
    current = { ...step.migrate(structuredClone(current)), version: step.to };
  }
  return { value: current, from };
}
