/** The head elements that describe a page to link previews and search engines. */
import type { SiteConfig } from '../../model';
import { html, type SafeHtml } from './html';

/** What a page says of itself to link previews (OpenGraph, Twitter cards) and search engines. */
export interface PageMeta {
  readonly url: string;
  readonly image?: string;
  /** JSON-LD and other head elements of the page. */
  readonly head?: SafeHtml;
}

/**
 * OpenGraph and Twitter card meta, so that a link pasted in Mastodon, Slack or a chat shows the page:
 * title, description, URL, the site's name, the image when there is one.
 */
export function previewMeta(config: SiteConfig, title: string, description: string, meta: PageMeta): SafeHtml {
  return html`<link rel="canonical" href="${meta.url}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${config.title}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${meta.url}">
${meta.image ? html`<meta property="og:image" content="${meta.image}">
` : ''}<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${title}">
<meta name="twitter:description" content="${description}">
${meta.image ? html`<meta name="twitter:image" content="${meta.image}">
` : ''}`;
}
