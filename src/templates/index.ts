/**
 * The templates gallery: complete, valid workflows of real situations. The analyzer and the simulator calibrate
 * against them, so each one is designed as a careful conductor would build it (one is over-built on purpose).
 */
import type { Template } from './build.ts';
import { kycOnboarding } from './kyc-onboarding.ts';
import { lawFirmIntake } from './law-firm-intake.ts';
import { marketingCampaign } from './marketing-campaign.ts';
import { patientScheduling } from './patient-scheduling.ts';
import { supportTriage } from './support-triage.ts';
import { weeklyReporting } from './weekly-reporting.ts';

export type { Template } from './build.ts';

export const TEMPLATES: readonly Template[] = [patientScheduling, kycOnboarding, lawFirmIntake, weeklyReporting, marketingCampaign, supportTriage];

/** The template with this id, or undefined. */
export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
