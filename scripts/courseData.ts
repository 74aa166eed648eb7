/**
 * The course's data files the lessons load themselves (a `loadData` set-up), shipped as exact
 * copies in public/data/. The source is the course's data folder, ../shared/data/ beside the
 * repository (its README says what each file is: Boston housing, 506 rows).
 */
export const COURSE_DATA = ['boston_rm_price.csv', 'boston_rm_lstat_price.csv'] as const;

/** Where the copies come from: the course's data folder. */
export const COURSE_DATA_SOURCE = new URL('../../shared/data/', import.meta.url);
