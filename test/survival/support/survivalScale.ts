/**
 * The survival tests run a CI-sized count by default (the whole suite stays well under 10
 * minutes on two cores) and the full count the issue asks for with `SURVIVAL_FULL=1`
 * (`npm run test:survival`).
 */
export const FULL_SURVIVAL = process.env.SURVIVAL_FULL === '1';

export const survivalCount = (ci: number, full: number) => (FULL_SURVIVAL ? full : ci);
