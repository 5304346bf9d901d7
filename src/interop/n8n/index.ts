/** The n8n importer behind the ForeignImporter interface (foreign.ts). */
import type { ForeignImporter } from '../foreign.ts';
import { convertN8n } from './convert.ts';
import { looksLikeN8n } from './n8n-workflow.schema.ts';

export const n8nImporter: ForeignImporter = {
  format: 'n8n',
  title: 'n8n workflow',
  detect: looksLikeN8n,
  convert: convertN8n,
};

export { convertN8n } from './convert.ts';
export { POSITION_SCALE } from './map-nodes.ts';
