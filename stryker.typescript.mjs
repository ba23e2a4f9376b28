// Stryker's TypeScript checker (and its tsconfig preprocessor) use the compiler's JavaScript API,
// which TypeScript 7 (the project's compiler, native) no longer ships. This resolve hook hands
// Stryker's own imports of `typescript` to TypeScript 6 (devDependency `typescript-6`, the last
// release with that API); everything else, the project's `tsc` included, keeps TypeScript 7.
// stryker.config.mjs imports it; it registers itself in this process and, through NODE_OPTIONS,
// in the checker and test-runner processes Stryker starts.
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/@stryker-mutator/')) return next('typescript-6', context);
  return next(specifier, context);
}

if (isMainThread && !globalThis.strykerTypescriptHook) {
  globalThis.strykerTypescriptHook = true;
  register(import.meta.url);
  const flag = `--import ${import.meta.url}`;
  if (!process.env.NODE_OPTIONS?.includes(flag)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${flag}`.trim();
}
