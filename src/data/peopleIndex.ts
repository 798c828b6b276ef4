/**
 * The people named in bylines and credits, built in one pass over the articles (pure, so it is unit-tested
 * without Astro). A person is a normalised name (personName): 周 健 and 周健 are one person, whatever roles
 * they were credited under.
 */
import type { AuthorRole } from '../schemas/articleContract.ts';
import { personName, personSlug } from '../utils/text/urlSlugs.ts';
import type { IndexableArticle } from './archiveIndex.ts';

export interface Person<T> {
  name: string;
  slug: string;
  /** Roles credited, the most frequent first (then in first-seen order). */
  roles: { role: AuthorRole; count: number }[];
  /** Articles per year, newest year first; undated articles under `null`, last. */
  years: { year: string | null; count: number }[];
  /** The person's articles, in the order given (the archive's newest-first order). */
  articles: T[];
}

/** People by article count, then by name in code-point order. */
export interface PeopleIndex<T> {
  people: Person<T>[];
  bySlug: Map<string, Person<T>>;
  /** Keyed by the normalised name (personName). */
  byName: Map<string, Person<T>>;
}

export function buildPeopleIndex<T extends IndexableArticle>(articles: readonly T[]): PeopleIndex<T> {
  const byKey = new Map<
    string,
    { person: Person<T>; roles: Map<AuthorRole, number>; years: Map<string | null, number> }
  >();
  const slugOwner = new Map<string, string>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const author of article.data.authors) {
      const name = personName(author.name);
      if (name === '') continue;
      let entry = byKey.get(name);
      if (!entry) {
        let slug = personSlug(name);
        // Two names cannot share a slug (a hashed stand-in could collide); number the later one.
        for (let n = 2; slugOwner.has(slug); n++) slug = `${personSlug(name)}-${n}`;
        slugOwner.set(slug, name);
        entry = { person: { name, slug, roles: [], years: [], articles: [] }, roles: new Map(), years: new Map() };
        byKey.set(name, entry);
      }
      entry.roles.set(author.role, (entry.roles.get(author.role) ?? 0) + 1);
      // One article counts once for its person, even when it credits them twice (记者 and 摄影).
      if (seen.has(name)) continue;
      seen.add(name);
      entry.person.articles.push(article);
      const year = article.data.date?.slice(0, 4) ?? null;
      entry.years.set(year, (entry.years.get(year) ?? 0) + 1);
    }
  }
  const people = [...byKey.values()].map(({ person, roles, years }) => {
    person.roles = [...roles].map(([role, count]) => ({ role, count })).sort((a, b) => b.count - a.count);
    person.years = [...years]
      .map(([year, count]) => ({ year, count }))
      .sort((a, b) => (a.year === b.year ? 0 : a.year === null ? 1 : b.year === null ? -1 : a.year < b.year ? 1 : -1));
    return person;
  });
  people.sort((a, b) => b.articles.length - a.articles.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { people, bySlug: new Map(people.map((p) => [p.slug, p])), byName: new Map(people.map((p) => [p.name, p])) };
}
