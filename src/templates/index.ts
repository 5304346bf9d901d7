/**
 * The templates gallery: complete, valid workflows of real situations. The analyzer and the simulator calibrate
 * against them, so each one is designed as a careful conductor would build it, except the one marked
 * `overEngineered`, which is over-built on purpose for the over-engineering rules to catch.
 */
import type { Template } from './build.ts';
import { codeReviewCi } from './code-review-ci.ts';
import { invoiceExtraction } from './invoice-extraction.ts';
import { kycOnboarding } from './kyc-onboarding.ts';
import { lawFirmIntake } from './law-firm-intake.ts';
import { marketingCampaign } from './marketing-campaign.ts';
import { meetingNotesOverEngineered } from './meeting-notes-over-engineered.ts';
import { patientScheduling } from './patient-scheduling.ts';
import { supportTriage } from './support-triage.ts';
import { weeklyReporting } from './weekly-reporting.ts';

export type { Template } from './build.ts';

/** Gallery order: the flagship first, the over-engineered counter-example last. */
export const TEMPLATES: readonly Template[] = [
  patientScheduling,
  kycOnboarding,
  lawFirmIntake,
  weeklyReporting,
  marketingCampaign,
  supportTriage,
  invoiceExtraction,
  codeReviewCi,
  meetingNotesOverEngineered,
];

/**
 * The template with this id, or undefined.
 * @example getTemplate('kyc-onboarding')?.doc.nodes.length
 */
export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
