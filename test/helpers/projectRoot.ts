import { resolve } from 'node:path';

/** The project's root folder, for tests that spawn its command lines or read its files. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
