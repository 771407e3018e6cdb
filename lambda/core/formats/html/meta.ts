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

/** Longer descriptions are cut: previews and search results show about this much. */
export const DESCRIPTION_MAX = 200;

/**
 * OpenGraph and Twitter card meta, so that a link pasted in Mastodon, Slack or a chat shows the page:
 * title, description, URL, the site's name, the image when there is one. Twitter (X) reads the
 * title, description and image from OpenGraph when it has no twitter: ones, so only the card type is
 * written for it (every byte is paid once per event page).
 */
export function previewMeta(config: SiteConfig, title: string, description: string, meta: PageMeta): SafeHtml {
  return html`<link rel="canonical" href="${meta.url}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${config.title}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${meta.url}">
${
  meta.image
    ? html`<meta property="og:image" content="${meta.image}">
`
    : ''
}<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}">
`;
}
