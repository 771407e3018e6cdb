/**
 * A CloudFront response headers policy (`ResponseHeadersPolicyConfig` of the template) applied to a
 * response, as CloudFront documents it: security headers, CORS headers when the request has an
 * `Origin`, custom headers, removed headers; each header the origin already sent is kept unless the
 * policy says to override it.
 */
import type { ResponseHeadersPolicy } from './stack-model';

type Headers = Record<string, string>;

/** The response headers after the policy: `origin` is the request's `Origin` header, if any. */
export function policyHeaders(policy: ResponseHeadersPolicy, headers: Headers, origin: string | null): Headers {
  const out: Headers = { ...headers };
  const set = (name: string, value: string, override: boolean) => {
    if (override || !(name in out)) out[name] = value;
  };
  for (const [name, value, override] of securityHeaders(policy.SecurityHeadersConfig ?? {})) set(name, value, override);
  if (policy.CorsConfig && origin !== null) {
    const cors = policy.CorsConfig;
    const allowed: string[] = cors.AccessControlAllowOrigins?.Items ?? [];
    const override = cors.OriginOverride === true;
    if (allowed.includes('*')) set('access-control-allow-origin', '*', override);
    else if (allowed.includes(origin)) set('access-control-allow-origin', origin, override);
    if (cors.AccessControlAllowCredentials) set('access-control-allow-credentials', 'true', override);
    if (cors.AccessControlExposeHeaders?.Items?.length)
      set('access-control-expose-headers', cors.AccessControlExposeHeaders.Items.join(', '), override);
  }
  for (const h of policy.CustomHeadersConfig?.Items ?? []) set(h.Header.toLowerCase(), h.Value, h.Override === true);
  for (const h of policy.RemoveHeadersConfig?.Items ?? []) delete out[h.Header.toLowerCase()];
  return out;
}

/** `[name, value, override]` for each security header the policy sets. */
function securityHeaders(config: ResponseHeadersPolicy): Array<[string, string, boolean]> {
  const out: Array<[string, string, boolean]> = [];
  const csp = config.ContentSecurityPolicy;
  if (csp) out.push(['content-security-policy', csp.ContentSecurityPolicy, csp.Override === true]);
  if (config.ContentTypeOptions)
    out.push(['x-content-type-options', 'nosniff', config.ContentTypeOptions.Override === true]);
  if (config.FrameOptions)
    out.push(['x-frame-options', config.FrameOptions.FrameOption, config.FrameOptions.Override === true]);
  if (config.ReferrerPolicy)
    out.push(['referrer-policy', config.ReferrerPolicy.ReferrerPolicy, config.ReferrerPolicy.Override === true]);
  const hsts = config.StrictTransportSecurity;
  if (hsts) {
    const value = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      hsts.IncludeSubdomains ? 'includeSubDomains' : '',
      hsts.Preload ? 'preload' : '',
    ]
      .filter(Boolean)
      .join('; ');
    out.push(['strict-transport-security', value, hsts.Override === true]);
  }
  const xss = config.XSSProtection;
  if (xss) {
    const value = xss.Protection
      ? ['1', xss.ModeBlock ? 'mode=block' : '', xss.ReportUri ? `report=${xss.ReportUri}` : '']
          .filter(Boolean)
          .join('; ')
      : '0';
    out.push(['x-xss-protection', value, xss.Override === true]);
  }
  return out;
}
