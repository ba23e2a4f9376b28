// The CloudAdapter from the Azure Bot credentials. Without an app id it authenticates nothing (the
// Bot Framework Emulator's mode); boot only mounts Teams that way outside production.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../../config';

export function createAdapter(teams: Config['teams']): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: teams.appId,
    MicrosoftAppPassword: teams.appPassword,
    MicrosoftAppType: teams.appType,
    MicrosoftAppTenantId: teams.appTenantId,
  });
  return new CloudAdapter(auth);
}
