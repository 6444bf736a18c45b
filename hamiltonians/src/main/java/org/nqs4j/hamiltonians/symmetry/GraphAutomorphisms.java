package org.nqs4j.hamiltonians.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;

/**
 * The automorphism group of a graph with coloured edges: every permutation p with
 * colours(p(i), p(j)) = colours(i, j) for all pairs, the symmetries of any Hamiltonian that couples
 * bonds by colour. Found by backtracking with refinement (the scheme of McKay's canonical labelling,
 * without its pruning by orbits): sites are first split by colour refinement (1-dimensional
 * Weisfeiler–Leman: a site's class is refined by the multiset of (bond colours, class) of its
 * neighbours until stable), an automorphism maps each class onto itself, and sites are placed in
 * breadth-first order so that the bonds to placed sites prune each choice. Meant for the small
 * custom graphs of ED-sized problems; the search stops with an error beyond {@code limit} elements.
 */
public final class GraphAutomorphisms {
    private final int n;
    /** Colour set of each pair as an id, 0 for no bond. */
    private final int[][] adjacency;
    private final int[] cls;
    private final int[] order;
    private final int limit;
    private final List<int[]> found = new ArrayList<>();

    private GraphAutomorphisms(int n, List<Edge> edges, int limit) {
        this.n = n;
        this.limit = limit;
        Map<Integer, TreeSet<Integer>> colours = new HashMap<>();
        for (Edge e : edges) {
            colours.computeIfAbsent(e.i() * n + e.j(), x -> new TreeSet<>()).add(e.colour());
        }
        Map<String, Integer> ids = new HashMap<>();
        this.adjacency = new int[n][n];
        for (Map.Entry<Integer, TreeSet<Integer>> c : colours.entrySet()) {
            int id = ids.computeIfAbsent(c.getValue().toString(), x -> ids.size() + 1);
            int i = c.getKey() / n;
            int j = c.getKey() % n;
            adjacency[i][j] = id;
            adjacency[j][i] = id;
        }
        this.cls = refine();
        this.order = breadthFirstOrder();
    }

    /** The automorphisms of the lattice's coloured bond graph, rows sorted (row 0 the identity). */
    public static int[][] of(Lattice lattice, int limit) {
        return of(lattice.nSites(), lattice.edges(), limit);
    }

    /** The automorphisms of the graph on n sites with these edges, rows sorted (row 0 the identity). */
    public static int[][] of(int n, List<Edge> edges, int limit) {
        GraphAutomorphisms search = new GraphAutomorphisms(n, edges, limit);
        search.extend(0, new int[n], new boolean[n]);
        search.found.sort(Arrays::compare);
        return search.found.toArray(int[][]::new);
    }

    /** Colour refinement: classes split by the sorted (colour set, class) list of neighbours until stable. */
    private int[] refine() {
        int[] label = new int[n];
        int classes = 1;
        while (true) {
            String[] signature = new String[n];
            for (int i = 0; i < n; i++) {
                List<String> around = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (adjacency[i][j] != 0) {
                        around.add(adjacency[i][j] + ":" + label[j]);
                    }
                }
                around.sort(null);
                signature[i] = label[i] + "|" + around;
            }
            TreeSet<String> distinct = new TreeSet<>(Arrays.asList(signature));
            List<String> sorted = new ArrayList<>(distinct);
            int[] next = new int[n];
            for (int i = 0; i < n; i++) {
                next[i] = sorted.indexOf(signature[i]);
            }
            label = next;
            if (distinct.size() == classes) {
                return label;
            }
            classes = distinct.size();
        }
    }

    private int[] breadthFirstOrder() {
        int[] out = new int[n];
        boolean[] seen = new boolean[n];
        int head = 0;
        int tail = 0;
        for (int start = 0; start < n; start++) {
            if (seen[start]) {
                continue;
            }
            seen[start] = true;
            out[tail++] = start;
            while (head < tail) {
                int s = out[head++];
                for (int t = 0; t < n; t++) {
                    if (adjacency[s][t] != 0 && !seen[t]) {
                        seen[t] = true;
                        out[tail++] = t;
                    }
                }
            }
        }
        return out;
    }

    private void extend(int depth, int[] image, boolean[] used) {
        if (depth == n) {
            if (found.size() >= limit) {
                throw new IllegalArgumentException("the graph has more than " + limit + " automorphisms; too many to"
                        + " sum over in a projection");
            }
            found.add(image.clone());
            return;
        }
        int v = order[depth];
        for (int w = 0; w < n; w++) {
            if (used[w] || cls[w] != cls[v] || !consistent(depth, v, w, image)) {
                continue;
            }
            image[v] = w;
            used[w] = true;
            extend(depth + 1, image, used);
            used[w] = false;
        }
    }

    /** Whether v ↦ w keeps the bond colours to every site placed before v. */
    private boolean consistent(int depth, int v, int w, int[] image) {
        for (int d = 0; d < depth; d++) {
            int u = order[d];
            if (adjacency[v][u] != adjacency[w][image[u]]) {
                return false;
            }
        }
        return true;
    }
}
