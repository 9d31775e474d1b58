import { ok } from '../../../shared/result';
import type { ChannelHandlers, HandlerContext } from './context';

/// The app.* channels: state at start-up, preferences, the unsaved-work flag, close confirmation, clearing recents.
export function appHandlers(ctx: HandlerContext): ChannelHandlers<'app.getState' | 'app.setPreferences' | 'app.setDirty' | 'app.confirmClose' | 'app.clearRecent'> {
  return {
    'app.getState': async () => {
      const store = await ctx.store();
      return ok({
        preferences: store.preferences(),
        corpus: ctx.corpus,
        recentCorpora: store.recentCorpora(),
        shell: ctx.deps.shell,
        appVersion: ctx.deps.appVersion,
      });
    },
    'app.setPreferences': async (patch) => {
      const preferences = await (await ctx.store()).setPreferences(patch);
      ctx.deps.onAppStateChange?.();
      return ok(preferences);
    },
    'app.clearRecent': async () => {
      await (await ctx.store()).clearRecentCorpora();
      ctx.deps.onAppStateChange?.();
      return ok(null);
    },
    'app.setDirty': async (dirty) => {
      ctx.deps.onDirtyChange?.(dirty);
      return ok(null);
    },
    'app.confirmClose': async () => {
      ctx.deps.onConfirmClose?.();
      return ok(null);
    },
  };
}
