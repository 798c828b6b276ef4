import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articlesByRegion } from '../../../data/articles.ts';
import { allRegions } from '../../../data/regions.ts';
import { feedItems } from '../../../utils/feed.ts';
import { regionPath } from '../../../utils/paths.ts';
import { SITE_NAME } from '../../../utils/site.ts';
import { pathsInBuildPart } from '../../../utils/buildPart.ts';

export const getStaticPaths = (() =>
  pathsInBuildPart(
    allRegions.map((region) => ({ params: { slug: region.slug }, props: { region } })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const { region } = props;
  return rss({
    title: `${region.name} · ${SITE_NAME}`,
    description: `${SITE_NAME}中关于${region.name}的最新报道`,
    site: new URL(regionPath(region.slug), site),
    items: feedItems(await articlesByRegion(region.name)),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
};
