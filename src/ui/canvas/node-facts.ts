/**
 * The facts a node shows at a glance (capability and model, reviewers, check type) and the badges for its
 * failure policy. Pure, so the node component stays a thin renderer and the wording is tested once.
 */
import { formatSeconds, type WorkflowNode } from '../../domain/index.ts';

/** @example nodeFacts(aiNode) // "llm · gpt-4o-mini" */
export function nodeFacts(node: WorkflowNode): string {
  switch (node.kind) {
    case 'trigger':
      return node.config.type;
    case 'ai': {
      const tools = node.config.tools?.length ? `${node.config.tools.length} tool${node.config.tools.length === 1 ? '' : 's'}` : '';
      return [node.config.capability, node.config.model, tools].filter(Boolean).join(' · ');
    }
    case 'tool':
      return [node.config.type, node.config.sideEffect === 'none' ? 'read-only' : node.config.sideEffect].join(' · ');
    case 'data':
      return node.config.delaySeconds !== undefined ? `${node.config.operation} · ${formatSeconds(node.config.delaySeconds)}` : node.config.operation;
    case 'loop':
      return `for each · ${node.config.batchSize ?? 1} per pass`;
    case 'human': {
      const who = `${node.config.reviewers} reviewer${node.config.reviewers === 1 ? '' : 's'}`;
      return [node.config.type, who, node.config.calendar === 'business-hours' ? 'business hours' : '24/7'].join(' · ');
    }
    case 'check':
      return [node.config.type, node.config.onFail === 'reask' ? `re-ask ×${node.config.maxReasks ?? 1}` : 'route on fail'].join(' · ');
    case 'router':
      return node.config.mode;
    case 'join':
      return `wait: ${node.config.mode}`;
    case 'output':
      return `${node.config.type} · ${node.config.outcome}`;
    case 'note':
      return '';
  }
}

/** @example policyBadges(aiNode) // ["retry ×3", "timeout 30 s"] */
export function policyBadges(node: WorkflowNode): string[] {
  const badges: string[] = [];
  if (node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data') {
    const p = node.policy;
    const attempts = Math.max(0, ...(p?.retry ?? []).map((r) => r.maximumAttempts));
    if (attempts > 1) badges.push(`retry ×${attempts}`);
    if (p?.timeouts?.startToCloseSeconds !== undefined) badges.push(`timeout ${formatSeconds(p.timeouts.startToCloseSeconds)}`);
    if (p?.catch?.length) badges.push('fallback');
    if (p?.circuitBreaker) badges.push('breaker');
  }
  if (node.kind === 'human' && node.config.slaSeconds !== undefined) badges.push(`SLA ${formatSeconds(node.config.slaSeconds)}`);
  return badges;
}
