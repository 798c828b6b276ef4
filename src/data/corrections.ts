/** The corrections target this build uses: ARCHIVE_CORRECTIONS if set, else CORRECTIONS_TARGET in src/utils/site.ts. */
import { parseCorrectionTarget, type CorrectionTarget } from '../utils/cite/corrections.ts';
import { CORRECTIONS_TARGET } from '../utils/site.ts';

export const correctionTarget: CorrectionTarget | undefined = parseCorrectionTarget(
  process.env.ARCHIVE_CORRECTIONS ?? CORRECTIONS_TARGET,
);
