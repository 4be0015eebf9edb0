import { graphql } from './gql';

/** Asked by the header of every page, and preloaded with each page's own queries (preload.ts). */
export const PLATFORM_DATE = graphql(`
  query PlatformDate {
    serverInfo {
      today
      demoDate
    }
  }
`);
