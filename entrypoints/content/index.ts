import portalMatches from '../../.generated/portal-matches.json';
import { lookupCode } from '../../lib/catalog';
import { todayIso } from '../../lib/claim/dates';
import { startInlineHints } from '../../lib/inline/controller';

export default defineContentScript({
  matches: portalMatches,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const stop = new AbortController();
    ctx.onInvalidated(() => stop.abort());
    startInlineHints(document, {
      signal: stop.signal,
      check(code) {
        const { status } = lookupCode(code, todayIso());
        if (status === 'unknown') return { severity: 'error', rules: ['unknown-code'] };
        if (status === 'deleted') return { severity: 'error', rules: ['deleted-code'] };
        if (status === 'not-yet-valid') return { severity: 'error', rules: ['not-yet-valid'] };
        return { severity: 'ok', rules: [] };
      },
    });
  },
});
