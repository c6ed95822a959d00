/**
 * The code that ships imports without cycles: a cycle works only while every use sits inside a
 * function, and breaks the day one moves to the top of a file. Type-only imports count too, so
 * the layers stay readable: credentials and actions use transport, transport uses nothing above it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** The project files a file imports (relative imports only; packages cannot close a cycle). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/^(?:import|export)[^'";]*?from\s+'(\.[^']+)'/gm)].map(
		(match) => match[1],
	);
	return specifiers.flatMap((specifier) => {
		const base = resolve(dirname(file), specifier);
		const candidates = [`${base}.ts`, join(base, 'index.ts')];
		return candidates.filter((candidate) => {
			try {
				return statSync(candidate).isFile();
			} catch {
				return false;
			}
		});
	});
}

function cycles(files: string[]): string[][] {
	const graph = new Map(files.map((file) => [file, importsOf(file)]));
	const found: string[][] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'visiting');
		stack.push(file);
		for (const next of graph.get(file) ?? importsOf(file)) {
			if (state.get(next) === 'visiting') {
				found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(ROOT, f)));
			} else if (!state.has(next)) {
				visit(next);
			}
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of files) if (!state.has(file)) visit(file);
	return found;
}

describe('no import cycles', () => {
	it.each(['nodes', 'credentials'])('in %s/', (dir) => {
		const files = sourceFiles(join(ROOT, dir));
		expect(files.length).toBeGreaterThan(0);
		expect(cycles(files)).toEqual([]);
	});

	it('finds a cycle when there is one', () => {
		const dir = mkdtempSync(join(tmpdir(), 'imports-'));
		try {
			writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
			writeFileSync(
				join(dir, 'b.ts'),
				"import type { a } from './a';\nexport const b = 1 as unknown as typeof a;\n",
			);
			expect(cycles(sourceFiles(dir)).map((cycle) => cycle.length)).toEqual([3]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
