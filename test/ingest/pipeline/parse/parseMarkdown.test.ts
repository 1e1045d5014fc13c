import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../../ingest/pipeline/parse/parseSeed.js';
import { parseArticle } from '../../../helpers/parseArticle.js';

const BODY = `# A heading that is not the title

Niger's military government said on **Monday** that it had ended the European Union's two security missions in the country, a [statement](https://example.org/statement) read on state television said.

- Russia's deputy defence minister visited Niamey.
- The two sides discussed military cooperation.
`;

describe('parseSeed on Markdown', () => {
  it('GIVEN complete front-matter THEN every stated field is taken as given', () => {
    const text = `---\ntitle: Niger ends EU missions\nurl: https://news.example/niger-eu\npublisher: Example News\npublished: 2023-12-05\nlanguage: en\n---\n${BODY}`;
    const article = parseArticle('example/niger.md', text);
    expect(article).toMatchObject({
      title: 'Niger ends EU missions',
      url: 'https://news.example/niger-eu',
      site: 'news.example',
      publisher: 'Example News',
      published: '2023-12-05',
      language: 'en',
    });
  });

  it('GIVEN Markdown syntax THEN the text is plain: no markers, link text kept, list items as paragraphs', () => {
    const article = parseArticle('example/niger.md', `---\ntitle: Niger ends EU missions\n---\n${BODY}`);
    expect(article.text).toContain(
      "said on Monday that it had ended the European Union's two security missions in the country, a statement read",
    );
    expect(article.text).not.toMatch(/[*#[\]]|https:/);
    expect(article.text).toContain('\n\nThe two sides discussed military cooperation.');
  });

  it('GIVEN the aliases date and source THEN they fill published and url', () => {
    const article = parseArticle('alias.md', `---\ntitle: Alias\ndate: 2024-05-05\nsource: https://www.defense-arabic.com/x\n---\n${BODY}`);
    expect(article.published).toBe('2024-05-05');
    expect(article.url).toBe('https://www.defense-arabic.com/x');
  });

  it('GIVEN no front-matter THEN the first level-one heading is the title and the language is detected', () => {
    const article = parseArticle('plain.md', `Menu\n\n# Niger ends EU security missions\n\n${BODY}`);
    expect(article.title).toBe('Niger ends EU security missions');
    expect(article.language).toBe('en');
    expect(article.text).not.toContain('Niger ends EU security missions');
  });

  it.each([
    ['published: 5 December 2023', 'published'],
    ['url: not a url', 'url'],
    ['language: "Bahasa Indonesia"', 'language'],
    ['title: ""', 'title'],
  ])('GIVEN front-matter "%s" THEN the file is unusable for a reason naming the field %s', (line, field) => {
    expect(parseSeed('bad/article.md', `---\n${line}\n---\n${BODY}`)).toEqual({
      ok: false,
      reason: expect.stringMatching(new RegExp(`^front-matter field "${field}": `)),
    });
  });

  it('GIVEN front-matter that is not YAML THEN the file is unusable, saying so', () => {
    expect(parseSeed('broken.md', `---\ntitle: [unclosed\n---\n${BODY}`)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^front-matter is not valid YAML/),
    });
  });
});
