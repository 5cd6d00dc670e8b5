// Answers a CRM's authorize page as a browser would: GET the page, read its
// form (hidden inputs, the chosen submit button), POST it back to the page's
// own URL, and hand back where the redirect points, without following it.

const unescapeHtml = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export interface ConsentAnswer {
  /** The page's HTML, as shown. */
  readonly page: string;
  /** Where the CRM redirects the browser after the choice. */
  readonly location: URL;
}

export async function answerConsent(
  authorizeUrl: string,
  decision: 'allow' | 'deny',
): Promise<ConsentAnswer> {
  const shown = await fetch(authorizeUrl);
  const page = await shown.text();
  if (shown.status !== 200) throw new Error(`authorize page answered ${shown.status}: ${page}`);
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(page);
  if (!form) throw new Error(`no form on the authorize page: ${page}`);
  const action = /\baction="([^"]*)"/i.exec(form[1] ?? '')?.[1];
  const method = /\bmethod="([^"]*)"/i.exec(form[1] ?? '')?.[1] ?? 'get';
  const fields = new URLSearchParams();
  for (const input of (form[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(input[0])?.[1];
    const value = /\bvalue="([^"]*)"/i.exec(input[0])?.[1] ?? '';
    if (name !== undefined && /\btype="hidden"/i.test(input[0]))
      fields.append(unescapeHtml(name), unescapeHtml(value));
  }
  const button = [...(form[2] ?? '').matchAll(/<button\b[^>]*>/gi)].find((b) =>
    new RegExp(`value="${decision}"`, 'i').test(b[0]),
  );
  if (!button) throw new Error(`no "${decision}" button on the authorize page`);
  const buttonName = /\bname="([^"]*)"/i.exec(button[0])?.[1];
  if (buttonName) fields.append(buttonName, decision);
  const target = new URL(action ? unescapeHtml(action) : authorizeUrl, authorizeUrl);
  if (method.toLowerCase() !== 'post') throw new Error('expected a POST form');
  const sent = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  const location = sent.headers.get('location');
  if (sent.status !== 302 || !location)
    throw new Error(`expected a redirect, got ${sent.status}: ${await sent.text()}`);
  return { page, location: new URL(location, target) };
}
