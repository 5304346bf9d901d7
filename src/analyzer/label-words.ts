/**
 * Words for reading step labels (verb-object-label, tool-centric-design). Labels come from people and from other
 * tools' exports ("sendSlackMessage", "get_orders", "OpenAI1", "🔍 Search web"), so they are split into words
 * first; then the first word is judged a verb or not. Suffixes alone misjudge common verbs ("Filter", "Monitor",
 * "Capture", "Persist", "Document"), so a list of verbs wins over the noun endings.
 */
import { valueFor } from './memo.ts';

/**
 * Verbs common in workflow labels whose spelling ends like a noun (-er, -or, -ure, -ist, -ing, -ment, -ance,
 * -ence, -tion). Plain verbs need no entry: a word is taken as a verb unless it looks like a noun.
 */
export const VERBS_LIKE_NOUNS =
  'filter,monitor,enter,register,gather,deliver,render,order,answer,capture,measure,structure,secure,persist,assist,list,enlist,insist,exist,resist,twist,trigger,transfer,offer,cluster,buffer,cover,discover,recover,lower,power,mirror,author,tailor,censor,sponsor,honor,honour,alter,batch,reorder,forward,further,master,minister,scatter,shatter,flatter,filter,wonder,consider,remember,bother,steer,engineer,volunteer,pioneer,fetch,ensure,configure,procure,figure,feature,lure,cure,endure,expose,ping,bring,string,sing,ring,implement,comment,document,augment,segment,supplement,increment,experiment,enhance,advance,balance,reference,sequence,silence,fence,mention,partition,position,function,caption,section,provision,auction,version,harness,upper,tender,tether,letter,ladder,litter,pepper,border,enter,usher,weather,anchor,mentor,vendor,factor,refactor,tutor,doctor,motor,visit,edit,post,text';

/** Endings that mark a noun ("extraction", "classifier", "processing"), unless the word is a verb above. */
export const NOUN_ENDINGS = 'tion,sion,ment,ness,ity,er,or,ing,ance,ence,ure,ist';

/**
 * First words that are not verbs: articles, parts of speech a label starts with, and the names of data formats
 * and services that exports use as default labels ("HTTP Request", "Google Sheets", "JSON Parser").
 */
export const NOT_VERBS =
  'the,a,an,ai,llm,gpt,tool,step,node,data,new,final,main,quality,human,manual,auto,email,invoice,ticket,document,http,https,api,json,xml,html,csv,pdf,sql,webhook,google,gmail,slack,telegram,notion,airtable,openai,anthropic,gemini,claude,basic,simple,my,our,your,if,when,on,no,yes,true,false,to,for,from,with,by,of,in,at,via,into,and,or,step1,node1';

/**
 * Split a label into words: camelCase and snake_case parts, separators, digits glued to words ("OpenAI1"),
 * leading numbering and symbols dropped. Lower-cased.
 * @example labelWords('sendSlackMessage') // ['send', 'slack', 'message']
 * @example labelWords('1. get_orders') // ['get', 'orders']
 * @example labelWords('OpenAI1') // ['openai']
 * @example labelWords('Filter new leads') // ['filter', 'new', 'leads']
 */
export function labelWords(label: string): string[] {
  // Labels barely change between analyses (one per edit) and several rules read each one: split each text once.
  if (wordsByLabel.size >= WORDS_CACHE_LIMIT && !wordsByLabel.has(label)) wordsByLabel.clear();
  return [...valueFor(wordsByLabel, label, () => splitLabel(label))];
}

const WORDS_CACHE_LIMIT = 20_000;
const wordsByLabel = new Map<string, readonly string[]>();

function splitLabel(label: string): string[] {
  return (
    label
      // Numbering people put in front of steps ("3a. Generate...", "2) Send...") is not a word of the label.
      .replace(/^\s*\d+[a-z]?[.):]\s+/i, '')
      .split(/[^\p{L}'-]+|-{2,}/u)
      // lowerCamelCase is an identifier ("sendSlackMessage"); a capitalised word with inner capitals is usually a
      // brand ("OpenAI", "HubSpot", "YouTube"), so only words that start in lower case are split at capitals.
      .flatMap((w) => (/^\p{Ll}/u.test(w) ? w.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').split(' ') : [w]))
      .map((w) => w.replace(/^[-']+|[-']+$/g, '').toLowerCase())
      .filter((w) => w.length > 0)
  );
}

/** Parsed word lists by their option text: rules parse the same defaults on every analysis. */
const parsed = new Map<string, ReadonlySet<string>>();

/** A word list option (comma-separated) as a set (parsed once per distinct text). */
export function wordSet(value: string): ReadonlySet<string> {
  let set = parsed.get(value);
  if (set === undefined) {
    set = new Set(
      value
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s.length > 0),
    );
    if (parsed.size > 64) parsed.clear(); // options are few; a flood of distinct ones must not grow this forever
    parsed.set(value, set);
  }
  return set;
}

/**
 * Tools, vendors and models that exports and people use as step names. Service names are here because n8n
 * names a new step after its service ("Google Sheets", "Gmail1", "HTTP Request") and most people keep it.
 */
export const TOOL_NAMES =
  'gpt,gpt-4,gpt-4o,gpt-5,chatgpt,openai,claude,anthropic,gemini,bard,llama,mistral,cohere,copilot,groq,deepseek,perplexity,ollama,zapier,make.com,n8n,ifttt,power automate,uipath,langchain,huggingface,google,sheets,gmail,drive,docs,calendar,slack,telegram,discord,notion,airtable,hubspot,salesforce,pipedrive,shopify,stripe,supabase,postgres,postgresql,mysql,mongodb,redis,qdrant,pinecone,trello,asana,jira,github,gitlab,dropbox,whatsapp,twilio,twitter,linkedin,youtube,wordpress,mailchimp,sendgrid,outlook,microsoft,teams,excel,onedrive,aws,s3,zendesk,intercom,webflow,typeform,calendly,apify,serpapi,firecrawl,elevenlabs,replicate';

/**
 * Words that only say what kind of node a step is ("HTTP Request", "AI Agent", "Basic LLM Chain", "OpenAI Chat
 * Model", and n8n's other default names: "Information Extractor", "Question and Answer Chain", "Sentiment
 * Analysis"): left when the tool names are taken out, they do not say what the step does.
 */
export const NODE_TYPE_WORDS = 'http,https,request,api,node,tool,tools,ai,llm,chain,basic,agent,assistant,chat,model,message,trigger,call,step,app,integration,summarization,information,extractor,text,classifier,sentiment,analysis,question,answer,retrieval,qa,vector,store,embeddings,memory,parser,structured,output,the,a,an,via,with,using,on,in,of,to,and,by,for';

/** A list of tool names, ready to match: single words by lookup, names with spaces as text. */
export interface ToolNames {
  readonly single: ReadonlySet<string>;
  readonly multi: readonly string[];
}

/** Compile a comma-separated list of tool names (cached per distinct text). */
export function toolNames(list: string): ToolNames {
  const all = [...wordSet(list)];
  return { single: new Set(all.filter((v) => !v.includes(' '))), multi: all.filter((v) => v.includes(' ')) };
}

/**
 * The tool names a label mentions: whole words ("Gmail2" counts as "gmail", "gpt-4o" as "gpt-4o" and "gpt"),
 * and names with spaces as text.
 * @example toolNamesIn('GPT-4o call', toolNames(TOOL_NAMES)) // ['gpt-4o', 'gpt']
 */
export function toolNamesIn(label: string, names: ToolNames): string[] {
  const text = label.toLowerCase();
  const found = new Set<string>();
  for (const raw of text.split(/[^a-z0-9.-]+/)) {
    const w = raw.replace(/\d+$/, '');
    if (w.length === 0) continue;
    if (names.single.has(w)) found.add(w);
    const dash = w.indexOf('-');
    if (dash > 0 && names.single.has(w.slice(0, dash))) found.add(w.slice(0, dash));
  }
  for (const v of names.multi) if (text.includes(v)) found.add(v);
  return [...found];
}

/**
 * Is the label only a tool's name ("Google Sheets1", "OpenAI Chat Model", "HTTP Request"), with nothing left
 * that says what the step does once tool names and node-type words are taken out?
 * @example isToolNameOnly('Google Sheets1', toolNames(TOOL_NAMES), wordSet(NODE_TYPE_WORDS)) // true
 * @example isToolNameOnly('Send Slack message', toolNames(TOOL_NAMES), wordSet(NODE_TYPE_WORDS)) // false
 */
export function isToolNameOnly(label: string, names: ToolNames, nodeTypeWords: ReadonlySet<string>): boolean {
  return contentWords(label, names, nodeTypeWords).length === 0 && labelWords(label).length > 0;
}

/** The words of a label that are neither tool names, nor node-type words, nor the digits n8n appends to copies. */
export function contentWords(label: string, names: ToolNames, nodeTypeWords: ReadonlySet<string>): string[] {
  // Take the names out of the text itself (longest first, so "gpt-4o" goes before "gpt").
  let text = label.toLowerCase();
  for (const v of toolNamesIn(label, names).sort((a, b) => b.length - a.length)) text = text.split(v).join(' ');
  return labelWords(text.replace(/\d+/g, ' ')).filter((w) => !nodeTypeWords.has(w));
}

/**
 * The words of a label after a leading tool name and its separator ("Google Sheets - Create rows" -> create
 * rows; "OpenAI: Make shorter" -> make shorter). A label with no such prefix keeps all its words.
 * @example withoutToolPrefix('Google Sheets - Create Rows', toolNames(TOOL_NAMES), wordSet(NODE_TYPE_WORDS)) // ['create', 'rows']
 */
export function withoutToolPrefix(label: string, names: ToolNames, nodeTypeWords: ReadonlySet<string>): string[] {
  const m = /^(.*?)\s*(?:[-–—:|>]+|\bvia\b)\s+(.+)$/u.exec(label);
  if (m && m[1] !== undefined && m[2] !== undefined && m[1].trim().length > 0 && isToolNameOnly(m[1], names, nodeTypeWords)) return labelWords(m[2]);
  return labelWords(label);
}
