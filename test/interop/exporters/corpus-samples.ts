/**
 * Real n8n files (shared/corpus/n8n/workflows) with loops, data steps and agents with tools, picked for the
 * exporters' tests: each converts to a Baton design that the exporters must carry to every target.
 */
export const CORPUS_SAMPLES: readonly string[] = [
  '0527_Schedule_Manual_Update_Scheduled.json',
  '0714_Splitout_Zendesk_Update_Triggered.json',
  '0819_Splitout_Schedule_Create_Scheduled.json',
  '1134_Googledocs_Code_Create_Webhook.json',
  '1758_Code_HTTP_Automation_Webhook.json',
  '0498_Wait_Splitout_Process_Scheduled.json',
];
