/**
 * What the site sends besides its files, in one place: the Content-Security-Policy of CloudFront's
 * response headers policy (lib/site-delivery.ts) and of the local server (`calpub serve`). `calpub
 * emulate` reads it from the synthesized template. No CDK import, so the CLI bundle can use it.
 */

/** Nothing but the site's own files: the HTML pages load no CDN, no inline script or style. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'none'; object-src 'none'";

/** The embeddable pages' policy (the widget): the same, except that any site may show them in a frame. */
export const EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "frame-ancestors 'none'",
  'frame-ancestors *',
);
