import { jsonPath } from './path.ts';

export interface Substituted {
  value: unknown;
  /** One sentence per variable that is unset and has no default. */
  problems: { path: string; message: string }[];
}

const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Keys beginning with `//` are comments: the file explains itself by example, the loader drops them. */
export const isComment = (key: string) => key.startsWith('//');

/**
 * Replaces `${NAME}` and `${NAME:-default}` in every string of a parsed JSON tree (`$${` is a
 * literal `${`), and drops comment keys. Like the shell, `:-` also applies when the variable is
 * set but empty. Unset variables without a default are collected, not thrown, so every one is reported.
 */
export function substituteEnv(tree: unknown, env: NodeJS.ProcessEnv): Substituted {
  const problems: Substituted['problems'] = [];
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string')
      return node.replace(REFERENCE, (whole, name: string | undefined, fallback: string | undefined) => {
        if (whole === '$${') return '${';
        const value = env[name as string];
        if (fallback !== undefined) return value ? value : fallback;
        if (value !== undefined) return value;
        problems.push({
          path: jsonPath(path),
          message: `environment variable ${name} is not set; export it, or write \${${name}:-DEFAULT} to fall back to a value`,
        });
        return '';
      });
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(
        Object.entries(node)
          .filter(([key]) => !isComment(key))
          .map(([key, value]) => [key, walk(value, [...path, key])]),
      );
    return node;
  };
  return { value: walk(tree, []), problems };
}
