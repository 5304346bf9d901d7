import rule from '../../../src/analyzer/rules/llm-written-code.ts';
import type { SIDE_EFFECTS } from '../../../src/domain/index.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

/** trigger -> LLM writes SQL -> database step runs it -> output. */
const sqlFromLlm = (sideEffect: (typeof SIDE_EFFECTS)[number], reads?: string[]) =>
  new Builder()
    .add('trigger', 't')
    .add('ai', 'gen', { label: 'Write SQL query' })
    .add('tool', 'run', { label: 'Run SQL query', config: { type: 'database', sideEffect, idempotent: false, operation: 'executeQuery', dynamicStatement: true }, ...(reads ? { reads } : {}) })
    .add('output', 'o')
    .chain('t', 'gen', 'run', 'o')
    .build();

/** Corpus 1400: ffmpeg (an Execute Command built from its input) joins a voice, an image and a video made by AI steps. */
const ffmpegAfter = (capability: 'speech' | 'image-generation' | 'embedding' | 'transcription') =>
  new Builder()
    .add('trigger', 't')
    .add('ai', 'gen', { label: 'Generate audio', config: { capability } })
    .add('tool', 'run', { label: 'Render the clip', config: { type: 'script', sideEffect: 'irreversible', idempotent: false, operation: 'execute', dynamicStatement: true } })
    .add('output', 'o')
    .chain('t', 'gen', 'run', 'o')
    .build();

ruleTester(rule, {
  valid: [
    { name: 'a command after a voice: audio is a file, not a statement', doc: ffmpegAfter('speech') },
    { name: 'a command after an image', doc: ffmpegAfter('image-generation') },
    { name: 'a command after embeddings', doc: ffmpegAfter('embedding') },
    { name: 'fixed statements', doc: chainDoc(['ai', 'tool']) },
    { name: 'a read-only role', doc: sqlFromLlm('none') },
    { name: 'the statement is built from the trigger, not the model', doc: sqlFromLlm('irreversible', ['t']) },
  ],
  invalid: [
    // A transcript is text a speaker chose: "; rm -rf" said aloud is run as it is.
    { name: 'a command built from a transcript', doc: ffmpegAfter('transcription'), errors: [{ severity: 'error', nodeIds: ['gen', 'run'] }] },
    // Corpus 1144_Postgres_Code_Automation_Triggered.json: "sql query executor" runs {{ $json.query.sql }} from an LLM chain.
    { name: 'model-written SQL with write access', doc: sqlFromLlm('irreversible'), errors: [{ severity: 'error', nodeIds: ['gen', 'run'], message: /statement built from the output of "Write SQL query"/ }] },
    { name: 'reversible writes: a warning', doc: sqlFromLlm('reversible', ['gen']), errors: [{ severity: 'warning' }] },
  ],
});
