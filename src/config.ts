// Reads and validates the environment once, at start-up. Everything else takes a Config.
import { z } from 'zod';

const optional = z.string().trim().min(1).optional();
/** Microsoft's Bot Framework OpenID metadata (public Azure). */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const url = z.url({ message: 'a URL such as http://127.0.0.1:4000' }).optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ message: 'a port number' }).int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** 1 lets local mode (the playground: anyone can act as anyone) listen beyond loopback. */
  PLAYGROUND_PUBLIC: z.enum(['0', '1'], { message: '1 (or leave it unset)' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** A PostgreSQL server; unset means the embedded engine (PGlite) under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'a postgres:// URL such as postgres://bot@127.0.0.1:5432/improvement' }).optional(),
  /** The schema on that server to keep this trust's tables in (several trusts can share one server, a schema each). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a plain lower-case name such as pele_trust (letters, digits, _)').optional(),
  /** Several instances: how long one's claim on a send lasts unrenewed before another may finish it. */
  OUTBOX_LEASE_SECONDS: z.coerce.number({ message: 'a number of seconds' }).min(1).max(3600).default(60),
  /** A trust file (trusts/pele.yaml): checked at start; an empty store in local mode gets the demo in its name and framework. */
  TRUST_FILE: optional,
  /** Tests and CI: an initialised empty PGlite directory copied into a new DATA_DIR instead of initialising one. */
  PGLITE_TEMPLATE: optional,
  TRUST_TIMEZONE: z
    .string()
    .default('Europe/London')
    .refine(isTimeZone, { message: 'an IANA time zone such as Europe/London' }),
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Where Teams token signing keys are discovered (tests point it at a local issuer). */
  BOT_OPENID_METADATA_URL: z
    .url({ protocol: /^https?$/, message: 'an http(s) URL such as https://login.botframework.com/v1/.well-known/openidconfiguration' })
    .default(BOT_FRAMEWORK_OPENID_METADATA_URL),
  ALLOWED_TENANT_IDS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [])),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: url,
  GRAPH_TENANT_ID: optional,
  GRAPH_CLIENT_ID: optional,
  GRAPH_CLIENT_SECRET: optional,
  GRAPH_BASE_URL: url,
  /** Where client-credentials tokens come from (Microsoft Entra by default; tests point it at a fake). */
  GRAPH_AUTH_URL: url,
  /** An extra CA certificate (PEM file) trusted for Graph and its token endpoint: a proxy's, or a test fake's. */
  GRAPH_CA_FILE: optional,
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  /** Set: the store is on this PostgreSQL server; unset: PGlite under dataDir. */
  databaseUrl?: string;
  databaseSchema?: string;
  outboxLeaseMs: number;
  pgliteTemplate?: string;
  /** TRUST_FILE: the trust file the bot checks at start (src/seed/trust-file-start.ts). */
  trustFile?: string;
  timeZone: string;
  /** Local mode: no platform credentials and not production. Serves the playground. */
  localMode: boolean;
  /** PLAYGROUND_PUBLIC=1: the playground may be reached beyond loopback (said loudly at start). */
  playgroundPublic: boolean;
  teams: {
    appId?: string;
    appPassword?: string;
    appTenantId?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    allowedTenantIds: string[];
    openIdMetadataUrl: string;
  };
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  graph?: { tenantId: string; clientId: string; clientSecret: string; baseUrl?: string; authUrl?: string; caFile?: string };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name} is invalid: expected ${issue.message}`);
  }
  const e = parsed.data;
  const slackEnabled = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN);
  const graphEnabled = Boolean(e.GRAPH_TENANT_ID || e.GRAPH_CLIENT_ID || e.GRAPH_CLIENT_SECRET);
  const teamsEnabled = Boolean(e.MICROSOFT_APP_ID || e.MICROSOFT_APP_PASSWORD);

  if (e.NODE_ENV === 'production') {
    if (!teamsEnabled && !slackEnabled) {
      throw new ConfigError(
        'MICROSOFT_APP_ID is missing: production needs Teams (MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD) or Slack (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET) credentials',
      );
    }
    if (teamsEnabled) {
      requireVars(e, ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD'], 'for Teams in production');
      if (e.MICROSOFT_APP_TYPE === 'SingleTenant') requireVars(e, ['MICROSOFT_APP_TENANT_ID'], 'for a SingleTenant app');
    }
    if (slackEnabled) {
      requireVars(e, ['SLACK_BOT_TOKEN'], 'for Slack in production');
      if (!e.SLACK_APP_TOKEN) requireVars(e, ['SLACK_SIGNING_SECRET'], 'for Slack over HTTP in production');
    }
  }
  if (slackEnabled) {
    requireVars(e, ['SLACK_BOT_TOKEN'], 'when Slack is enabled');
    if (!e.SLACK_APP_TOKEN) requireVars(e, ['SLACK_SIGNING_SECRET'], 'for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (graphEnabled) requireVars(e, ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'], 'when Graph is enabled');
  const localMode = e.NODE_ENV !== 'production' && !teamsEnabled && !slackEnabled;
  // The playground lets anyone act as anyone: on a shared network that must be a choice, not an accident.
  if (localMode && !isLoopbackHost(e.HOST) && e.PLAYGROUND_PUBLIC !== '1') {
    throw new ConfigError(`HOST=${e.HOST} would open the playground, where anyone can act as anyone, beyond this machine: use HOST=127.0.0.1, or set PLAYGROUND_PUBLIC=1 if you mean it`);
  }

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    outboxLeaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    pgliteTemplate: e.PGLITE_TEMPLATE,
    trustFile: e.TRUST_FILE,
    timeZone: e.TRUST_TIMEZONE,
    localMode,
    playgroundPublic: e.PLAYGROUND_PUBLIC === '1',
    teams: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      appTenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE ?? 'MultiTenant',
      allowedTenantIds: e.ALLOWED_TENANT_IDS,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    slack: slackEnabled
      ? { botToken: e.SLACK_BOT_TOKEN!, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
      : undefined,
    graph: graphEnabled
      ? { tenantId: e.GRAPH_TENANT_ID!, clientId: e.GRAPH_CLIENT_ID!, clientSecret: e.GRAPH_CLIENT_SECRET!, baseUrl: e.GRAPH_BASE_URL, authUrl: e.GRAPH_AUTH_URL, caFile: e.GRAPH_CA_FILE }
      : undefined,
  };
}

/** localhost, 127.x.y.z or ::1: names that reach this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function requireVars(e: Env, names: (keyof Env)[], why: string): void {
  for (const name of names) {
    if (!e[name]) throw new ConfigError(`${name} is missing: it is required ${why}`);
  }
}
