/**
 * Rows of one entity kept in ascending ID order (IDs are assigned incrementally), with an
 * ID index. Listing never sorts or copies: pages are read straight from `rows`.
 */
export class Table<T extends object> {
	private list: T[] = [];
	private readonly index = new Map<number, T>();
	private next: number;

	constructor(
		private readonly idOf: (row: T) => number,
		private readonly firstId: number,
	) {
		this.next = firstId;
	}

	get rows(): readonly T[] {
		return this.list;
	}

	get size(): number {
		return this.list.length;
	}

	/** Reserves the next ID. */
	nextId(): number {
		return this.next++;
	}

	/** Builds a row with a fresh ID and stores it. */
	create(build: (id: number) => T): T {
		const row = build(this.nextId());
		this.insert(row);
		return row;
	}

	insert(row: T): T {
		const id = this.idOf(row);
		if (this.index.has(id)) throw new Error(`Duplicate id ${id}`);
		const last = this.list[this.list.length - 1];
		if (last === undefined || this.idOf(last) < id) {
			this.list.push(row);
		} else {
			this.list.splice(this.position(id), 0, row);
		}
		this.index.set(id, row);
		if (id >= this.next) this.next = id + 1;
		return row;
	}

	get(id: number): T | undefined {
		return this.index.get(id);
	}

	has(id: number): boolean {
		return this.index.has(id);
	}

	delete(id: number): boolean {
		if (!this.index.delete(id)) return false;
		this.list.splice(this.position(id), 1);
		return true;
	}

	/** Deletes many rows in one pass; returns how many were removed. */
	deleteWhere(predicate: (row: T) => boolean): number {
		const before = this.list.length;
		this.list = this.list.filter((row) => {
			if (!predicate(row)) return true;
			this.index.delete(this.idOf(row));
			return false;
		});
		return before - this.list.length;
	}

	clear(): void {
		this.list = [];
		this.index.clear();
		this.next = this.firstId;
	}

	/** Index of the first row whose ID is >= id (binary search). */
	private position(id: number): number {
		let lo = 0;
		let hi = this.list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.idOf(this.list[mid]) < id) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
