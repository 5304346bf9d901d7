/**
 * Social campaign production: brainstorm copy, check it against the brand guide, generate images (stock photos
 * when generation is refused), get the marketing lead's approval, schedule the posts.
 */
import { ai, alert, at, breaker, chain, check, edge, fanIn, human, join, lognormal, output, router, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

const doc = workflow({
  id: 'marketing-campaign',
  name: 'Marketing campaign',
  description: 'Brainstorm a social campaign, check it against the brand guide, make the images, approve, schedule.',
  profile: {
    // A marketer spends 2-3 hours per campaign on copy, images and scheduling; three campaigns a week.
    effortMinutes: 150,
    // Public and on-brand, but scheduled posts can be pulled before they go out.
    risk: 'medium',
    runsPerDay: 0.43,
    // Two business days, counted over a weekend.
    slaSeconds: 345_600,
    // The lead's review (~12 min mean, x1.4 with revisions, $55/h) dominates; by hand a campaign costs ~$110.
    budgetPerRun: 25,
    // Copy and images.
    outputs: 2,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'brief', label: 'Start campaign brief', at: at(0), type: 'manual', description: 'The marketer enters product, audience, channels and dates.' }),
    join({ id: 'merge-briefs', label: 'Merge revision requests', at: at(1), mode: 'any' }),
    ai({
      id: 'brainstorm',
      label: 'Brainstorm campaign ideas',
      at: at(2),
      config: {
        capability: 'llm',
        model: 'general LLM, high tier',
        purpose: 'Propose three campaign angles with post copy per channel and an image prompt each, following the brief and any reviewer notes.',
        outputContract: 'JSON {angles: [{headline, posts: {channel, text}[], imagePrompt}]}, copy within each channel\'s length limit.',
      },
      stub: {
        latency: lognormal(8, 25),
        costPerCall: 0.03,
        // ~8% plausible but off-brand or making claims the product cannot back.
        outcomes: { ok: 0.88, wrong: 0.08, rate_limited: 0.02, timeout: 0.02 },
        retryAfterSeconds: 5,
      },
      policy: stepPolicy({ timeoutSeconds: 60 }),
    }),
    check({
      id: 'brand',
      label: 'Check brand guidelines',
      at: at(3),
      // Reask with the grader's notes; a second failure goes to the lead as an alert rather than to approval.
      config: { type: 'llm-grader', onFail: 'reask', maxReasks: 2 },
      stub: { latency: lognormal(2, 6), costPerCall: 0.004, detectionRate: 0.65, falseRejectRate: 0.05 },
    }),
    ai({
      id: 'images',
      label: 'Generate campaign images',
      at: at(4),
      config: {
        capability: 'image-generation',
        model: 'text-to-image model',
        purpose: 'Render one image per angle from its prompt in the brand palette, without text in the image (models garble lettering).',
        outputContract: 'Three 1080x1080 PNGs, one per angle.',
      },
      stub: {
        // 10-30 s per image; ~$0.04 per standard image, four per run including a retake.
        latency: lognormal(12, 35),
        costPerCall: 0.16,
        // Artefacts (hands, stray text) ~8%; safety filters refuse ~3% of product prompts.
        outcomes: { ok: 0.85, wrong: 0.08, content_filter: 0.03, rate_limited: 0.02, timeout: 0.02 },
        retryAfterSeconds: 10,
      },
      policy: stepPolicy({ timeoutSeconds: 90, attempts: 2, initialIntervalSeconds: 5 }),
    }),
    tool({
      id: 'stock',
      label: 'Pick stock images',
      at: at(4, 1),
      config: { type: 'http', sideEffect: 'none', idempotent: true, purpose: 'Fallback when generation is refused or down: search the licensed stock library with the image prompts.' },
      stub: { latency: lognormal(1, 4), costPerCall: 0, outcomes: { ok: 0.98, timeout: 0.01, communication: 0.01 } },
      policy: stepPolicy({ timeoutSeconds: 15 }),
    }),
    join({ id: 'merge-images', label: 'Merge image sources', at: at(5), mode: 'any' }),
    human({
      id: 'approval',
      label: 'Approve campaign',
      at: at(6),
      // Two business days, counted over a weekend (96 hours of wall clock): a 48-hour SLA on an office-hours
      // approver ends every brief entered on a Friday in an alert (~12% of campaigns).
      config: { type: 'approval', reviewers: 1, calendar: 'business-hours', slaSeconds: 345_600 },
      // The marketing lead: ~10 min per campaign, ~$55/h; a quarter come back with notes.
      stub: { serviceTime: lognormal(600, 1800), costPerHour: 55, outcomes: { approve: 0.7, revise: 0.25, reject: 0.05 }, detectionRate: 0.85 },
    }),
    router({ id: 'limit-revisions', label: 'Limit revisions', at: at(5, -1), mode: 'exclusive' }),
    tool({
      id: 'schedule',
      label: 'Schedule posts',
      at: at(7),
      // A scheduled post can be deleted before it runs (reversible); one post per angle and channel (idempotent).
      config: { type: 'http', sideEffect: 'reversible', idempotent: true, purpose: 'Queue the approved posts with their images on each channel at the planned times.' },
      // Social APIs rate-limit hard and revoke tokens now and then.
      stub: { latency: lognormal(1, 4), costPerCall: 0, outcomes: { ok: 0.97, rate_limited: 0.015, timeout: 0.01, authentication: 0.005 }, retryAfterSeconds: 60 },
      policy: stepPolicy({ timeoutSeconds: 20, totalSeconds: 900, attempts: 4, initialIntervalSeconds: 10, maximumIntervalSeconds: 300, circuitBreaker: breaker(300) }),
    }),
    output({ id: 'scheduled', label: 'Publish campaign', at: at(8), type: 'deliver', outcome: 'success' }),
    output({ id: 'dropped', label: 'Drop campaign', at: at(7, 2), type: 'discard', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert marketing lead', at: at(8, 2) }),
  ],
  edges: [
    ...chain('brief', 'merge-briefs', 'brainstorm', 'brand'),
    edge('brand', 'images', { port: 'pass' }),
    edge('brand', 'alert', { port: 'fail', label: 'off-brand after 2 reasks' }),
    edge('images', 'merge-images'),
    edge('images', 'stock', { port: 'error', label: 'refused or down' }),
    edge('stock', 'merge-images'),
    edge('merge-images', 'approval'),
    edge('approval', 'schedule', { port: 'approve' }),
    edge('approval', 'limit-revisions', { port: 'revise' }),
    edge('approval', 'dropped', { port: 'reject' }),
    edge('approval', 'alert', { port: 'timeout', label: 'not approved in 2 business days' }),
    // probability: the expected share for the analyzer's estimate; the simulator decides by the condition.
    edge('limit-revisions', 'merge-briefs', { label: 'revise again', condition: { field: 'visits', op: '<=', value: 2 }, probability: 0.95 }),
    edge('limit-revisions', 'dropped', { label: 'third revision', isDefault: true }),
    ...chain('schedule', 'scheduled'),
    ...fanIn(['brainstorm', 'stock', 'schedule'], 'alert'),
  ],
  scenarios: [
    scenario({
      id: 'filter-spike',
      name: 'Image filter refuses a product line',
      seed: 21,
      cases: 300,
      replications: 20,
      arrival: { perHour: 0.5 },
      faults: [{ target: { node: 'images' }, error: 'content_filter', probability: 0.4 }],
      // Stock images take over: campaigns still ship, none fails unhandled.
      hypothesis: [
        { metric: 'successRate', op: '>=', value: 0.75 },
        { metric: 'failedRate', op: '<=', value: 0 },
      ],
    }),
    scenario({
      id: 'social-rate-limit',
      name: 'Social API rate-limits for an afternoon',
      seed: 22,
      cases: 300,
      replications: 20,
      arrival: { perHour: 0.5 },
      faults: [{ target: { node: 'schedule' }, error: 'rate_limited', probability: 0.6, window: { startSeconds: 3600, durationSeconds: 14_400 } }],
      hypothesis: [
        { metric: 'errorRate', op: '<=', value: 0.15 },
        { metric: 'stuckRate', op: '<=', value: 0 },
      ],
    }),
  ],
});

export const marketingCampaign: Template = template(doc, {
  summary: 'Brainstorm copy, check the brand guide, generate images with a stock fallback, approve, schedule posts.',
  situation:
    'A direct-to-consumer brand with a two-person marketing team runs three social campaigns a week across Instagram, LinkedIn and ' +
    'its newsletter. Each one takes a marketer two to three hours: ideas, copy per channel, images, the lead\'s sign-off and ' +
    'scheduling. Everything public must match the brand guide and make only claims the product can back. Image generators refuse ' +
    'some product prompts and garble lettering, and the social platforms rate-limit scheduling tools, so the design needs a way ' +
    'around both and a person who says yes before anything is queued.',
  tags: ['marketing', 'content', 'image-generation', 'approval', 'fallback'],
});
