/**
 * No import cycles: a module that imports another must not be imported back by it, directly or
 * through others, type-only imports and re-exports included (a reader meets them just the same).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

import ts from 'typescript';

const ROOT = resolve(__dirname, '..');

/** What ships, and the emulator its tests run against. */
const FOLDERS = ['nodes', 'credentials', 'sandbox'];

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
	});
}

/** The project files a file imports or re-exports from (packages and node: modules left out). */
function importsOf(file: string): string[] {
	const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
	const names = new Set(importedFiles.map(({ fileName }) => fileName));
	return [...names]
		.filter((name) => name.startsWith('.'))
		.map((name) => {
			const base = resolve(dirname(file), name);
			const found = [`${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path));
			if (!found) throw new Error(`${relative(ROOT, file)} imports ${name}, which is no .ts file`);
			return found;
		});
}

/** Every cycle, as the files along it from its first file back to that file. */
function cycles(files: string[]): string[][] {
	const graph = new Map(files.map((file) => [file, importsOf(file)]));
	const found: string[][] = [];
	const done = new Set<string>();
	const visit = (file: string, path: string[]) => {
		const at = path.indexOf(file);
		if (at >= 0) return void found.push([...path.slice(at), file]);
		if (done.has(file) || !graph.has(file)) return;
		for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
		done.add(file);
	};
	for (const file of files) visit(file, []);
	return found.map((cycle) => cycle.map((file) => relative(ROOT, file)));
}

describe('import graph', () => {
	it('reads the imports of a file, type-only ones and re-exports included', () => {
		expect(importsOf(join(ROOT, 'sandbox/index.ts')).map((file) => relative(ROOT, file))).toEqual(
			expect.arrayContaining(['sandbox/clock.ts', 'sandbox/server.ts', 'sandbox/faults.ts']),
		);
	});

	it(`has no cycle in ${FOLDERS.join('/, ')}/`, () => {
		expect(cycles(FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))))).toEqual([]);
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
