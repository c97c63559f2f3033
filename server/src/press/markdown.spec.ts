import { renderHtml, renderText } from './markdown';

describe('communiqué markdown subset', () => {
  it.each([
    ['Bonjour **tous**', '<p>Bonjour <strong>tous</strong></p>'],
    ['*Important* : rester chez soi', '<p><em>Important</em> : rester chez soi</p>'],
    ['## Consignes\n- fermer les volets\n- écouter France Bleu', '<h2>Consignes</h2>\n<ul><li>fermer les volets</li><li>écouter France Bleu</li></ul>'],
    ['Voir [le site](https://www.puy-de-dome.gouv.fr/a?b=1&c=2)', '<p>Voir <a href="https://www.puy-de-dome.gouv.fr/a?b=1&amp;c=2">le site</a></p>'],
    ['ligne 1\nligne 2\n\npara 2', '<p>ligne 1<br>ligne 2</p>\n<p>para 2</p>'],
  ])('%j', (source, html) => expect(renderHtml(source)).toBe(html));

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](https://a.fr" onmouseover="alert(1))',
    '**<b>gras</b>**',
  ])('never lets markup through: %j', (source) => {
    const html = renderHtml(source);
    expect(html).not.toMatch(/<(script|img|b)[\s>]/);
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).not.toMatch(/" on\w+="/);
  });

  it('renders plain text for e-mails and PDFs', () => {
    expect(renderText('## Consignes\n- **fermer** les volets\n\nVoir [le site](https://a.fr)')).toBe(
      'CONSIGNES\n\n– fermer les volets\n\nVoir le site (https://a.fr)',
    );
  });
});
