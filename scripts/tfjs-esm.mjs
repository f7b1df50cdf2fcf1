/**
 * `tsx --import ./scripts/tfjs-esm.mjs …`: lets Node load the ES-module files of TensorFlow.js that
 * bundlers read. tfjs-core publishes its gradients only as `dist/register_all_gradients.js`, whose
 * relative imports have no file extension ('./gradients/Abs_grad'); Vite resolves those, Node's
 * module loader does not. This resolve hook retries such an import inside @tensorflow/ with '.js'.
 * Used by `npm run train` (scripts/train.ts); the page's worker is bundled by Vite and needs none.
 */
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const parent = context.parentURL ?? '';
    if (specifier.startsWith('.') && !specifier.endsWith('.js') && parent.includes('/@tensorflow/')) {
      return next(specifier + '.js', context);
    }
    throw error;
  }
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
