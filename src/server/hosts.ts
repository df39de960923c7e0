import { hostname, networkInterfaces } from 'node:os';

/**
 * The names this server answers to: localhost, this machine's own addresses and names, the
 * host of `PUBLIC_URL`, and any `extra` ones. A request naming another Host (a DNS-rebinding
 * page, or a forged Host that would end up in join links) is refused.
 */
export function allowedHosts(
  publicUrl: string | undefined,
  extra: readonly string[] = [],
): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', hostname().toLowerCase()]);
  names.add(`${hostname().toLowerCase()}.local`);
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? []) names.add(address.address.toLowerCase());
  if (publicUrl !== undefined) names.add(hostName(new URL(publicUrl).host));
  for (const name of extra) if (name.trim() !== '') names.add(name.trim().toLowerCase());
  return names;
}

/** The host name of a Host header, without its port (and without IPv6 brackets). */
export function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(1, trimmed.indexOf(']'));
  const colon = trimmed.lastIndexOf(':');
  return colon >= 0 && trimmed.indexOf(':') === colon ? trimmed.slice(0, colon) : trimmed;
}
