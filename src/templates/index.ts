/**
 * The templates gallery: complete, valid workflows of real situations. The analyzer and the simulator calibrate
 * against them, so each one is designed as a careful conductor would build it (one is over-built on purpose).
 */
import type { Template } from './build.ts';
import { patientScheduling } from './patient-scheduling.ts';

export type { Template } from './build.ts';

export const TEMPLATES: readonly Template[] = [patientScheduling];

/** The template with this id, or undefined. */
export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
