// The CloudAdapter from the Azure Bot credentials. Without an app id it authenticates nothing (the
// Bot Framework Emulator's mode); boot only mounts Teams that way outside production.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../../config';

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** CloudAdapter with its turn step public: http.ts authenticates first, to answer each failure itself. */
export class TeamsAdapter extends CloudAdapter {
  runTurn(authenticated: Authenticated, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/** The Bot Framework's public-cloud endpoints (botframework-connector's AuthenticationConstants). */
export const BOT_FRAMEWORK = {
  /** The issuer of every token the channels (Teams among them) send to a bot. */
  channelIssuer: 'https://api.botframework.com',
  emulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  loginUrl: 'https://login.microsoftonline.com/botframework.com',
  oauthScope: 'https://api.botframework.com',
  oauthUrl: 'https://api.botframework.com',
  callerId: 'urn:botframework:azure',
} as const;

type CredentialsFactory = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];

export interface TeamsAuth {
  adapter: TeamsAdapter;
  /** Checks an activity's token (signature, issuer, audience, expiry, serviceUrl) against the keys at `openIdMetadataUrl`. */
  auth: ConfigurationBotFrameworkAuthentication;
  openIdMetadataUrl: string;
}

/** `credentials` replaces how outgoing calls are signed (tests: no Entra ID to get tokens from). */
export function createAdapter(teams: Config['teams'], credentials?: CredentialsFactory): TeamsAuth {
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: teams.appId,
      MicrosoftAppPassword: teams.appPassword,
      MicrosoftAppType: teams.appType,
      MicrosoftAppTenantId: teams.appTenantId,
      // Setting any endpoint makes botbuilder take every one from here (the rest would be undefined),
      // so all are given: Microsoft's, with the key discovery URL ours to point elsewhere.
      ToBotFromChannelOpenIdMetadataUrl: teams.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK.channelIssuer,
      ToBotFromEmulatorOpenIdMetadataUrl: BOT_FRAMEWORK.emulatorOpenIdMetadataUrl,
      ToChannelFromBotLoginUrl: BOT_FRAMEWORK.loginUrl,
      ToChannelFromBotOAuthScope: BOT_FRAMEWORK.oauthScope,
      OAuthUrl: BOT_FRAMEWORK.oauthUrl,
      CallerId: BOT_FRAMEWORK.callerId,
      ValidateAuthority: true,
    },
    credentials,
  );
  return { adapter: new TeamsAdapter(auth), auth, openIdMetadataUrl: teams.openIdMetadataUrl };
}
