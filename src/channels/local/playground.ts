// The playground: the bot in a browser, for local mode only. Speaks Command/Reply like any channel.
import type { Channel, ChannelDeps } from '../channel';

export function createPlayground(_deps: ChannelDeps): Channel {
  return {
    name: 'local',
    routes: [
      {
        method: 'GET',
        path: '/',
        handle: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<!doctype html><title>Improvement Bot playground</title><p>The playground is being built.</p>');
        },
      },
    ],
  };
}
