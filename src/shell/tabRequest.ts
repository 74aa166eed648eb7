import { create } from 'zustand';

/** A request from outside a tab list (a lesson step) to show one of its tabs; `seq` makes a repeated request count. */
export interface TabRequest {
  readonly id: string;
  readonly seq: number;
}

/** The latest request per tab list name (`dock`, `side`). */
export const useTabRequests = create<{ requests: Readonly<Record<string, TabRequest>> }>()(() => ({ requests: {} }));

/** Asks the tab list `name` to show tab `id`. */
export function requestTab(name: string, id: string): void {
  useTabRequests.setState((s) => ({ requests: { ...s.requests, [name]: { id, seq: (s.requests[name]?.seq ?? 0) + 1 } } }));
}
