/** What pages ask about people (see peopleIndex.ts); built once per build from the archive's articles. */
import { allArticles, type Article } from './articles.ts';
import { buildPeopleIndex, type PeopleIndex, type Person } from './peopleIndex.ts';
import { personPath } from '../utils/paths.ts';
import { personName } from '../utils/text/urlSlugs.ts';

export type { Person };

let index: Promise<PeopleIndex<Article>> | undefined;

function people(): Promise<PeopleIndex<Article>> {
  index ??= allArticles().then(buildPeopleIndex);
  return index;
}

/** Everyone credited, by number of articles. */
export async function allPeople(): Promise<Person<Article>[]> {
  return (await people()).people;
}

/** The page of the person a byline names, when the archive credits them (it always does for its own bylines). */
export async function personHref(name: string): Promise<string | undefined> {
  const person = (await people()).byName.get(personName(name));
  return person && personPath(person.slug);
}
