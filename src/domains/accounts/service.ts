import type { Context } from '../../platform/context.js';

export async function createAdmin(_ctx: Context, input: { email: string; name: string; password?: string }) {
  return { created: false, email: input.email, generatedPassword: undefined as string | undefined };
}
