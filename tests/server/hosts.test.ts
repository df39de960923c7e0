import { describe, expect, it } from 'vitest';
import { allowedHosts, hostName } from '../../src/server/hosts.ts';

describe('host names', () => {
  it('strips the port and IPv6 brackets, and lowercases', () => {
    expect(hostName('LocalHost:8080')).toBe('localhost');
    expect(hostName('[::1]:8080')).toBe('::1');
    expect(hostName('[::1]')).toBe('::1');
    expect(hostName('::1')).toBe('::1');
    expect(hostName('dojo.example ')).toBe('dojo.example');
  });

  it("answers to localhost, PUBLIC_URL's host and the extra names, nothing else", () => {
    const hosts = allowedHosts('https://Dojo.Example:8443/base', [' room.lan ', '']);
    expect(hosts.has('localhost')).toBe(true);
    expect(hosts.has('127.0.0.1')).toBe(true);
    expect(hosts.has('dojo.example')).toBe(true);
    expect(hosts.has('room.lan')).toBe(true);
    expect(hosts.has('')).toBe(false);
    expect(hosts.has('evil.example')).toBe(false);
    expect(allowedHosts('http://[::1]:9000').has('::1')).toBe(true);
  });
});
