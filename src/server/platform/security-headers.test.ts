import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

describe("helmet's headers worked out once", () => {
  it('holds the policy asked for, HSTS only over TLS', () => {
    const plain = securityHeaders({
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
      hsts: false,
    });
    expect(plain['content-security-policy']).toContain("default-src 'self'");
    expect(plain['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(plain['x-content-type-options']).toBe('nosniff');
    expect(plain['x-frame-options']).toBe('SAMEORIGIN');
    expect(plain['strict-transport-security']).toBeUndefined();
    const tls = securityHeaders({ hsts: true });
    expect(tls['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(tls['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
