/**
 * Minimal pages for the device flow's user side (`features.deviceFlow.*Source`). They replace the
 * library defaults only to keep its "you SHOULD change this" notices out of test output; the forms
 * they embed are the provider's own (xsrf + user_code), which approveDeviceCode() submits.
 */
import { DEVICE_SUCCESS_MARKER } from './user-flows.js';

interface PageContext {
  body: unknown;
}

const page = (content: string) => `<!DOCTYPE html><html><body>${content}</body></html>`;

export const devicePages = {
  async userCodeInputSource(ctx: PageContext, form: string, _out: unknown, err: unknown): Promise<void> {
    ctx.body = page(`${err === undefined ? '' : '<p class="error">code rejected</p>'}${form}`);
  },
  async userCodeConfirmSource(ctx: PageContext, form: string): Promise<void> {
    ctx.body = page(form);
  },
  async successSource(ctx: PageContext): Promise<void> {
    ctx.body = page(`<p id="${DEVICE_SUCCESS_MARKER}">Device approved.</p>`);
  },
};
