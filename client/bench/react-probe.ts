/**
 * Which React components rendered in each commit, seen from outside the app: a minimal
 * `__REACT_DEVTOOLS_GLOBAL_HOOK__` (the interface React DOM reports its commits to, in production
 * and profiling builds alike). It must exist before react-dom loads: import this module first.
 *
 * A fiber rendered in a commit when it is new, or when React ran it (the PerformedWork flag);
 * a subtree whose child list is the one of the previous commit was skipped whole and is not
 * walked (the same rule as React DevTools' profiler).
 */

interface Fiber {
  tag: number;
  type: unknown;
  elementType: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}
interface FiberRoot {
  current: Fiber;
}

export interface CommitRecord {
  at: number;
  /** Components that rendered in this commit (name → times), mounts included. */
  rendered: Record<string, number>;
  mounted: number;
}

export interface Census {
  /** Component fibers in the tree (function, class, forwardRef, memo). */
  components: number;
  /** Host fibers (DOM elements and text). */
  hosts: number;
  /** Instances per component name, most frequent first. */
  byName: [string, number][];
}

export interface ProfilerRecord {
  id: string;
  phase: string;
  actualDuration: number;
  at: number;
}

export interface ReactProbe {
  injected: boolean;
  commits: CommitRecord[];
  profiler: ProfilerRecord[];
  census(): Census;
}

declare global {
  interface Window {
    __reactProbe?: ReactProbe;
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
  }
}

const PERFORMED_WORK = 1;
/** FunctionComponent, ClassComponent, ForwardRef, MemoComponent, SimpleMemoComponent. */
const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
const HOST_TAGS = new Set([5, 6, 26, 27]);

function nameOf(type: unknown): string {
  if (typeof type === 'function') {
    const f = type as { displayName?: string; name?: string };
    return f.displayName ?? (f.name || 'Anonymous');
  }
  if (typeof type === 'object' && type !== null) {
    const o = type as { displayName?: string; type?: unknown; render?: unknown };
    if (o.displayName) return o.displayName;
    if (o.type !== undefined) return `memo(${nameOf(o.type)})`;
    if (o.render !== undefined) return `forwardRef(${nameOf(o.render)})`;
  }
  return 'Anonymous';
}

function componentName(fiber: Fiber): string {
  // SimpleMemoComponent: `type` is the inner function; name it after the memo wrapper
  return fiber.tag === 15 ? `memo(${nameOf(fiber.type)})` : nameOf(fiber.type);
}

let root: FiberRoot | null = null;
const probe: ReactProbe = {
  injected: false,
  commits: [],
  profiler: [],
  census() {
    const byName = new Map<string, number>();
    let components = 0;
    let hosts = 0;
    const walk = (fiber: Fiber | null) => {
      for (let f = fiber; f; f = f.sibling) {
        if (COMPONENT_TAGS.has(f.tag)) {
          components++;
          const name = componentName(f);
          byName.set(name, (byName.get(name) ?? 0) + 1);
        } else if (HOST_TAGS.has(f.tag)) hosts++;
        walk(f.child);
      }
    };
    if (root) walk(root.current.child);
    return { components, hosts, byName: [...byName].sort((a, b) => b[1] - a[1]) };
  },
};

function recordCommit(fiberRoot: FiberRoot): void {
  root = fiberRoot;
  const rendered: Record<string, number> = {};
  let mounted = 0;
  const visit = (fiber: Fiber) => {
    const previous = fiber.alternate;
    if (COMPONENT_TAGS.has(fiber.tag) && (!previous || (fiber.flags & PERFORMED_WORK) !== 0)) {
      const name = componentName(fiber);
      rendered[name] = (rendered[name] ?? 0) + 1;
      if (!previous) mounted++;
    }
    if (previous && fiber.child === previous.child) return; // bailed out whole
    for (let c = fiber.child; c; c = c.sibling) visit(c);
  };
  visit(fiberRoot.current);
  probe.commits.push({ at: performance.now(), rendered, mounted });
}

if (typeof window !== 'undefined') {
  window.__reactProbe = probe;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(internals: unknown) {
      probe.injected = true;
      (this as { renderers: Map<number, unknown> }).renderers.set(1, internals);
      return 1;
    },
    onCommitFiberRoot(_id: number, fiberRoot: FiberRoot) {
      recordCommit(fiberRoot);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
  };
}

/** `<Profiler onRender>`: called only by React's profiling build. */
export function onProfilerRender(id: string, phase: string, actualDuration: number): void {
  probe.profiler.push({ id, phase, actualDuration, at: performance.now() });
}
