"""Union-find grouping of documents linked by matches."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Disjoint sets over hashable items, with path halving and union by size."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._size: dict[str, int] = {}

    def find(self, x: str) -> str:
        self._parent.setdefault(x, x)
        self._size.setdefault(x, 1)
        while self._parent[x] != x:
            self._parent[x] = self._parent[self._parent[x]]
            x = self._parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self._size[ra] < self._size[rb]:
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._size[ra] += self._size[rb]

    def groups(self) -> list[list[str]]:
        """Sets with two or more members, each sorted, ordered by their first member."""
        by_root: dict[str, list[str]] = {}
        for x in self._parent:
            by_root.setdefault(self.find(x), []).append(x)
        return sorted((sorted(g) for g in by_root.values() if len(g) > 1), key=lambda g: g[0])


def connected_groups(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    uf = UnionFind()
    for a, b in edges:
        uf.union(a, b)
    return uf.groups()
